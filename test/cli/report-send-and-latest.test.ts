import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigFile } from '../../src/cli/commands/demo.js';
import { packageRoot } from '../../src/package-root.js';
import type { ScorecardOutput } from '../../scorecard/scorecard-schema.js';
import { startLocalSmtp, type LocalSmtp } from '../notify/support/local-smtp.js';
import { vigil } from '../support/cli.js';

let dir: string;
let store: string;
let smtp: LocalSmtp;
let config: string;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  // One demo history for every test here (a per-test folder would be gone after the first).
  dir = mkdtempSync(join(tmpdir(), 'vigil-report-send-'));
  store = `sqlite:${join(dir, 'vigil.db')}`;
  // The demo records its two days of history in the store.
  const demo = await vigil(['demo', '--out-dir', join(dir, 'out'), '--store', store, '--no-notify'], undefined, { workDir: dir });
  if (demo.code !== 0) throw new Error(demo.stderr);
  config = join(dir, 'vigil.yaml');
  writeFileSync(
    config,
    readFileSync(demoConfigFile(), 'utf8')
      .replace('exemptions: exemptions.yaml', `exemptions: ${join(packageRoot(), 'demo', 'exemptions.yaml')}`)
      .replace('smtp: { host: smtp.ledgerline.example, port: 587 }', `smtp: { host: 127.0.0.1, port: ${smtp.port} }`),
  );
}, 120_000);
afterAll(async () => {
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vigil scorecard --latest', () => {
  it('renders the latest scan from the store with the trend and the change since the day before; a tenant sees only its accounts', async () => {
    const run = await vigil(['scorecard', '--latest', '--config', config, '--store', store, '--format', 'json'], '2026-11-20T12:00:00Z', { workDir: dir });
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout) as ScorecardOutput;
    expect(output.packs.map((pack) => pack.id)).toEqual(['cis-aws', 'soc2', 'bank-saas']);
    for (const pack of output.packs) {
      expect(pack.trend.length).toBeGreaterThanOrEqual(2);
      expect(pack.change).not.toBeNull();
      // The header's score is the trend's last day: both from the same roll-ups.
      expect(pack.score).toBe(pack.trend[pack.trend.length - 1]?.score);
    }
    expect(output.accounts.length).toBe(5);

    const harbor = await vigil(['scorecard', '--latest', '--tenant', 'Harbor Bank', '--config', config, '--store', store, '--format', 'json'], undefined, {
      workDir: dir,
    });
    expect(harbor.stdout).not.toContain('573896332056');
    expect(harbor.stdout).not.toContain('Northwind');
    expect((JSON.parse(harbor.stdout) as ScorecardOutput).accounts.map((account) => account.id)).toEqual(['569425006216']);
  });
});

describe('vigil report daily --send', () => {
  it('e-mails the report to report.daily.to and cc once a day, with the findings CSV and the scorecard attached', async () => {
    const args = ['report', 'daily', '--send', '--config', config, '--store', store, '--out', join(dir, 'report')];
    const run = await vigil(args, '2026-11-20T07:30:00Z', { workDir: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Queued: the report to ciso@ledgerline.example, cio@ledgerline.example, security-team@ledgerline.example; 1 e-mail sent.');
    expect(smtp.envelopes).toEqual([['ciso@ledgerline.example', 'cio@ledgerline.example', 'security-team@ledgerline.example']]);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe(readFileSync(join(dir, 'report', 'report.txt'), 'utf8').split('\n')[0]);
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['findings.csv', 'scorecard.html']);
    expect(mail.text).toBe(readFileSync(join(dir, 'report', 'report.txt'), 'utf8'));

    const again = await vigil(args, '2026-11-20T09:00:00Z', { workDir: dir });
    expect(again.stdout).toContain('Already queued today (not again)');
    expect(smtp.received).toHaveLength(1);
  });
});
