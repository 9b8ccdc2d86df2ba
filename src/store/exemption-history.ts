/** When exemptions began and stopped covering findings (recorded by each scan, record-scan.ts). */
import type { Store } from './store.js';

export interface ExemptionEvent {
  readonly at: string;
  readonly scan: string;
  readonly findingId: string;
  readonly insight: string;
  readonly resourceArn: string;
  /** `applied`: the finding failed and an exemption covered it; `lapsed`: it fails and none covers it any more. */
  readonly event: 'applied' | 'lapsed';
  readonly reason: string | null;
  readonly approvedBy: string | null;
  readonly expires: string | null;
}

export async function exemptionHistory(store: Store, filter: { findingId?: string; insight?: string; since?: string }): Promise<ExemptionEvent[]> {
  let query = store.db.selectFrom('exemption_events').selectAll().orderBy('at').orderBy('id');
  if (filter.findingId !== undefined) query = query.where('finding_id', '=', filter.findingId);
  if (filter.insight !== undefined) query = query.where('insight', '=', filter.insight);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  return (await query.execute()).map((row) => ({
    at: row.at,
    scan: row.scan_id,
    findingId: row.finding_id,
    insight: row.insight,
    resourceArn: row.resource_arn,
    event: row.event,
    reason: row.reason,
    approvedBy: row.approved_by,
    expires: row.expires,
  }));
}
