/** A bot's plan (what an action would do, from live state), kept until it is applied — once — or discarded. */
import type { Selectable } from 'kysely';
import type { PlansTable } from './database.js';
import type { Store } from './store.js';

export type Plan = Omit<Selectable<PlansTable>, 'body'> & { readonly body: unknown };

export async function savePlan(store: Store, plan: { id: string; bot: string; action: string; resourceArn: string; at: string; body: unknown }): Promise<void> {
  await store.db
    .insertInto('plans')
    .values({
      id: plan.id,
      bot: plan.bot,
      action: plan.action,
      resource_arn: plan.resourceArn,
      created_at: plan.at,
      state: 'pending',
      body: JSON.stringify(plan.body),
      applied_at: null,
      audit_seq: null,
    })
    .execute();
}

export async function getPlan(store: Store, id: string): Promise<Plan | undefined> {
  const row = await store.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : { ...row, body: JSON.parse(row.body) as unknown };
}

/** Marks a pending plan applied, with the audit record of the change; false when it was not pending (applied or discarded already). */
export async function markPlanApplied(store: Store, id: string, applied: { at: string; auditSeq: number }): Promise<boolean> {
  const result = await store.db
    .updateTable('plans')
    .set({ state: 'applied', applied_at: applied.at, audit_seq: applied.auditSeq })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function discardPlan(store: Store, id: string): Promise<boolean> {
  const result = await store.db.updateTable('plans').set({ state: 'discarded' }).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records that a plan file (named by its SHA-256) is being applied, once: false when it was
 * applied before, so an enforced plan replayed later is refused rather than run twice.
 */
export async function claimPlanFile(
  store: Store,
  plan: { sha256: string; bots: string; at: string; body: unknown },
): Promise<{ ok: true } | { ok: false; appliedAt: string }> {
  await store.db
    .insertInto('plans')
    .values({
      id: plan.sha256,
      bot: plan.bots,
      action: 'apply',
      resource_arn: '*',
      created_at: plan.at,
      state: 'pending',
      body: JSON.stringify(plan.body),
      applied_at: null,
      audit_seq: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const claimed = await store.db
    .updateTable('plans')
    .set({ state: 'applied', applied_at: plan.at })
    .where('id', '=', plan.sha256)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) return { ok: true };
  const row = await store.db.selectFrom('plans').select('applied_at').where('id', '=', plan.sha256).executeTakeFirstOrThrow();
  return { ok: false, appliedAt: row.applied_at ?? 'an earlier run' };
}
