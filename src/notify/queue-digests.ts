/**
 * Puts digests in the outbox: what each recipient was told within the quiet period is looked up
 * first and left out, each digest is enqueued (its key: recipient, content, period — enqueued
 * twice, one message), then what it told is recorded for the next quiet period.
 */
import { notifiedAbout, recordNotified } from '../store/notified.js';
import type { Store } from '../store/store.js';
import { enqueueNotice } from './enqueue-notice.js';
import { periodMs } from './notify-config.js';
import { planDigests, recipientKey, type DigestPlan, type NoticeItem, type PlannedNotice } from './plan-digests.js';

export const DEFAULT_QUIET_PERIOD = '7d';

export interface QueuedNotice {
  readonly channel: string;
  readonly recipient: string;
  readonly key: string;
  /** False when the same notice was in the outbox already. */
  readonly created: boolean;
  readonly items: number;
}

export interface QueuedDigests {
  readonly queued: readonly QueuedNotice[];
  /** The notices as rendered (what `--no-notify` shows and the demo writes). */
  readonly planned: readonly PlannedNotice[];
}

export async function queueDigests(store: Store, items: readonly NoticeItem[], plan: Omit<DigestPlan, 'toldRecently'> & { now: Date }): Promise<QueuedDigests> {
  const since = new Date(plan.now.getTime() - periodMs(plan.notify.quietPeriod ?? DEFAULT_QUIET_PERIOD)).toISOString();
  const recent = new Set(
    (
      await notifiedAbout(
        store,
        items.map((item) => item.subject),
      )
    )
      .filter((entry) => entry.at > since)
      .map((entry) => `${recipientKey({ channel: entry.channel as 'slack' | 'email', address: entry.recipient })}\u0000${entry.subject}`),
  );
  const planned = planDigests(items, { ...plan, toldRecently: (recipient, subject) => recent.has(`${recipientKey(recipient)}\u0000${subject}`) });
  const queued: QueuedNotice[] = [];
  const at = plan.now.toISOString();
  for (const { notice, subjects } of planned) {
    const { key, created } = await enqueueNotice(store, notice, plan.now);
    await recordNotified(
      store,
      subjects.map((subject) => ({ subject, channel: notice.channel, recipient: notice.recipient, outboxKey: key, at })),
    );
    queued.push({ channel: notice.channel, recipient: notice.recipient, key, created, items: subjects.length });
  }
  return { queued, planned };
}
