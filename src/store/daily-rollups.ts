/**
 * Per day, account and pack control: the verdict counts of the day's last complete scan of that
 * account — what trends are drawn from, kept 400 days while raw scans are pruned sooner.
 */
import type { Kysely, Transaction } from 'kysely';
import type { BulkWriter } from './bulk-write.js';
import type { Database } from './database.js';
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import { isAfter } from './scan-order.js';
import type { ScanRef } from './covering-scans.js';

export const ROLLUP_DAYS = 400;

export interface RollupCounts {
  readonly accountId: string;
  readonly pack: string;
  readonly control: string;
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  readonly exempt: number;
  readonly notApplicable: number;
}

/** Writes the scan's counts for its day where it is the day's latest scan and a count changed; returns rows written. */
export async function writeRollups(trx: Transaction<Database>, bulk: BulkWriter, scan: ScanRef, counts: readonly RollupCounts[]): Promise<number> {
  const day = scan.observedAt.slice(0, 10);
  const key = (account: string, pack: string, control: string) => `${account}\u0000${pack}\u0000${control}`;
  const existing = new Map<string, Database['daily_rollups']>();
  const accounts = [...new Set(counts.map((c) => c.accountId))];
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    for (const row of await trx.selectFrom('daily_rollups').selectAll().where('day', '=', day).where('account_id', 'in', ids).execute()) {
      existing.set(key(row.account_id, row.pack, row.control), row);
    }
  }
  const rows: Database['daily_rollups'][] = [];
  for (const c of counts) {
    const before = existing.get(key(c.accountId, c.pack, c.control));
    if (before !== undefined) {
      if (isAfter({ observedAt: before.scan_observed_at, seq: Number(before.scan_seq) }, scan)) continue;
      const same =
        before.pass === c.pass && before.fail === c.fail && before.error === c.error && before.exempt === c.exempt && before.not_applicable === c.notApplicable;
      if (same) continue;
    }
    rows.push({
      day,
      account_id: c.accountId,
      pack: c.pack,
      control: c.control,
      pass: c.pass,
      fail: c.fail,
      error: c.error,
      exempt: c.exempt,
      not_applicable: c.notApplicable,
      scan_id: scan.id,
      scan_observed_at: scan.observedAt,
      scan_seq: scan.seq,
    });
  }
  await bulk.insert(trx, 'daily_rollups', rows, {
    columns: ['day', 'account_id', 'pack', 'control'],
    update: ['pass', 'fail', 'error', 'exempt', 'not_applicable', 'scan_id', 'scan_observed_at', 'scan_seq'],
  });
  return rows.length;
}

export interface TrendPoint {
  readonly day: string;
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  readonly exempt: number;
  readonly notApplicable: number;
  /** Evaluated without error / applicable; null when nothing applied. */
  readonly coverage: number | null;
}

/** Day by day, the counts of one pack (or one of its controls), over all accounts or one. */
export async function rollupTrend(db: Kysely<Database>, options: { pack: string; control?: string; accountId?: string; since: string }): Promise<TrendPoint[]> {
  let query = db
    .selectFrom('daily_rollups')
    .select((eb) => [
      'day',
      eb.fn.sum<number>('pass').as('pass'),
      eb.fn.sum<number>('fail').as('fail'),
      eb.fn.sum<number>('error').as('error'),
      eb.fn.sum<number>('exempt').as('exempt'),
      eb.fn.sum<number>('not_applicable').as('not_applicable'),
    ])
    .where('pack', '=', options.pack)
    .where('day', '>=', options.since.slice(0, 10));
  if (options.control !== undefined) query = query.where('control', '=', options.control);
  if (options.accountId !== undefined) query = query.where('account_id', '=', options.accountId);
  const rows = await query.groupBy('day').orderBy('day').execute();
  return rows.map((row) => {
    const [pass, fail, error, exempt, notApplicable] = [row.pass, row.fail, row.error, row.exempt, row.not_applicable].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const applicable = pass + fail + error + exempt;
    return { day: row.day, pass, fail, error, exempt, notApplicable, coverage: applicable === 0 ? null : (applicable - error) / applicable };
  });
}
