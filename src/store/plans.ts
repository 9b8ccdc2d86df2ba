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
