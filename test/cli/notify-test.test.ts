import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startLocalSlack, type LocalSlack } from '../notify/support/local-slack.js';
import { vigil } from '../support/cli.js';

let dir: string;
let slack: LocalSlack;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-notify-test-'));
  slack = await startLocalSlack();
  writeFileSync(join(dir, 'vigil.yaml'), `notify:\n  slack: { tokenEnv: VIGIL_TEST_SLACK_TOKEN, apiUrl: "${slack.apiUrl}" }\n`);
  process.env['VIGIL_TEST_SLACK_TOKEN'] = 'xoxb-test';
});
afterEach(async () => {
  delete process.env['VIGIL_TEST_SLACK_TOKEN'];
  await slack.close();
});

it('vigil notify test --slack posts one message through the configured Slack, and says why when it cannot', async () => {
  const sent = await vigil(['notify', 'test', '--slack', '#cloud-alerts'], '2026-12-07T10:00:00Z', { workDir: dir });
  expect(sent).toMatchObject({ code: 0, stdout: 'test message sent by slack to #cloud-alerts\n' });
  expect(slack.posted.get('#cloud-alerts')).toHaveLength(1);

  slack.script('chat.postMessage', { error: 'invalid_auth' });
  const refused = await vigil(['notify', 'test', '--slack', '#cloud-alerts'], '2026-12-07T10:00:00Z', { workDir: dir });
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain('Slack token: invalid_auth');

  const unconfigured = await vigil(['notify', 'test', '--email', 'ciso@bank.example'], '2026-12-07T10:00:00Z', { workDir: dir });
  expect(unconfigured.code).toBe(2);
  expect(unconfigured.stderr).toContain('notify.email is not configured');
});
