import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueBotRunNotifications, type BotRunNotice } from '../../src/notify/bot-run-notices.js';
import { deliverOutbox } from '../../src/notify/deliver-outbox.js';
import { emailTransport } from '../../src/notify/email-transport.js';
import type { NotifyConfig } from '../../src/notify/notify-config.js';
import { slackTransport } from '../../src/notify/slack-transport.js';
import { openStore, type Store } from '../../src/store/store.js';
import { startLocalSlack, type LocalSlack } from './support/local-slack.js';
import { startLocalSmtp, type LocalSmtp } from './support/local-smtp.js';

const NOW = new Date('2026-12-07T09:00:00Z');
const accounts = new Map([['111122223333', { id: '111122223333', name: 'payments-prod', environment: 'production' }]]);

function notice(name: string, tags: Record<string, string>, creator?: string): BotRunNotice {
  return {
    bot: 's3-public-buckets',
    resource: { arn: `arn:aws:s3:::${name}`, type: 'AWS::S3::Bucket', accountId: '111122223333', region: 'eu-west-1', name, tags, creator },
    title: 'S3 buckets block public access',
    severity: 'high',
    reason: 'the bucket policy grants s3:GetObject to *',
    findingId: name.padEnd(32, '0').slice(0, 32),
    remediation: { console: 'S3 → the bucket → Permissions → Block public access', cli: `aws s3api put-public-access-block --bucket ${name}` },
    action: { what: 'block public access', at: '2026-12-10T09:00:00.000Z' },
  };
}

let slack: LocalSlack;
let smtp: LocalSmtp;
let store: Store;
beforeEach(async () => {
  slack = await startLocalSlack();
  smtp = await startLocalSmtp();
  const opened = await openStore({ engine: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'vigil-bot-notices-')), 'vigil.db') });
  if (!opened.ok) throw new Error(opened.problem.message);
  store = opened.store;
});
afterEach(async () => {
  await store.close();
  await slack.close();
  await smtp.close();
});

describe('queueBotRunNotifications', () => {
  it('queues one digest per owner for the run — what the bot will do and when, the fix, the exemption — delivered once by Slack and e-mail', async () => {
    slack.users.set('alice@bank.example', 'U0ALICE01');
    slack.users.set('carol@bank.example', 'U0CAROL01');
    const notify: NotifyConfig = {
      slack: { tokenEnv: 'UNUSED', apiUrl: slack.apiUrl },
      email: { from: 'vigil@example.com', smtp: { host: '127.0.0.1', port: smtp.port } },
    };
    const run = {
      runId: 'run-1',
      notices: [
        notice('alice-one', { owner: 'alice@bank.example' }),
        notice('alice-two', { owner: 'alice@bank.example' }),
        notice('carols', {}, 'arn:aws:sts::111122223333:assumed-role/Admin/carol@bank.example'),
      ],
    };
    const queued = await queueBotRunNotifications(store, run, { notify, accounts, now: NOW, exemptionHelp: 'ask #cloud-security' });
    expect(queued.queued.map((q) => [q.channel, q.recipient, q.items])).toEqual([
      ['email', 'alice@bank.example', 2],
      ['email', 'carol@bank.example', 1],
      ['slack', 'alice@bank.example', 2],
      ['slack', 'carol@bank.example', 1],
    ]);
    // The same run queued again (a retried command): nothing new.
    const again = await queueBotRunNotifications(store, run, { notify, accounts, now: NOW, exemptionHelp: 'ask #cloud-security' });
    expect(again.queued).toEqual([]);

    const transports = {
      slack: slackTransport({ token: 'xoxb-test', apiUrl: slack.apiUrl }),
      email: emailTransport({ from: 'vigil@example.com', host: '127.0.0.1', port: smtp.port, secure: false }),
    };
    expect(await deliverOutbox(store, transports, { now: () => NOW })).toMatchObject({ sent: 4, dead: 0 });
    expect(await deliverOutbox(store, transports, { now: () => NOW })).toMatchObject({ sent: 0 });

    const posts = slack.calls.filter((call) => call.method === 'chat.postMessage');
    expect(posts.map((post) => post.params['channel']).sort()).toEqual(['U0ALICE01', 'U0CAROL01']);
    const toAlice = JSON.stringify(posts.find((post) => post.params['channel'] === 'U0ALICE01')?.params['blocks']);
    expect(toAlice).toContain('A bot will block public access (bot s3-public-buckets) on 2026-12-10 09:00 UTC');
    expect(toAlice).toContain('aws s3api put-public-access-block --bucket alice-two');
    expect(toAlice).toContain('ask #cloud-security');
    expect(toAlice).toContain('Bot action planned');
    const toCarol = JSON.stringify(posts.find((post) => post.params['channel'] === 'U0CAROL01')?.params['blocks']);
    expect(toCarol).toContain('who created the resource');
    expect(smtp.envelopes.sort()).toEqual([['alice@bank.example'], ['carol@bank.example']]);
    const aliceMail = smtp.received.find((mail) => mail.text?.includes('alice-one') === true);
    expect(aliceMail?.text).toContain('A bot will block public access (bot s3-public-buckets) on 2026-12-10 09:00 UTC.');
  });
});
