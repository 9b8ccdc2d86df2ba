import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY, deliverOutbox } from '../../src/notify/deliver-outbox.js';
import { enqueueNotice } from '../../src/notify/enqueue-notice.js';
import type { DigestItem, OwnerDigest } from '../../src/notify/owner-digest.js';
import { slackDigest } from '../../src/notify/slack-digest.js';
import { slackTransport, type SlackPayload } from '../../src/notify/slack-transport.js';
import { claimMessages, outboxMessages } from '../../src/store/outbox.js';
import { openStore, type Store } from '../../src/store/store.js';
import { startLocalSlack, type LocalSlack } from './support/local-slack.js';

const T0 = new Date('2026-12-07T09:00:00Z');
const at = (ms: number) => () => new Date(T0.getTime() + ms);

function item(name: string, severity: DigestItem['finding']['severity'] = 'high'): DigestItem {
  return {
    change: 'new',
    finding: {
      id: '0'.repeat(32),
      title: 'S3 buckets block public access',
      severity,
      reason: 'the bucket policy grants s3:GetObject to *',
      resource: { arn: `arn:aws:s3:::${name}`, type: 'AWS::S3::Bucket', accountId: '111122223333', region: 'eu-west-1', name },
    },
    remediation: { console: 'S3 → the bucket → Permissions → Block public access → Edit', cli: 'aws s3api put-public-access-block --bucket <bucket> ...' },
    botAction: { what: 'block public access', at: '2026-12-10 09:00 UTC' },
  };
}

const digest = (items: DigestItem[], owner: OwnerDigest['owner'] = { email: 'alice@bank.example', via: 'tag' }): OwnerDigest => ({
  owner,
  items,
  exemptionHelp: 'ask #cloud-security for an exemption',
});
const payload = (target: string, d: OwnerDigest): SlackPayload => ({ target, ...slackDigest(d) });

let slack: LocalSlack;
let store: Store;
beforeEach(async () => {
  slack = await startLocalSlack();
  const opened = await openStore({ engine: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'vigil-slack-')), 'vigil.db') });
  if (!opened.ok) throw new Error(opened.problem.message);
  store = opened.store;
});
afterEach(async () => {
  await store.close();
  await slack.close();
});

const transport = (fallbackChannel?: string) => ({ slack: slackTransport({ token: 'xoxb-test', apiUrl: slack.apiUrl, fallbackChannel }) });
const posts = () => slack.calls.filter((call) => call.method === 'chat.postMessage');

describe('slackDigest', () => {
  it('escapes what comes from the inventory, so a resource name cannot mention anyone', () => {
    const text = JSON.stringify(slackDigest(digest([item('<!channel> & <script>')])).blocks);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;script&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('lists the most severe first and counts what does not fit', () => {
    const items = [...Array.from({ length: 24 }, (_, i) => item(`bucket-${String(i).padStart(2, '0')}`, 'low')), item('the-critical-one', 'critical')];
    const message = slackDigest(digest(items));
    const sections = message.blocks.filter((block) => block['type'] === 'section').map((block) => JSON.stringify(block));
    expect(sections).toHaveLength(21);
    expect(sections[0]).toContain('the-critical-one');
    expect(sections[20]).toContain('…and 5 more findings');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text).toBe('Vigil: 25 compliance findings on your resources');
  });
});

describe('Slack delivery through Slack’s WebClient', () => {
  it('sends one digest per owner as a DM found by e-mail, with the outbox key in its metadata', async () => {
    slack.users.set('alice@bank.example', 'U0ALICE01');
    const { key } = await enqueueNotice(
      store,
      { channel: 'slack', recipient: 'alice@bank.example', period: '2026-12-07', payload: payload('alice@bank.example', digest([item('a'), item('b')])) },
      T0,
    );
    expect(await deliverOutbox(store, transport(), { now: at(0) })).toMatchObject({ sent: 1 });
    expect(posts()).toHaveLength(1);
    const params = posts()[0]?.params ?? {};
    expect(params['channel']).toBe('U0ALICE01');
    expect(params['metadata']).toEqual({ event_type: 'vigil_notice', event_payload: { key } });
    expect(JSON.stringify(params['blocks'])).toContain('aws s3api put-public-access-block');
  });

  it('falls back to the fallback channel when the owner has no Slack account', async () => {
    await enqueueNotice(store, { channel: 'slack', recipient: 'bob@bank.example', period: 'd', payload: payload('bob@bank.example', digest([item('a')])) }, T0);
    expect(await deliverOutbox(store, transport('#cloud-alerts'), { now: at(0) })).toMatchObject({ sent: 1 });
    expect(posts().map((call) => call.params['channel'])).toEqual(['#cloud-alerts']);
  });

  it.each(['channel_not_found', 'not_in_channel'])('falls back on %s, and records the failure when the fallback fails too', async (error) => {
    slack.script('chat.postMessage', { error }, { error: 'channel_not_found' });
    await enqueueNotice(store, { channel: 'slack', recipient: '#payments', period: 'd', payload: payload('#payments', digest([item('a')])) }, T0);
    expect(await deliverOutbox(store, transport('#cloud-alerts'), { now: at(0) })).toMatchObject({ dead: 1 });
    expect(posts().map((call) => call.params['channel'])).toEqual(['#payments', '#cloud-alerts']);
    expect((await outboxMessages(store, 'dead'))[0]?.last_error).toBe(`permanent: unreachable: #payments: ${error}; #cloud-alerts: channel_not_found`);
  });

  it("waits as long as Slack's Retry-After says, through the outbox, then sends once", async () => {
    slack.script('chat.postMessage', { rateLimited: 300 });
    await enqueueNotice(store, { channel: 'slack', recipient: '#payments', period: 'd', payload: payload('#payments', digest([item('a')])) }, T0);
    const policy = { ...DEFAULT_DELIVERY_POLICY, baseDelayMs: 1000 };
    expect(await deliverOutbox(store, transport(), { now: at(0), policy })).toMatchObject({ retrying: 1 });
    expect((await outboxMessages(store, 'pending'))[0]).toMatchObject({ next_attempt_at: at(300_000)().toISOString(), last_error: 'rate limited by Slack' });
    expect(await deliverOutbox(store, transport(), { now: at(299_000), policy })).toMatchObject({ sent: 0 });
    expect(await deliverOutbox(store, transport(), { now: at(300_000), policy })).toMatchObject({ sent: 1 });
    expect(slack.posted.get('#payments')).toHaveLength(1);
  });

  it.each(['invalid_auth', 'account_inactive'])('keeps the message and its reason on %s, to send once the token is fixed', async (error) => {
    slack.script('chat.postMessage', { error });
    await enqueueNotice(store, { channel: 'slack', recipient: '#payments', period: 'd', payload: payload('#payments', digest([item('a')])) }, T0);
    expect(await deliverOutbox(store, transport('#cloud-alerts'), { now: at(0) })).toMatchObject({ retrying: 1 });
    expect((await outboxMessages(store, 'pending'))[0]?.last_error).toBe(`Slack token: ${error}`);
    expect(await deliverOutbox(store, transport('#cloud-alerts'), { now: at(3_600_000) })).toMatchObject({ sent: 1 });
    expect(slack.posted.get('#payments')).toHaveLength(1);
  });

  it('settles a message in doubt that Slack shows arrived, without posting it again', async () => {
    slack.users.set('alice@bank.example', 'U0ALICE01');
    const p = payload('alice@bank.example', digest([item('a')]));
    const { key } = await enqueueNotice(store, { channel: 'slack', recipient: 'alice@bank.example', period: 'd', payload: p }, T0);
    // A sender claimed it, posted it, and died before marking it sent.
    await claimMessages(store, { token: 'dead-sender', now: T0.toISOString(), leaseMs: 1000, limit: 1 });
    expect(await transport().slack.send(p, key)).toEqual({ ok: true, receipt: { channel: 'D-U0ALICE01', ts: expect.any(String) as string } });
    expect(await deliverOutbox(store, transport(), { now: at(2000) })).toMatchObject({ sent: 0, settled: 1 });
    expect(posts()).toHaveLength(1);
  });

  it('looks for a message in doubt in a #name channel by its id (history takes no name), and keeps its receipt', async () => {
    slack.channelIds.set('payments', 'C0PAYMENTS');
    const p = payload('#payments', digest([item('a')]));
    const { key } = await enqueueNotice(store, { channel: 'slack', recipient: '#payments', period: 'd', payload: p }, T0);
    await claimMessages(store, { token: 'dead-sender', now: T0.toISOString(), leaseMs: 1000, limit: 1 });
    const sent = await transport().slack.send(p, key);
    expect(await deliverOutbox(store, transport(), { now: at(2000) })).toMatchObject({ sent: 0, settled: 1 });
    expect(slack.calls.find((call) => call.method === 'conversations.history')?.params['channel']).toBe('C0PAYMENTS');
    expect(posts()).toHaveLength(1);
    const [settled] = await outboxMessages(store, 'sent');
    expect(JSON.parse(settled?.receipt ?? 'null')).toEqual(sent.ok ? sent.receipt : 'not sent');
  });

  it('posts a reply in the thread of the message it replies to, once that one is delivered', async () => {
    slack.channelIds.set('payments', 'C0PAYMENTS');
    const announcement = await enqueueNotice(
      store,
      { channel: 'slack', recipient: '#payments', period: 'd', payload: payload('#payments', digest([item('a')])) },
      T0,
    );
    const reply: SlackPayload = { target: '#payments', replyTo: announcement.key, text: 'Resolved', blocks: [] };
    // The reply is claimed first (queued before the announcement went out): it waits, uncounted.
    const { key: replyKey } = await enqueueNotice(store, { channel: 'slack', recipient: '#payments', period: 'scan-2', payload: reply }, T0);
    await store.db.updateTable('outbox').set({ id: 1000 }).where('dedupe_key', '=', announcement.key).execute();
    expect(await deliverOutbox(store, transport(), { now: at(0), policy: { ...DEFAULT_DELIVERY_POLICY, batchSize: 1 } })).toMatchObject({
      sent: 1,
      retrying: 1,
    });
    const [waiting] = await outboxMessages(store, 'pending');
    expect(waiting).toMatchObject({ dedupe_key: replyKey, attempts: 0, last_error: 'waiting for the message it replies to' });
    expect(await deliverOutbox(store, transport(), { now: at(DEFAULT_DELIVERY_POLICY.baseDelayMs) })).toMatchObject({ sent: 1 });
    const [first, second] = posts();
    const firstTs = slack.posted.get('C0PAYMENTS')?.[0]?.['ts'];
    expect(first?.params['thread_ts']).toBeUndefined();
    expect(second?.params).toMatchObject({ channel: 'C0PAYMENTS', thread_ts: firstTs, text: 'Resolved' });
  });
});
