/**
 * The bots' audit trail in the store: append-only, tamper-evident (the chain: audit-chain.ts).
 * Appends take the chain's lock, so two writers never chain to the same record.
 */
import type { Selectable } from 'kysely';
import { canonicalJson } from './canonical-json.js';
import { ChainVerifier, chainHash, GENESIS_HASH, type AuditEntry, type AuditRecord, type ChainCheck } from './audit-chain.js';
import type { AuditRecordsTable } from './database.js';
import { lockNames } from './locks.js';
import type { Store } from './store.js';

export { GENESIS_HASH, type AuditEntry, type AuditRecord, type ChainCheck } from './audit-chain.js';

export async function appendAudit(store: Store, entry: AuditEntry): Promise<AuditRecord> {
  return store.transaction(async (trx) => {
    await lockNames(trx, store.engine, ['audit']);
    const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    const prevHash = head?.hash ?? GENESIS_HASH;
    const recordHash = chainHash(prevHash, entry);
    const inserted = await trx
      .insertInto('audit_records')
      .values({
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        resource_arn: entry.resourceArn,
        finding_id: entry.findingId ?? null,
        mode: entry.mode,
        run_id: entry.runId ?? null,
        plan_hash: entry.planHash ?? null,
        account_id: entry.accountId ?? null,
        region: entry.region ?? null,
        detail: canonicalJson(entry.detail),
        prev_hash: prevHash,
        hash: recordHash,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    const seq = Number(inserted.seq);
    await trx
      .insertInto('audit_head')
      .values({ id: 1, seq, hash: recordHash })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq, hash: recordHash }))
      .execute();
    return { ...entry, seq, prevHash, hash: recordHash };
  });
}

/** Every record, in chain order, a page at a time. */
export async function* auditChain(store: Store): AsyncGenerator<AuditRecord> {
  for (let after = 0; ;) {
    const page = await store.db.selectFrom('audit_records').selectAll().where('seq', '>', after).orderBy('seq').limit(1_000).execute();
    if (page.length === 0) return;
    for (const row of page) yield recordOf(row);
    after = Number(page[page.length - 1]!.seq);
  }
}

/** The hash the chain ends at (the genesis hash when it is empty). */
export async function auditHead(store: Store): Promise<string> {
  const head = await store.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return head?.hash ?? GENESIS_HASH;
}

/** Walks the chain from the first record: every link and every hash, and the head. */
export async function verifyAuditChain(store: Store): Promise<ChainCheck> {
  const verifier = new ChainVerifier();
  for await (const record of auditChain(store)) if (!verifier.add(record)) break;
  return verifier.end(await auditHead(store));
}

export interface AuditQuery {
  readonly actor?: string;
  readonly resourceArn?: string;
  readonly runId?: string;
  /** At or after this instant (ISO). */
  readonly since?: string;
  readonly limit: number;
}

/** The newest records first. */
export async function auditRecords(store: Store, options: AuditQuery): Promise<AuditRecord[]> {
  let query = store.db.selectFrom('audit_records').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.resourceArn !== undefined) query = query.where('resource_arn', '=', options.resourceArn);
  if (options.actor !== undefined) query = query.where('actor', '=', options.actor);
  if (options.runId !== undefined) query = query.where('run_id', '=', options.runId);
  if (options.since !== undefined) query = query.where('at', '>=', options.since);
  return (await query.execute()).map(recordOf);
}

function recordOf(row: Selectable<AuditRecordsTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    resourceArn: row.resource_arn,
    ...(row.finding_id !== null && { findingId: row.finding_id }),
    mode: row.mode as AuditEntry['mode'],
    ...(row.run_id !== null && { runId: row.run_id }),
    ...(row.plan_hash !== null && { planHash: row.plan_hash }),
    ...(row.account_id !== null && { accountId: row.account_id }),
    ...(row.region !== null && { region: row.region }),
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
