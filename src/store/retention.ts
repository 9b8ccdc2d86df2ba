/**
 * Retention: raw scans (and their scopes) past the configured days, daily roll-ups past 400 days.
 * Each recorded scan prunes as it goes; the daemon's store maintenance prunes on its own schedule,
 * so a store nobody scans for a while still sheds what it should not keep.
 */
import type { Transaction } from 'kysely';
import { ROLLUP_DAYS } from './daily-rollups.js';
import type { Database } from './database.js';
import { tryLockName } from './locks.js';
import type { Store } from './store.js';

const DAY_MS = 86_400_000;

/** Inside a writer's transaction, relative to the time it records. */
export async function pruneStore(trx: Transaction<Database>, asOf: string, keepScansDays: number): Promise<void> {
  const scansBefore = new Date(Date.parse(asOf) - keepScansDays * DAY_MS).toISOString();
  const old = trx.selectFrom('scans').select('id').where('observed_at', '<', scansBefore);
  await trx.deleteFrom('scan_regions').where('scan_id', 'in', old).execute();
  await trx.deleteFrom('scan_insights').where('scan_id', 'in', old).execute();
  await trx.deleteFrom('scan_gaps').where('scan_id', 'in', old).execute();
  await trx.deleteFrom('scans').where('observed_at', '<', scansBefore).execute();
  const rollupsBefore = new Date(Date.parse(asOf) - ROLLUP_DAYS * DAY_MS).toISOString().slice(0, 10);
  await trx.deleteFrom('daily_rollups').where('day', '<', rollupsBefore).execute();
}

/**
 * The maintenance job: prunes as of `now`, when no other writer is pruning (false: another one
 * holds the lock, and its pruning is as good).
 */
export async function maintainStore(store: Store, options: { now: string; keepScansDays: number }): Promise<boolean> {
  return store.transaction(async (trx) => {
    if (!(await tryLockName(trx, store.engine, 'prune'))) return false;
    await pruneStore(trx, options.now, options.keepScansDays);
    return true;
  });
}
