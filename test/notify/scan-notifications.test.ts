import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { kmsKey } from '../../src/model/builders.js';
import { openStore } from '../../src/store/store.js';
import { vigil } from '../support/cli.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';
import { startLocalSlack, type LocalSlack } from './support/local-slack.js';
import { startLocalSmtp, type LocalSmtp } from './support/local-smtp.js';

const tempDir = useTempDir();
const TOKEN_ENV = 'VIGIL_TEST_SCAN_SLACK_TOKEN';

const off = { rotation: { enabled: false, periodDays: null, nextRotationDate: null } };
const aliceKey = kmsKey(off, { id: 'aaaaaaaa-0000-0000-0000-00000000000a', tags: { owner: 'alice@bank.example' } });
const teamKey = kmsKey(off, { id: 'aaaaaaaa-0000-0000-0000-00000000000b' });
const teamKeyFixed = kmsKey({}, { id: 'aaaaaaaa-0000-0000-0000-00000000000b' });
const laterKey = kmsKey(off, { id: 'aaaaaaaa-0000-0000-0000-00000000000c' });

let slack: LocalSlack;
let smtp: LocalSmtp;
beforeEach(async () => {
  slack = await startLocalSlack();
  smtp = await startLocalSmtp();
  slack.users.set('alice@bank.example', 'U0ALICE01');
  slack.channelIds.set('payments', 'C0PAYMENTS');
  slack.channelIds.set('security', 'C0SECURITY');
  process.env[TOKEN_ENV] = 'xoxb-test';
});
afterEach(async () => {
  delete process.env[TOKEN_ENV];
  await slack.close();
  await smtp.close();
});

function config(dir: string): string {
  const file = join(dir, 'vigil.yaml');
  writeFileSync(
    file,
    [
      'accounts:',
      '  - id: "111111111111"',
      '    name: payments-prod',
      '    environment: production',
      '    owner: { name: Payments, email: payments@bank.example, slack: "#payments" }',
      'store:',
      '  sqlite: { path: vigil.db }',
      'notify:',
      `  slack: { tokenEnv: ${TOKEN_ENV}, apiUrl: "${slack.apiUrl}" }`,
      `  email: { from: vigil@example.com, smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false } }`,
      '  quietPeriod: 7d',
      '  routes: [{ severity: [medium], environment: [production], slack: "#security" }]',
      '',
    ].join('\n'),
  );
  return file;
}

async function scanOn(dir: string, day: string, resources: Parameters<typeof snapshotOf>[1], extra: string[] = []) {
  const snapshot = await snapshotOf(dir, resources, { name: `${day}.jsonl` });
  writeFileSync(snapshot, readFileSync(snapshot, 'utf8').replace('"collectedAt":"2026-06-01T00:00:00.000Z"', `"collectedAt":"${day}T00:00:00.000Z"`));
  return vigil(
    ['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--config', join(dir, 'vigil.yaml'), '--format', 'json', ...extra],
    `${day}T06:00:00Z`,
  );
}

const posts = () => slack.calls.filter((call) => call.method === 'chat.postMessage').map((call) => call.params);

describe('a scan notifies the owners of what it found', () => {
  it('one digest per owner and route by Slack and e-mail, owners in the findings, nothing repeated, a thread reply on resolution', async () => {
    const dir = tempDir();
    config(dir);
    const first = await scanOn(dir, '2026-06-01', [aliceKey, teamKey]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('vigil: notifications: 5 digests and 0 thread replies queued; 5 sent, 0 to retry\n');
    const owners = (JSON.parse(first.stdout) as ScanOutput).findings.map((finding) => [finding.resource.name, finding.owner]);
    expect(owners).toEqual([
      [aliceKey.name, { email: 'alice@bank.example', via: 'tag' }],
      [teamKey.name, { name: 'Payments', email: 'payments@bank.example', slack: '#payments', via: 'account' }],
    ]);

    // Slack: Alice by DM (found by her address), the team's channel, and the route's security channel with both findings.
    expect(
      posts()
        .map((post) => post['channel'])
        .sort(),
    ).toEqual(['#payments', '#security', 'U0ALICE01']);
    const blocksTo = (channel: string) => JSON.stringify(posts().find((post) => post['channel'] === channel)?.['blocks']);
    expect(blocksTo('U0ALICE01')).toContain(aliceKey.name);
    expect(blocksTo('U0ALICE01')).not.toContain(teamKey.name);
    expect(blocksTo('#payments')).toContain(teamKey.name);
    expect(blocksTo('#security')).toContain(aliceKey.name);
    expect(blocksTo('#security')).toContain('a notify route (medium findings in production)');
    expect(blocksTo('#payments')).toContain('aws kms enable-key-rotation');
    // E-mail: one each to the owners with an address.
    expect(smtp.envelopes.sort()).toEqual([['alice@bank.example'], ['payments@bank.example']]);
    expect(smtp.received.every((mail) => mail.subject === 'Vigil: 1 compliance finding on your resources')).toBe(true);

    // The next day: the same findings, nothing new to tell.
    const second = await scanOn(dir, '2026-06-02', [aliceKey, teamKey]);
    expect(second.stderr).toBe('vigil: notifications: 0 digests and 0 thread replies queued; 0 sent, 0 to retry\n');
    expect(posts()).toHaveLength(3);

    // The team's key is fixed: a reply in the thread of each Slack message that announced it.
    const third = await scanOn(dir, '2026-06-03', [aliceKey, teamKeyFixed]);
    expect(third.stderr).toBe('vigil: notifications: 0 digests and 2 thread replies queued; 2 sent, 0 to retry\n');
    const replies = posts().slice(3);
    const tsIn = (channel: string) => slack.posted.get(channel)?.[0]?.['ts'];
    expect(replies.map((reply) => [reply['channel'], reply['thread_ts']])).toEqual([
      ['C0PAYMENTS', tsIn('C0PAYMENTS')],
      ['C0SECURITY', tsIn('C0SECURITY')],
    ]);
    expect(JSON.stringify(replies[0]?.['blocks'])).toContain(teamKey.name);

    // It fails again within the quiet period: not told again.
    const fourth = await scanOn(dir, '2026-06-04', [aliceKey, teamKey]);
    expect((JSON.parse(fourth.stdout) as ScanOutput).findings.find((f) => f.resource.name === teamKey.name)?.state).toBe('reopened');
    expect(fourth.stderr).toContain('0 digests');
    expect(posts()).toHaveLength(5);
    expect(smtp.received).toHaveLength(2);

    // --no-notify: a new finding is queued in the outbox, not delivered.
    const fifth = await scanOn(dir, '2026-06-05', [aliceKey, teamKey, laterKey], ['--no-notify']);
    expect(fifth.stderr).toBe('vigil: notifications: 3 digests and 0 thread replies queued, not delivered (--no-notify: vigil outbox flush delivers them)\n');
    expect(posts()).toHaveLength(5);
    const opened = await openStore({ engine: 'sqlite', path: join(dir, 'vigil.db') });
    if (!opened.ok) throw new Error(opened.problem.message);
    const pending = await opened.store.db.selectFrom('outbox').select('channel').where('state', '=', 'pending').execute();
    await opened.store.close();
    expect(pending.map((row) => row.channel).sort()).toEqual(['email', 'slack', 'slack']);
  });

  it('a missing Slack token is a usage error before anything is scanned', async () => {
    const dir = tempDir();
    config(dir);
    delete process.env[TOKEN_ENV];
    const run = await scanOn(dir, '2026-06-01', [aliceKey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`notify.slack.tokenEnv: the environment variable ${TOKEN_ENV} is not set`);
    expect(run.stdout).toBe('');
  });
});
