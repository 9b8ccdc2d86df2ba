import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueNotice } from '../../src/notify/enqueue-notice.js';
import { openStore } from '../../src/store/store.js';
import { startLocalSlack, type LocalSlack } from '../notify/support/local-slack.js';
import { vigil } from '../support/cli.js';

let dir: string;
let slack: LocalSlack;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-outbox-cli-'));
  slack = await startLocalSlack();
  const opened = await openStore({ engine: 'sqlite', path: join(dir, 'vigil.db') });
  if (!opened.ok) throw new Error(opened.problem.message);
  const payload = { target: '#payments', text: 'digest', blocks: [] };
  await enqueueNotice(opened.store, { channel: 'slack', recipient: '#payments', period: '2026-12-07', payload }, new Date('2026-12-07T09:00:00Z'));
  await opened.store.close();
  writeFileSync(join(dir, 'vigil.yaml'), `notify:\n  slack: { tokenEnv: VIGIL_TEST_SLACK_TOKEN, apiUrl: "${slack.apiUrl}" }\n`);
});
afterEach(async () => {
  delete process.env['VIGIL_TEST_SLACK_TOKEN'];
  await slack.close();
});

describe('vigil outbox', () => {
  it('lists what waits, flushes it through the configured Slack, then lists nothing', async () => {
    const store = `sqlite:${join(dir, 'vigil.db')}`;
    const listed = await vigil(['outbox', 'list', '--store', store, '--format', 'json'], '2026-12-07T10:00:00Z');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ state: 'pending', channel: 'slack', attempts: 0 }]);

    const withoutToken = await vigil(['outbox', 'flush', '--store', store, '--config', join(dir, 'vigil.yaml')], '2026-12-07T10:00:00Z');
    expect(withoutToken.code).toBe(2);
    expect(withoutToken.stderr).toContain('VIGIL_TEST_SLACK_TOKEN is not set');

    process.env['VIGIL_TEST_SLACK_TOKEN'] = 'xoxb-test';
    const flushed = await vigil(['outbox', 'flush', '--store', store, '--config', join(dir, 'vigil.yaml')], '2026-12-07T10:00:00Z');
    expect(flushed.code).toBe(0);
    expect(JSON.parse(flushed.stdout)).toMatchObject({ sent: 1, dead: 0 });
    expect(slack.posted.get('#payments')).toHaveLength(1);
    expect(JSON.parse((await vigil(['outbox', 'list', '--store', store, '--format', 'json'])).stdout)).toEqual([]);
    expect(JSON.parse((await vigil(['outbox', 'list', '--state', 'sent', '--store', store, '--format', 'json'])).stdout)).toHaveLength(1);
  });

  it('rejects an unknown state', async () => {
    const run = await vigil(['outbox', 'list', '--state', 'lost', '--store', `sqlite:${join(dir, 'vigil.db')}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--state must be one of: ["pending","sending","in-doubt","dead","sent"], got 'lost'`);
    // One error for the one wrong value, not one per choice.
    expect(run.stderr).toContain('1 error');
  });
});
