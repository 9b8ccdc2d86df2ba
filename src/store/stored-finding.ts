/**
 * A finding as the store reports it: its summary with its lifecycle (what diffs list), and in
 * full with reason and controls (one finding's history).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, FindingsTable, LifecycleState, StoredStatus } from './database.js';
import { CoveringScans } from './covering-scans.js';
import { cellOfRow, lastSeenOf } from './finding-row.js';
import { isActive } from './lifecycle.js';

export interface FindingSummary {
  readonly id: string;
  readonly insight: string;
  readonly title: string;
  readonly severity: string;
  /** The last verdict, or `absent`: a scan that covered it did not list it. */
  readonly status: StoredStatus;
  readonly state: LifecycleState | null;
  readonly resource: { readonly arn: string; readonly type: string; readonly accountId: string; readonly region: string; readonly name: string };
  readonly firstSeen: string;
  /** The last time a scan listed it. */
  readonly lastSeen: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
}

export interface StoredFinding extends FindingSummary {
  readonly reason: string;
  readonly controls: readonly { readonly pack: string; readonly control: string }[];
}

/** The columns of a summary. */
export const summaryColumns = [
  'id',
  'insight',
  'variant',
  'title',
  'severity',
  'status',
  'state',
  'account_id',
  'region',
  'resource_type',
  'resource_arn',
  'resource_name',
  'first_seen_at',
  'last_seen_at',
  'last_seen_seq',
  'resolved_at',
  'resolved_by',
] as const satisfies readonly (keyof FindingsTable)[];

export type SummaryRow = Pick<Selectable<FindingsTable>, (typeof summaryColumns)[number]>;

/**
 * Summaries of these rows. A finding a scan listed unchanged is not written again: an active one
 * was last seen by the last complete scan that covered it.
 */
export async function findingSummaries(db: Kysely<Database>, rows: readonly SummaryRow[]): Promise<FindingSummary[]> {
  const active = rows.filter((row) => isActive(row.state) || row.status === 'error');
  const earliest = active.reduce<string | undefined>((min, row) => (min === undefined || row.last_seen_at < min ? row.last_seen_at : min), undefined);
  const scans =
    earliest === undefined
      ? undefined
      : await CoveringScans.load(db, [...new Set(active.map((row) => row.account_id))], { after: { observedAt: earliest, seq: -1 } });
  const summaries: FindingSummary[] = [];
  for (const row of rows) {
    let lastSeen = row.last_seen_at;
    if (scans !== undefined && (isActive(row.state) || row.status === 'error')) {
      const latest = await scans.latestCovering(cellOfRow(row), lastSeenOf(row));
      if (latest !== undefined) lastSeen = latest.observedAt;
    }
    summaries.push({
      id: row.id,
      insight: row.insight,
      title: row.title,
      severity: row.severity,
      status: row.status,
      state: row.state,
      resource: { arn: row.resource_arn, type: row.resource_type, accountId: row.account_id, region: row.region, name: row.resource_name },
      firstSeen: row.first_seen_at,
      lastSeen,
      resolvedAt: row.resolved_at,
      resolvedBy: row.resolved_by,
    });
  }
  return summaries;
}

export async function storedFinding(db: Kysely<Database>, row: Selectable<FindingsTable>): Promise<StoredFinding> {
  const [summary] = await findingSummaries(db, [row]);
  const { id, insight, title, severity, status, state, resource, firstSeen, lastSeen, resolvedAt, resolvedBy } = summary!;
  return {
    id,
    insight,
    title,
    severity,
    status,
    state,
    resource,
    reason: row.reason,
    controls: JSON.parse(row.controls) as StoredFinding['controls'],
    firstSeen,
    lastSeen,
    resolvedAt,
    resolvedBy,
  };
}
