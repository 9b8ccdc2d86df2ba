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

/** Summaries of these rows. */
export async function findingSummaries(db: Kysely<Database>, rows: readonly SummaryRow[]): Promise<FindingSummary[]> {
  const lastSeen = await lastSeenOfRows(db, rows);
  return rows.map((row, i) => summaryOf(row, lastSeen[i]!));
}

/** The summary of a row last seen at `lastSeen` (see {@link lastSeenOfRows}). */
export function summaryOf(row: SummaryRow, lastSeen: string): FindingSummary {
  return {
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
  };
}

/**
 * When each row's finding was last seen, in the rows' order. A finding a scan listed unchanged is
 * not written again: an active one was last seen by the last complete scan that covered it.
 */
export async function lastSeenOfRows(db: Kysely<Database>, rows: readonly SummaryRow[]): Promise<string[]> {
  const active = rows.filter((row) => isActive(row.state) || row.status === 'error');
  const earliest = active.reduce<string | undefined>((min, row) => (min === undefined || row.last_seen_at < min ? row.last_seen_at : min), undefined);
  const scans =
    earliest === undefined
      ? undefined
      : await CoveringScans.load(db, [...new Set(active.map((row) => row.account_id))], { after: { observedAt: earliest, seq: -1 } });
  const lastSeen: string[] = [];
  // Findings of one cell last written by the same scan share their answer: a diff asks once per
  // cell, not once for each of 100,000s of findings.
  const latestByCell = new Map<string, string>();
  for (const row of rows) {
    if (scans === undefined || !(isActive(row.state) || row.status === 'error')) {
      lastSeen.push(row.last_seen_at);
      continue;
    }
    const key = `${row.account_id}\u0000${row.region}\u0000${row.resource_type}\u0000${row.insight}\u0000${row.variant}\u0000${row.last_seen_at}\u0000${row.last_seen_seq}`;
    let latest = latestByCell.get(key);
    if (latest === undefined) {
      latest = (await scans.latestCovering(cellOfRow(row), lastSeenOf(row)))?.observedAt ?? row.last_seen_at;
      latestByCell.set(key, latest);
    }
    lastSeen.push(latest);
  }
  return lastSeen;
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
