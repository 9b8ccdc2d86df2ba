/**
 * What a scan covered, and so what its silence means. A finding absent from a scan is resolved
 * only if the scan covered it: the same insight with the same parameter variant ran, its account
 * and region were collected, and the listing of its resource type did not fail in that account.
 *
 * Listing gaps are the snapshot's coverage entries of a resource type that name no resource — the
 * engine's inventory reads them as "resources of this type may be missing" too. A gap blocks the
 * type in the whole account, not only the region it was recorded in: account-wide listings
 * (ListBuckets, IAM) are recorded in the home region while their resources live in others or in
 * `global`, and a resolution that waits one more scan is better than a false one.
 */
import { hash } from 'node:crypto';
import type { CoverageEntry } from '../snapshot/coverage.js';
import { GLOBAL_REGION } from '../model/resource.js';

export interface ScanScope {
  /** Account → the regions collected in it (`global` included for every collected account). */
  readonly regions: ReadonlyMap<string, ReadonlySet<string>>;
  /** {@link insightKey}s of the insights that ran. */
  readonly insights: ReadonlySet<string>;
  /** {@link gapKey}s: account and resource type whose listing failed. */
  readonly gaps: ReadonlySet<string>;
}

/** The cell of a finding a scan may cover. */
export interface FindingCell {
  readonly accountId: string;
  readonly region: string;
  readonly resourceType: string;
  readonly insight: string;
  readonly variant: string;
}

export interface ScopeInput {
  /** The snapshot header's accounts: a collected account (not `scanned: false`) with its regions. */
  readonly accounts: readonly { readonly id: string; readonly regions: readonly string[]; readonly scanned?: boolean }[];
  readonly coverage: readonly CoverageEntry[];
  /** The scan plan's insights: id and parameter variant. */
  readonly insights: readonly { readonly insight: string; readonly variant: string }[];
}

export function insightKey(insight: string, variant: string): string {
  return variant === '' ? insight : `${insight}\u0000${variant}`;
}

export function gapKey(accountId: string, resourceType: string): string {
  return `${accountId}\u0000${resourceType}`;
}

export function scanScope(input: ScopeInput): ScanScope {
  const regions = new Map<string, Set<string>>();
  for (const account of input.accounts) {
    if (account.scanned === false) continue;
    const collected = regions.get(account.id) ?? new Set([GLOBAL_REGION]);
    for (const region of account.regions) collected.add(region);
    regions.set(account.id, collected);
  }
  const gaps = new Set<string>();
  for (const entry of input.coverage) {
    if (entry.resourceType !== undefined && entry.resourceArn === undefined) gaps.add(gapKey(entry.accountId, entry.resourceType));
  }
  return { regions, insights: new Set(input.insights.map((i) => insightKey(i.insight, i.variant))), gaps };
}

export function covers(scope: ScanScope, cell: FindingCell): boolean {
  return (
    scope.regions.get(cell.accountId)?.has(cell.region) === true &&
    scope.insights.has(insightKey(cell.insight, cell.variant)) &&
    !scope.gaps.has(gapKey(cell.accountId, cell.resourceType))
  );
}

/** Scans with the same key ran the same insights over the same account-regions: they compare. */
export function scopeKey(scope: ScanScope): string {
  const accounts = [...scope.regions.entries()].map(([account, regions]) => `${account}:${[...regions].sort().join(',')}`).sort();
  const text = `${accounts.join(';')}\u0001${[...scope.insights].sort().join(';')}`;
  return hash('sha256', text, 'hex').slice(0, 32);
}
