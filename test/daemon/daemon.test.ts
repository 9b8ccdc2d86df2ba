/** The daemon over the demo organisation on a fake clock, with SQLite and the in-process queue. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listScans } from '../../src/store/scan-list.js';
import { jobRunSummaries } from '../../src/store/job-runs.js';
import { closeHarness, daemonHarness, type Harness } from './support/daemon-harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await closeHarness(harness);
});
const start = async (at: string, options: Parameters<typeof daemonHarness>[1] = {}) => {
  const harness = await daemonHarness(at, options);
  harnesses.push(harness);
  return harness;
};
const runs = async (harness: Harness, prefix: string) =>
  harness.store.db.selectFrom('job_runs').selectAll().where('job', 'like', `${prefix}%`).orderBy('job').orderBy('period').execute();

describe('vigil daemon on the demo organisation', () => {
  it('runs a full cycle — each account scanned, the bots after each scan (dry run), the daily report — and a second pass runs nothing again', async () => {
    const harness = await start('2026-11-20T07:45:00.000Z');
    const failed = await harness.daemon.once();
    expect(failed, JSON.stringify(harness.logs.filter((line) => line['event'] === 'job.failed'))).toEqual([]);

    expect([...harness.services.collected].sort()).toEqual([...harness.accounts].sort());
    const scans = await listScans(harness.store, { limit: 50 });
    expect(scans.map((scan) => scan.status)).toEqual(harness.accounts.map(() => 'complete'));
    // The bots that follow each scan ran for each account, and the cron bot once.
    const botRuns = harness.services.botRuns.map((run) => `${run.botId}:${run.accountId ?? 'all'}`).sort();
    for (const account of harness.accounts) expect(botRuns).toContain(`public-bucket-fix:${account}`);
    expect(botRuns).toContain('deployer-keys-business-hours:all');
    expect(existsSync(join(harness.dir, 'report', 'report.html'))).toBe(true);
    // The scans' period is the 04:00 tick; the report's 07:30 in London (the config's report.daily.at and timeZone).
    expect((await runs(harness, 'scan:')).map((run) => [run.period, run.state])).toEqual(harness.accounts.map(() => ['2026-11-20T04:00:00.000Z', 'done']));
    expect((await runs(harness, 'report:')).map((run) => run.period)).toEqual(['2026-11-20T07:30:00.000Z']);

    const collected = harness.services.collected.length;
    expect(await harness.daemon.once()).toEqual([]);
    expect(harness.services.collected.length).toBe(collected);
  });

  it('catches up missed ticks once on start: three days down is one scan per account, for the latest tick', async () => {
    const first = await start('2026-11-20T04:10:00.000Z');
    await first.daemon.once();
    await first.store.close();
    const later = await daemonHarness('2026-11-23T09:20:00.000Z', { dir: first.dir });
    harnesses.splice(harnesses.indexOf(first), 1, later);
    await later.daemon.once();
    expect([...later.services.collected].sort()).toEqual([...later.accounts].sort());
    const periods = (await runs(later, 'scan:')).map((run) => run.period);
    expect(new Set(periods)).toEqual(new Set(['2026-11-20T04:00:00.000Z', '2026-11-23T08:00:00.000Z']));
    expect(periods).toHaveLength(later.accounts.length * 2);
  });

  it('reports a run that outlives its next tick, and does not start it twice', async () => {
    const harness = await start('2026-11-20T03:59:00.000Z');
    let release!: () => void;
    harness.services.hold = new Promise((resolve) => (release = resolve));
    await harness.daemon.start();
    // The catch-up of 00:00, then past every account's jitter: each collection started and is held.
    await harness.clock.advance(6 * 60_000);
    await waitFor(() => harness.services.collected.length === harness.accounts.length * 2 || harness.services.collected.length >= harness.accounts.length);
    const started = harness.services.collected.length;
    // The 04:00 tick came while the 00:00 scans still ran: reported, not doubled.
    expect(harness.daemon.scheduler.overruns.size).toBe(harness.accounts.length);
    const overrun = harness.daemon.scheduler.overruns.get(`scan:${harness.accounts[0]}`);
    expect(overrun).toEqual({ job: `scan:${harness.accounts[0]}`, running: '2026-11-20T00:00:00.000Z', tick: '2026-11-20T04:00:00.000Z' });
    expect(harness.logs.filter((line) => line['event'] === 'job.overrun')).toHaveLength(harness.accounts.length);
    expect(harness.services.collected.length).toBe(started);
    const health = await harness.daemon.health();
    expect(health.jobs.find((job) => job.job === `scan:${harness.accounts[0]}`)?.lastOverrun).toEqual(overrun);
    release();
    await harness.queue.idle(harness.accounts.map((account) => `scan:${account}`));
    expect(await harness.daemon.shutdown()).toEqual([]);
    expect(harness.services.collected.length).toBe(started);
  });

  it('on shutdown stops taking work, aborts the step still running at the deadline, and leaves that scan crashed (the reference stays the last complete scan)', async () => {
    const harness = await start('2026-11-20T04:00:30.000Z', { shutdownSeconds: 30 });
    harness.services.hold = new Promise(() => {});
    await harness.daemon.start();
    await harness.clock.advance(6 * 60_000);
    await waitFor(() => harness.services.collected.length === harness.accounts.length);
    const stopping = harness.daemon.shutdown();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await harness.clock.advance(29_000);
    expect(stopped).toBe(false);
    await harness.clock.advance(2_000);
    expect(await stopping).toEqual([]);
    const scans = await listScans(harness.store, { limit: 50 });
    expect(scans.map((scan) => scan.status)).toEqual(harness.accounts.map(() => 'crashed'));
    expect((await runs(harness, 'scan:')).map((run) => run.state)).toEqual(harness.accounts.map(() => 'failed'));
    // Nothing new is taken after the shutdown: the next tick queues nothing.
    await harness.clock.advance(4 * 3_600_000);
    expect(harness.services.collected.length).toBe(harness.accounts.length);
  });

  it('finishes the current step within the deadline when it can, and records it', async () => {
    const harness = await start('2026-11-20T04:00:30.000Z', { shutdownSeconds: 30 });
    let release!: () => void;
    harness.services.hold = new Promise((resolve) => (release = resolve));
    await harness.daemon.start();
    await harness.clock.advance(6 * 60_000);
    await waitFor(() => harness.services.collected.length === harness.accounts.length);
    const stopping = harness.daemon.shutdown();
    release();
    expect(await stopping).toEqual([]);
    const summaries = await jobRunSummaries(harness.store);
    for (const account of harness.accounts) expect(summaries.get(`scan:${account}`)?.lastSuccess?.period).toBe('2026-11-20T04:00:00.000Z');
  });
});

/** Waits for work the daemon does in real time (store writes, a scan's evaluation), without a fixed sleep. */
async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the daemon');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
