/** A finding as a row of the findings table, and back. */
import type { Finding } from '../findings/finding.js';
import type { FindingsTable, LifecycleState } from './database.js';
import type { FindingCell } from './scan-scope.js';
import type { ScanRef } from './covering-scans.js';

/** The columns the recorder reads: lifecycle and cell, not the finding's text. */
export type LifecycleRow = Pick<
  FindingsTable,
  | 'id'
  | 'insight'
  | 'variant'
  | 'account_id'
  | 'region'
  | 'resource_type'
  | 'status'
  | 'state'
  | 'content_hash'
  | 'exemption'
  | 'first_seen_at'
  | 'first_seen_scan'
  | 'last_seen_at'
  | 'last_seen_scan'
  | 'last_seen_seq'
  | 'resolved_at'
  | 'resolved_by'
  | 'resolved_scan'
>;

export const lifecycleColumns = [
  'id',
  'insight',
  'variant',
  'account_id',
  'region',
  'resource_type',
  'status',
  'state',
  'content_hash',
  'exemption',
  'first_seen_at',
  'first_seen_scan',
  'last_seen_at',
  'last_seen_scan',
  'last_seen_seq',
  'resolved_at',
  'resolved_by',
  'resolved_scan',
] as const satisfies readonly (keyof FindingsTable)[];

export function cellOfRow(row: Pick<LifecycleRow, 'account_id' | 'region' | 'resource_type' | 'insight' | 'variant'>): FindingCell {
  return { accountId: row.account_id, region: row.region, resourceType: row.resource_type, insight: row.insight, variant: row.variant };
}

export function cellOfFinding(finding: Finding, variant: string): FindingCell {
  return { accountId: finding.resource.accountId, region: finding.resource.region, resourceType: finding.resource.type, insight: finding.insight, variant };
}

export function lastSeenOf(row: Pick<FindingsTable, 'last_seen_at' | 'last_seen_seq'>): { observedAt: string; seq: number } {
  return { observedAt: row.last_seen_at, seq: Number(row.last_seen_seq) };
}

/** The full row for a finding a scan saw, keeping what the lifecycle carries over. */
export function findingRow(
  finding: Finding,
  options: {
    variant: string;
    digest: string;
    state: LifecycleState | null;
    seen: ScanRef;
    firstSeen: { at: string; scan: string };
    resolved: { at: string; by: string; scan: string } | undefined;
  },
): FindingsTable {
  return {
    id: finding.id,
    insight: finding.insight,
    variant: options.variant,
    account_id: finding.resource.accountId,
    region: finding.resource.region,
    resource_type: finding.resource.type,
    resource_arn: finding.resource.arn,
    resource_name: finding.resource.name,
    title: finding.title,
    severity: finding.severity,
    status: finding.status,
    state: options.state,
    reason: finding.reason,
    evidence: finding.evidence === null ? null : JSON.stringify(finding.evidence),
    controls: JSON.stringify(finding.controls),
    exemption: finding.exemption === undefined ? null : JSON.stringify(finding.exemption),
    content_hash: options.digest,
    first_seen_at: options.firstSeen.at,
    first_seen_scan: options.firstSeen.scan,
    last_seen_at: options.seen.observedAt,
    last_seen_scan: options.seen.id,
    last_seen_seq: options.seen.seq,
    resolved_at: options.resolved?.at ?? null,
    resolved_by: options.resolved?.by ?? null,
    resolved_scan: options.resolved?.scan ?? null,
  };
}
