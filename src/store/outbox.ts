/**
 * The notification outbox: what must be sent is written in the same store as what caused it, then
 * sent by whoever claims it. Never twice:
 *  - a key enqueued twice is one message;
 *  - a claim takes a message for one sender (others skip it) until its lease ends;
 *  - only the claim's holder can mark it sent or failed, and a sent message is never claimed again;
 *  - a message whose lease ran out while sending may have been sent: it becomes `in-doubt`, listed
 *    for someone to check, never resent on its own. A known failure is retried with back-off until
 *    the attempts run out (`dead`, listed too). Nothing is dropped silently.
 */
import type { Selectable } from 'kysely';
import type { OutboxTable } from './database.js';
import type { Store } from './store.js';

export type OutboxMessage = Selectable<OutboxTable>;

export type OutboxStatus = OutboxTable['state'];

export async function enqueue(
  store: Store,
  message: { key: string; channel: string; payload: unknown; at: string },
): Promise<{ id: number; created: boolean }> {
  return store.transaction(async (trx) => {
    const inserted = await trx
      .insertInto('outbox')
      .values({
        dedupe_key: message.key,
        channel: message.channel,
        payload: JSON.stringify(message.payload),
        created_at: message.at,
        state: 'pending',
        attempts: 0,
        next_attempt_at: message.at,
        claim_token: null,
        lease_until: null,
        sent_at: null,
        last_error: null,
        receipt: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted !== undefined) return { id: Number(inserted.id), created: true };
    const existing = await trx.selectFrom('outbox').select('id').where('dedupe_key', '=', message.key).executeTakeFirstOrThrow();
    return { id: Number(existing.id), created: false };
  });
}

/** Claims up to `limit` messages due at `now` for the holder of `token`, for `leaseMs`. */
export async function claimMessages(
  store: Store,
  claim: { token: string; now: string; leaseMs: number; limit: number; channel?: string },
): Promise<OutboxMessage[]> {
  return store.transaction(async (trx) => {
    // A lease that ran out while sending: the message may have gone out.
    await trx.updateTable('outbox').set({ state: 'in-doubt', claim_token: null }).where('state', '=', 'sending').where('lease_until', '<', claim.now).execute();
    let due = trx.selectFrom('outbox').select('id').where('state', '=', 'pending').where('next_attempt_at', '<=', claim.now).orderBy('id').limit(claim.limit);
    if (claim.channel !== undefined) due = due.where('channel', '=', claim.channel);
    // PostgreSQL: rows another sender is claiming right now are skipped, not waited for.
    if (store.engine === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const leaseUntil = new Date(Date.parse(claim.now) + claim.leaseMs).toISOString();
    await trx
      .updateTable('outbox')
      .set((eb) => ({ state: 'sending', claim_token: claim.token, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .execute();
    return trx.selectFrom('outbox').selectAll().where('id', 'in', ids).where('claim_token', '=', claim.token).orderBy('id').execute();
  });
}

/**
 * True when the message was the claimant's to mark; false when its claim was lost (lease ran out).
 * `receipt` is what the transport answered (Slack's channel and ts), kept to reply in its thread.
 */
export async function markSent(store: Store, id: number, token: string, at: string, receipt?: unknown): Promise<boolean> {
  const result = await store.db
    .updateTable('outbox')
    .set({ state: 'sent', sent_at: at, claim_token: null, lease_until: null, receipt: receipt === undefined ? null : JSON.stringify(receipt) })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A send that failed for sure: retried at `retryAt`, or `dead` after `maxAttempts`. */
export async function markFailed(store: Store, failure: { id: number; token: string; error: string; retryAt: string; maxAttempts: number }): Promise<boolean> {
  return store.transaction(async (trx) => {
    const claimed = await trx
      .selectFrom('outbox')
      .select('attempts')
      .where('id', '=', failure.id)
      .where('state', '=', 'sending')
      .where('claim_token', '=', failure.token)
      .executeTakeFirst();
    if (claimed === undefined) return false;
    await trx
      .updateTable('outbox')
      .set({
        state: Number(claimed.attempts) >= failure.maxAttempts ? 'dead' : 'pending',
        next_attempt_at: failure.retryAt,
        last_error: failure.error,
        claim_token: null,
        lease_until: null,
      })
      .where('id', '=', failure.id)
      .where('claim_token', '=', failure.token)
      .execute();
    return true;
  });
}

/** Someone checked an in-doubt message was not delivered: it is sent again. */
export async function releaseInDoubt(store: Store, id: number, at: string): Promise<boolean> {
  const result = await store.db
    .updateTable('outbox')
    .set({ state: 'pending', next_attempt_at: at })
    .where('id', '=', id)
    .where('state', '=', 'in-doubt')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Someone (or the transport's own record, e.g. Slack's message metadata) showed an in-doubt message did arrive. */
export async function settleInDoubt(store: Store, id: number, at: string, receipt?: unknown): Promise<boolean> {
  const result = await store.db
    .updateTable('outbox')
    .set({ state: 'sent', sent_at: at, ...(receipt !== undefined && { receipt: JSON.stringify(receipt) }) })
    .where('id', '=', id)
    .where('state', '=', 'in-doubt')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function outboxMessages(store: Store, state: OutboxStatus): Promise<OutboxMessage[]> {
  return store.db.selectFrom('outbox').selectAll().where('state', '=', state).orderBy('id').execute();
}

/** The message enqueued with this key, whatever its state. */
export async function outboxMessageByKey(store: Store, key: string): Promise<OutboxMessage | undefined> {
  return store.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', key).executeTakeFirst();
}

/**
 * A claimed message that must wait for another one (a reply for the message it threads under):
 * back to pending until `retryAt`, the attempt not counted — nothing was tried.
 */
export async function deferClaim(store: Store, defer: { id: number; token: string; retryAt: string; reason: string }): Promise<boolean> {
  const result = await store.db
    .updateTable('outbox')
    .set((eb) => ({
      state: 'pending',
      next_attempt_at: defer.retryAt,
      last_error: defer.reason,
      claim_token: null,
      lease_until: null,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', '=', defer.id)
    .where('state', '=', 'sending')
    .where('claim_token', '=', defer.token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
