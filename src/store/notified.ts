/**
 * What was told to whom and when, kept beside the outbox: a finding told to a recipient is not
 * told again within the quiet period, and the Slack message that announced a finding is the one
 * its resolution replies under.
 */
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import type { Store } from './store.js';

export interface NotifiedEntry {
  readonly subject: string;
  readonly channel: string;
  readonly recipient: string;
  readonly outboxKey: string;
  readonly at: string;
}

/** Records (or moves forward) what each notice told. */
export async function recordNotified(store: Store, entries: readonly NotifiedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await store.transaction((trx) =>
    store.bulk.insert(
      trx,
      'notified',
      entries.map((entry) => ({ subject: entry.subject, channel: entry.channel, recipient: entry.recipient, outbox_key: entry.outboxKey, at: entry.at })),
      { columns: ['subject', 'channel', 'recipient'], update: ['outbox_key', 'at'] },
    ),
  );
}

/** The notices that last told these subjects, on any channel to anyone. */
export async function notifiedAbout(store: Store, subjects: readonly string[]): Promise<NotifiedEntry[]> {
  const entries: NotifiedEntry[] = [];
  for (const ids of chunks([...new Set(subjects)], IDS_PER_STATEMENT)) {
    const rows = await store.db.selectFrom('notified').selectAll().where('subject', 'in', ids).execute();
    for (const row of rows) entries.push({ subject: row.subject, channel: row.channel, recipient: row.recipient, outboxKey: row.outbox_key, at: row.at });
  }
  return entries;
}
