/**
 * After a recorded scan: the owners' digests of what it found new or back again, and of what a bot
 * will act on soon (due within `dueSoonMs`), one per recipient for the day; and, under each Slack
 * message that announced a finding this scan resolved, a reply in its thread.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { Finding } from '../findings/finding.js';
import { notifiedAbout } from '../store/notified.js';
import { findingsDueBy, scanChanges } from '../store/scan-changes.js';
import type { Store } from '../store/store.js';
import { enqueueNotice } from './enqueue-notice.js';
import type { NotifyConfig } from './notify-config.js';
import { noticeItem, noticeTime } from './notice-item.js';
import type { DigestChange } from './owner-digest.js';
import type { NoticeItem } from './plan-digests.js';
import { queueDigests, type QueuedDigests, type QueuedNotice } from './queue-digests.js';
import { slackResolvedReply, type ResolvedItem } from './slack-reply.js';
import type { SlackPayload } from './slack-transport.js';

export const DUE_SOON_MS = 3 * 86_400_000;

export interface ScanNoticeInputs {
  readonly store: Store;
  readonly scanId: string;
  readonly notify: NotifyConfig;
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  /** The scan's listed findings with these ids (with their owners and fixes). */
  readonly findingsOf: (ids: ReadonlySet<string>) => AsyncIterable<Finding>;
  readonly now: Date;
  readonly dueSoonMs?: number;
  readonly exemptionHelp?: string;
}

export interface ScanNotifications extends QueuedDigests {
  /** Replies in the threads of the messages that announced what the scan resolved. */
  readonly replies: readonly QueuedNotice[];
}

/** The digest items of a recorded scan: new, regressed and due-soon findings it listed. */
export async function scanNoticeItems(inputs: Omit<ScanNoticeInputs, 'notify' | 'exemptionHelp'>): Promise<NoticeItem[]> {
  const { store, now } = inputs;
  const changes = await scanChanges(store, inputs.scanId);
  const wanted = new Map<string, { change: DigestChange; botAction?: { what: string; at: string } }[]>();
  const want = (id: string, entry: { change: DigestChange; botAction?: { what: string; at: string } }) => wanted.set(id, [...(wanted.get(id) ?? []), entry]);
  for (const id of changes.opened) want(id, { change: 'new' });
  for (const id of changes.reopened) want(id, { change: 'regressed' });
  const due = await findingsDueBy(store, { after: now.toISOString(), until: new Date(now.getTime() + (inputs.dueSoonMs ?? DUE_SOON_MS)).toISOString() });
  for (const op of due) want(op.findingId, { change: 'due-soon', botAction: { what: `${op.action} (bot ${op.bot})`, at: noticeTime(op.dueAt) } });
  const items: NoticeItem[] = [];
  if (wanted.size === 0) return items;
  for await (const finding of inputs.findingsOf(new Set(wanted.keys()))) {
    // Only what still fails is told: an error or an exemption is nothing for the owner to fix.
    if (finding.status !== 'fail') continue;
    for (const entry of wanted.get(finding.id) ?? []) items.push(noticeItem(finding, entry.change, inputs.accounts, entry.botAction));
  }
  return items;
}

export async function queueScanNotifications(inputs: ScanNoticeInputs): Promise<ScanNotifications> {
  const items = await scanNoticeItems(inputs);
  const period = inputs.now.toISOString().slice(0, 10);
  const digests = await queueDigests(inputs.store, items, {
    notify: inputs.notify,
    period,
    now: inputs.now,
    ...(inputs.exemptionHelp !== undefined && { exemptionHelp: inputs.exemptionHelp }),
  });
  return { ...digests, replies: inputs.notify.slack === undefined ? [] : await queueResolvedReplies(inputs) };
}

/** One reply per Slack message that announced findings this scan resolved, in its thread. */
async function queueResolvedReplies(inputs: ScanNoticeInputs): Promise<QueuedNotice[]> {
  const { resolved } = await scanChanges(inputs.store, inputs.scanId);
  if (resolved.length === 0) return [];
  const byId = new Map(resolved.map((item) => [item.id, item]));
  const threads = new Map<string, { recipient: string; items: ResolvedItem[] }>();
  for (const told of await notifiedAbout(inputs.store, [...byId.keys()])) {
    const item = byId.get(told.subject);
    if (told.channel !== 'slack' || item === undefined) continue;
    const thread = threads.get(told.outboxKey) ?? { recipient: told.recipient, items: [] };
    threads.set(told.outboxKey, thread);
    thread.items.push(item);
  }
  const queued: QueuedNotice[] = [];
  for (const [replyTo, thread] of threads) {
    const payload: SlackPayload = { target: thread.recipient, replyTo, ...slackResolvedReply(thread.items) };
    const notice = { channel: 'slack', recipient: thread.recipient, period: inputs.scanId, payload };
    const { key, created } = await enqueueNotice(inputs.store, notice, inputs.now);
    queued.push({ channel: 'slack', recipient: thread.recipient, key, created, items: thread.items.length });
  }
  return queued;
}
