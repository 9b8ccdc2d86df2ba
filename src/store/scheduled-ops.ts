/**
 * mark-for-op: a bot marks a resource for an action at a later time (stop this instance in 3
 * days unless someone tags it). One pending operation per bot, action and resource — marking it
 * again changes nothing — and a due operation is claimed by one runner only.
 */
import { sql, type Selectable } from 'kysely';
import type { ScheduledOpsTable } from './database.js';
import type { Store } from './store.js';

export type ScheduledOp = Selectable<ScheduledOpsTable>;

export async function markForOp(
  store: Store,
  op: { bot: string; action: string; resourceArn: string; reason: string; at: string; dueAt: string },
): Promise<{ op: ScheduledOp; created: boolean }> {
  return store.transaction(async (trx) => {
    const inserted = await trx
      .insertInto('scheduled_ops')
      .values({
        bot: op.bot,
        action: op.action,
        resource_arn: op.resourceArn,
        reason: op.reason,
        created_at: op.at,
        due_at: op.dueAt,
        state: 'pending',
        claim_token: null,
        claimed_at: null,
        done_at: null,
      })
      // The partial unique index's own predicate, so both engines pick that index.
      .onConflict((oc) => oc.columns(['bot', 'action', 'resource_arn']).where(sql.ref('state'), '=', sql.lit('pending')).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted !== undefined) return { op: inserted, created: true };
    const pending = await trx
      .selectFrom('scheduled_ops')
      .selectAll()
      .where('bot', '=', op.bot)
      .where('action', '=', op.action)
      .where('resource_arn', '=', op.resourceArn)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    return { op: pending, created: false };
  });
}

/** Claims the operations due at `now` for the holder of `token`. */
export async function claimDueOps(store: Store, claim: { token: string; now: string; limit: number }): Promise<ScheduledOp[]> {
  return store.transaction(async (trx) => {
    let due = trx
      .selectFrom('scheduled_ops')
      .select('id')
      .where('state', '=', 'pending')
      .where('due_at', '<=', claim.now)
      .orderBy('due_at')
      .orderBy('id')
      .limit(claim.limit);
    if (store.engine === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    await trx
      .updateTable('scheduled_ops')
      .set({ state: 'claimed', claim_token: claim.token, claimed_at: claim.now })
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .execute();
    return trx.selectFrom('scheduled_ops').selectAll().where('id', 'in', ids).where('claim_token', '=', claim.token).orderBy('id').execute();
  });
}

export async function completeOp(store: Store, id: number, token: string, at: string): Promise<boolean> {
  const result = await store.db
    .updateTable('scheduled_ops')
    .set({ state: 'done', done_at: at })
    .where('id', '=', id)
    .where('state', '=', 'claimed')
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The resource was fixed (or its owner objected): the pending operation will not run. */
export function cancelOp(store: Store, op: PendingOpKey): Promise<boolean> {
  return settlePendingOp(store, op, 'cancelled');
}

/** A marked operation a bot carried out itself when due (`when.due`): done, so a later mark starts a new grace period. */
export function finishOp(store: Store, op: PendingOpKey): Promise<boolean> {
  return settlePendingOp(store, op, 'done');
}

interface PendingOpKey {
  readonly bot: string;
  readonly action: string;
  readonly resourceArn: string;
  readonly at: string;
}

async function settlePendingOp(store: Store, op: PendingOpKey, state: 'cancelled' | 'done'): Promise<boolean> {
  const result = await store.db
    .updateTable('scheduled_ops')
    .set({ state, done_at: op.at })
    .where('bot', '=', op.bot)
    .where('action', '=', op.action)
    .where('resource_arn', '=', op.resourceArn)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every pending operation, as `planBot`'s `pendingOps` lookup: by bot and resource. */
export async function pendingOpsLookup(store: Store): Promise<(bot: string, resourceArn: string) => readonly { op: string; dueAt: string }[]> {
  const rows = await store.db.selectFrom('scheduled_ops').select(['bot', 'action', 'resource_arn', 'due_at']).where('state', '=', 'pending').execute();
  const byKey = new Map<string, { op: string; dueAt: string }[]>();
  for (const row of rows) {
    const key = `${row.bot} ${row.resource_arn}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { op: row.action, dueAt: row.due_at }]);
  }
  return (bot, resourceArn) => byKey.get(`${bot} ${resourceArn}`) ?? [];
}
