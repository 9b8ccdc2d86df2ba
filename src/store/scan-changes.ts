/**
 * What one recorded scan changed, finding by finding (from its transitions): what it opened,
 * reopened, and resolved — and who resolved each (the owner, or the bot that remediated it).
 */
import type { Store } from './store.js';

export interface ScanChanges {
  readonly opened: readonly string[];
  readonly reopened: readonly string[];
  readonly resolved: readonly { readonly id: string; readonly title: string; readonly resourceName: string; readonly by: string | null }[];
}

export async function scanChanges(store: Store, scanId: string): Promise<ScanChanges> {
  const rows = await store.db
    .selectFrom('transitions as t')
    .innerJoin('findings as f', 'f.id', 't.finding_id')
    .select(['t.finding_id', 't.state', 't.by', 'f.title', 'f.resource_name'])
    .where('t.scan_id', '=', scanId)
    .orderBy('t.id')
    .execute();
  const opened: string[] = [];
  const reopened: string[] = [];
  const resolved: { id: string; title: string; resourceName: string; by: string | null }[] = [];
  for (const row of rows) {
    if (row.state === 'open') opened.push(row.finding_id);
    else if (row.state === 'reopened') reopened.push(row.finding_id);
    else if (row.state === 'resolved' || row.state === 'remediated')
      resolved.push({ id: row.finding_id, title: row.title, resourceName: row.resource_name, by: row.by });
  }
  return { opened, reopened, resolved };
}

/** Open findings on resources a bot will act on before `until`: its pending operations due by then, with the finding ids. */
export async function findingsDueBy(
  store: Store,
  window: { readonly after: string; readonly until: string },
): Promise<{ readonly findingId: string; readonly bot: string; readonly action: string; readonly dueAt: string }[]> {
  const rows = await store.db
    .selectFrom('scheduled_ops as o')
    .innerJoin('findings as f', 'f.resource_arn', 'o.resource_arn')
    .select(['f.id', 'o.bot', 'o.action', 'o.due_at'])
    .where('o.state', '=', 'pending')
    .where('o.due_at', '>', window.after)
    .where('o.due_at', '<=', window.until)
    .where('f.state', 'in', ['open', 'reopened'])
    .orderBy('o.due_at')
    .execute();
  return rows.map((row) => ({ findingId: row.id, bot: row.bot, action: row.action, dueAt: row.due_at }));
}
