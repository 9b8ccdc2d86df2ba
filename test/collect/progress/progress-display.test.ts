/**
 * The progress display on a terminal, fed a scripted collection and drawn into a virtual
 * terminal: the counts of the header and of each account, a finished account collapsed to one
 * line, a failed account printed once above the block, lines cut to the width, never more lines
 * than the rows, at most ten frames a second, and a summary that stays.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectEvent, CollectLog } from '../../../src/collect/progress/collect-log.js';
import { progressCollectLog } from '../../../src/collect/progress/collect-log.js';
import { duration, fit } from '../../../src/collect/progress/progress-display.js';
import { VirtualTerminal } from '../support/virtual-terminal.js';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const REGIONS = ['eu-west-1', 'us-east-1'];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-06-01T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const calls = { calls: 0, retries: 0, throttles: 0, failures: 0 };

function display(columns = 160, rows = 30): { terminal: VirtualTerminal; log: CollectLog } {
  const terminal = new VirtualTerminal(columns, rows);
  calls.calls = 0;
  calls.retries = 0;
  calls.throttles = 0;
  calls.failures = 0;
  return { terminal, log: progressCollectLog(terminal, () => calls, { now: () => Date.now() }) };
}

/** An account of two regions: ec2 and kms in each region (4 units), iam once (1 unit). */
function plan(accountId: string, name: string): CollectEvent {
  return { event: 'account-plan', accountId, name, regions: REGIONS, units: 5, unitsPerRegion: 2, services: { ec2: 2, iam: 1, kms: 2 } };
}

function unit(accountId: string, region: string, service: string, resources: number, failures = 0): CollectEvent {
  const scope = service === 'iam' ? 'account' : 'region';
  return { event: 'unit-done', accountId, region, service, resourceType: `AWS::${service}::Thing`, scope, resources, failures, seconds: 0.5 };
}

function tick(ms = 100): void {
  vi.advanceTimersByTime(ms);
}

describe('the progress display', () => {
  it('shows the totals and each account in progress, collapses a finished account and prints a failed one once', () => {
    const { terminal, log } = display();
    log.emit({ event: 'accounts', accounts: 3, regions: 0 });
    log.emit({ event: 'account-start', accountId: A, name: 'harbor-prod' });
    log.emit({ event: 'account-start', accountId: B, name: B });
    log.emit(plan(A, 'harbor-prod'));
    log.emit(unit(A, 'eu-west-1', 'ec2', 4));
    log.emit(unit(A, 'eu-west-1', 'kms', 3, 2));
    log.emit(unit(A, 'us-east-1', 'iam', 7));
    calls.calls = 1234;
    calls.retries = 5;
    calls.throttles = 3;
    calls.failures = 2;
    tick(1500);
    expect(terminal.screen()).toEqual([
      'collecting 0/3 accounts · 3/5 units (60%) · 14 resources · 1,234 API calls · 5 retries, 3 throttles · 2 failed calls · 2s',
      '  ▸ harbor-prod (111111111111)  regions 1/2  services 1/3  units 3/5  14 resources  2 unreadable  waiting: ec2, kms',
      `  ▸ ${B}  connecting…`,
    ]);

    log.emit({ event: 'account-failed', accountId: C, name: 'legacy', code: 'AccessDenied', message: 'not authorized to perform: sts:AssumeRole' });
    log.emit(unit(A, 'us-east-1', 'ec2', 1));
    log.emit(unit(A, 'us-east-1', 'kms', 0));
    log.emit({ event: 'collector-done', accountId: A, resourceType: 'AWS::KMS::Key', resources: 3, seconds: 1 });
    log.emit({ event: 'account-done', accountId: A, name: 'harbor-prod', resources: 15, seconds: 42 });
    tick();
    tick();
    expect(terminal.screen()).toEqual([
      '  ✗ legacy (333333333333) was not collected: AccessDenied: not authorized to perform: sts:AssumeRole',
      'collecting 2/3 accounts (1 not collected) · 5/5 units (100%) · 15 resources · 1,234 API calls · 5 retries, 3 throttles · 2 failed calls · 2s',
      `  ▸ ${B}  connecting…`,
      '  ✓ harbor-prod (111111111111)  2 regions · 15 resources · 2 unreadable · 42s',
    ]);

    log.emit(plan(B, B));
    for (const region of REGIONS) for (const service of ['ec2', 'kms']) log.emit(unit(B, region, service, 1));
    log.emit(unit(B, 'us-east-1', 'iam', 2));
    log.emit({ event: 'account-done', accountId: B, name: B, resources: 6, seconds: 3 });
    tick();
    log.emit({ event: 'done', resources: 24, calls: 1300, retries: 5, throttles: 3, failures: 2, seconds: 0 });
    const summary = [
      '  ✗ legacy (333333333333) was not collected: AccessDenied: not authorized to perform: sts:AssumeRole',
      '  ✓ harbor-prod (111111111111)  2 regions · 15 resources · 2 unreadable · 42s',
      `  ✓ ${B}  2 regions · 6 resources · 3s`,
      'collected 2/3 accounts (1 not collected) · 10 units · 24 resources · 2 unreadable · 1,234 API calls · 5 retries, 3 throttles · 2 failed calls · in 2s',
    ];
    expect(terminal.screen()).toEqual(summary);
    // The failure was printed once, and nothing is drawn after the summary.
    expect(terminal.all().filter((line) => line.includes('was not collected'))).toHaveLength(1);
    const writes = terminal.writes.length;
    calls.calls = 9999;
    tick(1000);
    expect(terminal.writes).toHaveLength(writes);
    expect(terminal.screen()).toEqual(summary);
  });

  it('cuts every line to the width of the terminal', () => {
    const { terminal, log } = display(50, 20);
    log.emit({ event: 'accounts', accounts: 1, regions: 0 });
    log.emit({ event: 'account-start', accountId: A, name: 'an-account-with-a-rather-long-name-indeed' });
    log.emit(plan(A, 'an-account-with-a-rather-long-name-indeed'));
    log.emit(unit(A, 'eu-west-1', 'ec2', 4));
    tick();
    const screen = terminal.screen();
    expect(screen).toEqual(['collecting 0/1 accounts · 1/5 units (20%) · 4 re…', '  ▸ an-account-with-a-rather-long-name-indeed (1…']);
    for (const line of terminal.all()) expect(line.length).toBeLessThanOrEqual(49);
    // A narrower terminal (a resize) is honoured on the next frame.
    terminal.columns = 30;
    log.emit(unit(A, 'eu-west-1', 'kms', 1));
    tick();
    expect(
      terminal
        .screen()
        .slice(-2)
        .every((line) => line.length <= 29 && line.endsWith('…')),
    ).toBe(true);
  });

  it('never draws more lines than the terminal has rows, counting the accounts it cannot show', () => {
    const { terminal, log } = display(120, 6);
    log.emit({ event: 'accounts', accounts: 12, regions: 0 });
    const ids = Array.from({ length: 12 }, (_, i) => String(100000000000 + i));
    for (const id of ids) {
      log.emit({ event: 'account-start', accountId: id, name: id });
      log.emit(plan(id, id));
    }
    for (let round = 0; round < 5; round++) {
      log.emit(unit(ids[round]!, 'eu-west-1', 'ec2', 1));
      tick();
      const screen = terminal.screen();
      // The block stays whole on screen: the header is its first line, drawn once, not smeared upwards.
      expect(screen.length).toBeLessThanOrEqual(5);
      expect(screen[0]).toMatch(/^collecting 0\/12 accounts · \d+\/60 units/);
      expect(terminal.all().filter((line) => line.startsWith('collecting'))).toHaveLength(1);
    }
    expect(terminal.screen()).toEqual([
      'collecting 0/12 accounts · 5/60 units (8%) · 5 resources · 0 API calls · 0 retries, 0 throttles · 0 failed calls · 1s',
      '  ▸ 100000000000  regions 0/2  services 0/3  units 1/5  1 resources  waiting: kms, ec2, iam',
      '  ▸ 100000000001  regions 0/2  services 0/3  units 1/5  1 resources  waiting: kms, ec2, iam',
      '  ▸ 100000000002  regions 0/2  services 0/3  units 1/5  1 resources  waiting: kms, ec2, iam',
      '  … 9 more accounts in progress',
    ]);

    // Finished accounts fill the rows left, the latest first, and the rest are counted.
    for (const id of ids.slice(0, 10)) log.emit({ event: 'account-done', accountId: id, name: id, resources: 1, seconds: 1 });
    tick();
    expect(terminal.screen()).toEqual([
      expect.stringMatching(/^collecting 10\/12 accounts/),
      expect.stringMatching(/^ {2}▸ 100000000010 /),
      expect.stringMatching(/^ {2}▸ 100000000011 /),
      expect.stringMatching(/^ {2}✓ 100000000009 {2}2 regions/),
      '  ✓ 9 more accounts collected',
    ]);
  });

  it('draws at most ten frames a second however fast events come, and nothing when nothing changed', () => {
    const { terminal, log } = display();
    log.emit({ event: 'accounts', accounts: 1, regions: 0 });
    log.emit({ event: 'account-start', accountId: A, name: A });
    log.emit({ event: 'account-plan', accountId: A, name: A, regions: ['eu-west-1'], units: 2000, unitsPerRegion: 2000, services: { ec2: 2000 } });
    for (let i = 0; i < 1000; i++) {
      log.emit(unit(A, 'eu-west-1', 'ec2', 1));
      tick(1);
    }
    expect(terminal.writes.length).toBeGreaterThanOrEqual(9);
    expect(terminal.writes.length).toBeLessThanOrEqual(10);
    const writes = terminal.writes.length;
    tick(300);
    expect(terminal.writes).toHaveLength(writes);
    calls.calls = 1;
    tick(100);
    expect(terminal.writes).toHaveLength(writes + 1);
  });

  it('keeps only the totals in the summary when the accounts would not fit', () => {
    const { terminal, log } = display(200, 4);
    log.emit({ event: 'accounts', accounts: 5, regions: 0 });
    for (const id of ['1', '2', '3', '4', '5']) {
      log.emit({ event: 'account-start', accountId: id, name: id });
      log.emit({ event: 'account-done', accountId: id, name: id, resources: 0, seconds: 0 });
    }
    tick();
    log.emit({ event: 'done', resources: 0, calls: 0, retries: 0, throttles: 0, failures: 0, seconds: 0 });
    expect(terminal.screen()).toEqual(['collected 5/5 accounts · 0 units · 0 resources · 0 API calls · 0 retries, 0 throttles · 0 failed calls · in 0s']);
  });
});

describe('the final summary', () => {
  it('breaks the totals into lines at the width instead of cutting them', () => {
    const { terminal, log } = display(60, 10);
    log.emit({ event: 'accounts', accounts: 1, regions: 0 });
    log.emit({ event: 'account-start', accountId: A, name: A });
    log.emit({ event: 'account-done', accountId: A, name: A, resources: 3, seconds: 1 });
    log.emit({ event: 'done', resources: 3, calls: 0, retries: 0, throttles: 0, failures: 0, seconds: 0 });
    expect(terminal.screen()).toEqual([
      `  ✓ ${A}  0 regions · 3 resources · 1s`,
      'collected 1/1 accounts · 0 units · 3 resources',
      '  0 API calls · 0 retries, 0 throttles · 0 failed calls',
      '  in 0s',
    ]);
  });
});

describe('display helpers', () => {
  it('cuts a line with an ellipsis to one column less than the width', () => {
    expect(fit('abcdef', 10)).toBe('abcdef');
    expect(fit('abcdefghijkl', 10)).toBe('abcdefgh…');
  });

  it('writes durations in seconds, minutes and hours', () => {
    expect(duration(41_400)).toBe('41s');
    expect(duration(72_000)).toBe('1m12s');
    expect(duration(3_780_000)).toBe('1h03m');
  });
});
