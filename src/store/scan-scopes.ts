/** Writes a scan's scope with the scan and reads scopes back: which scans covered a finding. */
import type { Kysely, Transaction } from 'kysely';
import type { BulkWriter } from './bulk-write.js';
import type { Database } from './database.js';
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import { gapKey, insightKey, type ScanScope } from './scan-scope.js';

export async function saveScanScope(trx: Transaction<Database>, bulk: BulkWriter, scanId: string, scope: ScanScope): Promise<void> {
  const regions = [...scope.regions].flatMap(([accountId, set]) => [...set].map((region) => ({ scan_id: scanId, account_id: accountId, region })));
  await bulk.insert(trx, 'scan_regions', regions);
  const insights = [...scope.insights].map((key) => {
    const [insight, variant = ''] = key.split('\u0000');
    return { scan_id: scanId, insight: insight!, variant };
  });
  await bulk.insert(trx, 'scan_insights', insights);
  const gaps = [...scope.gaps].map((key) => {
    const [accountId, resourceType] = key.split('\u0000');
    return { scan_id: scanId, account_id: accountId!, resource_type: resourceType! };
  });
  await bulk.insert(trx, 'scan_gaps', gaps);
}

export async function loadScanScopes(db: Kysely<Database> | Transaction<Database>, scanIds: readonly string[]): Promise<Map<string, ScanScope>> {
  const scopes = new Map<string, { regions: Map<string, Set<string>>; insights: Set<string>; gaps: Set<string> }>();
  const scopeOf = (id: string) => {
    let scope = scopes.get(id);
    if (scope === undefined) {
      scope = { regions: new Map(), insights: new Set(), gaps: new Set() };
      scopes.set(id, scope);
    }
    return scope;
  };
  for (const ids of chunks(scanIds, IDS_PER_STATEMENT)) {
    for (const id of ids) scopeOf(id);
    for (const row of await db.selectFrom('scan_regions').select(['scan_id', 'account_id', 'region']).where('scan_id', 'in', ids).execute()) {
      const regions = scopeOf(row.scan_id).regions;
      const set = regions.get(row.account_id) ?? new Set<string>();
      set.add(row.region);
      regions.set(row.account_id, set);
    }
    for (const row of await db.selectFrom('scan_insights').select(['scan_id', 'insight', 'variant']).where('scan_id', 'in', ids).execute()) {
      scopeOf(row.scan_id).insights.add(insightKey(row.insight, row.variant));
    }
    for (const row of await db.selectFrom('scan_gaps').select(['scan_id', 'account_id', 'resource_type']).where('scan_id', 'in', ids).execute()) {
      scopeOf(row.scan_id).gaps.add(gapKey(row.account_id, row.resource_type));
    }
  }
  return scopes;
}
