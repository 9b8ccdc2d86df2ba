/**
 * A bot's fix, recorded by the bot: the finding is remediated (by the bot) until a scan sees it
 * fail again, which reopens it. The next scan not listing it changes nothing more.
 */
import { ListingChanges, loadListings } from './account-listings.js';
import { lockNames } from './locks.js';
import type { Store } from './store.js';

export type RemediationOutcome = { ok: true } | { ok: false; message: string };

export async function recordRemediation(store: Store, remediation: { findingId: string; bot: string; at: string }): Promise<RemediationOutcome> {
  const row = await store.db.selectFrom('findings').select(['account_id']).where('id', '=', remediation.findingId).executeTakeFirst();
  if (row === undefined) return { ok: false, message: `no finding ${remediation.findingId}` };
  return store.transaction(async (trx) => {
    await lockNames(trx, store.engine, [`account:${row.account_id}`]);
    const before = await trx
      .selectFrom('findings')
      .select(['state', 'status', 'content_hash'])
      .where('id', '=', remediation.findingId)
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('findings')
      .set({ state: 'remediated', resolved_at: remediation.at, resolved_by: remediation.bot, resolved_scan: null })
      .where('id', '=', remediation.findingId)
      .where('state', 'in', ['open', 'reopened', 'exempt'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, message: `finding ${remediation.findingId} is not open` };
    const listings = new ListingChanges(await loadListings(trx, [row.account_id]));
    listings.change(row.account_id, before, { ...before, state: 'remediated' });
    await listings.write(trx, store.bulk);
    await trx
      .insertInto('transitions')
      .values({
        finding_id: remediation.findingId,
        account_id: row.account_id,
        state: 'remediated',
        at: remediation.at,
        scan_id: null,
        scan_seq: null,
        by: remediation.bot,
      })
      .execute();
    return { ok: true };
  });
}
