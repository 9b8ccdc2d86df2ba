/** `vigil scans list`: the recorded scans, newest first. */
import type { ScanStatus } from './database.js';
import type { Store } from './store.js';

export interface ScanListEntry {
  readonly id: string;
  readonly observedAt: string;
  readonly recordedAt: string;
  readonly status: ScanStatus;
  readonly source: string;
  readonly accounts: readonly string[];
  readonly packs: readonly string[];
  readonly resources: number;
  readonly evaluations: number;
  readonly findings: number;
  readonly opened: number;
  readonly reopened: number;
  readonly resolved: number;
  readonly exempted: number;
  readonly previousScan: string | null;
  readonly error: string | null;
}

export async function listScans(store: Store, options: { limit: number; accountId?: string }): Promise<ScanListEntry[]> {
  let query = store.db.selectFrom('scans').selectAll().orderBy('observed_at', 'desc').orderBy('seq', 'desc').limit(options.limit);
  if (options.accountId !== undefined) {
    const accountId = options.accountId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('scan_regions').select('scan_id').where('account_id', '=', accountId));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    observedAt: row.observed_at,
    recordedAt: row.recorded_at,
    status: row.status,
    source: row.source,
    accounts: JSON.parse(row.accounts) as string[],
    packs: JSON.parse(row.packs) as string[],
    resources: Number(row.resources),
    evaluations: Number(row.evaluations),
    findings: Number(row.findings),
    opened: Number(row.opened),
    reopened: Number(row.reopened),
    resolved: Number(row.resolved),
    exempted: Number(row.exempted),
    previousScan: row.previous_scan,
    error: row.error,
  }));
}

/** When the last scan that was not a crash saw its inventory (of the account, if given): what relative windows count back from. */
export async function lastScanTime(store: Store, accountId?: string): Promise<string | undefined> {
  let query = store.db.selectFrom('scans').select('observed_at').where('status', '!=', 'crashed').orderBy('observed_at', 'desc').limit(1);
  if (accountId !== undefined) query = query.where('id', 'in', (eb) => eb.selectFrom('scan_regions').select('scan_id').where('account_id', '=', accountId));
  return (await query.executeTakeFirst())?.observed_at;
}
