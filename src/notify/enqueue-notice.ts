/**
 * A notice is written to the outbox before anything is sent. Its key is the recipient, a hash of
 * what it says and the period it belongs to: the same digest for the same owner on the same day is
 * one message however many times a scan or a bot run enqueues it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../store/canonical-json.js';
import { enqueue } from '../store/outbox.js';
import type { Store } from '../store/store.js';

export interface Notice {
  /** The transport: `slack` or `email`. */
  readonly channel: string;
  /** Whom it goes to (a Slack target, the e-mail addresses joined): part of the key. */
  readonly recipient: string;
  /** The period it belongs to (a day `2026-12-07`, a bot run id): part of the key. */
  readonly period: string;
  /** What the transport sends, rendered. */
  readonly payload: unknown;
}

export function noticeKey(notice: Notice): string {
  const content = createHash('sha256').update(canonicalJson(notice.payload)).digest('hex');
  return createHash('sha256')
    .update(canonicalJson([notice.channel, notice.recipient, content, notice.period]))
    .digest('hex');
}

export async function enqueueNotice(store: Store, notice: Notice, at: Date): Promise<{ id: number; key: string; created: boolean }> {
  const key = noticeKey(notice);
  const { id, created } = await enqueue(store, { key, channel: notice.channel, payload: notice.payload, at: at.toISOString() });
  return { id, key, created };
}
