/**
 * The bots' audit trail: append-only, tamper-evident. Each record's hash covers its content and
 * the hash of the record before it, so changing, removing or reordering any record breaks every
 * link after it; appends take the chain's lock, so two writers never chain to the same record.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { lockNames } from './locks.js';
import type { Store } from './store.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly at: string;
  /** The bot (or person) that acted. */
  readonly actor: string;
  /** The action's id: `kms-enable-rotation`. */
  readonly action: string;
  readonly resourceArn: string;
  readonly findingId?: string;
  readonly mode: 'dry-run' | 'enforce';
  /** Before/after and whatever else the action reports (JSON values only). */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

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

export type ChainCheck = { ok: true; records: number } | { ok: false; records: number; seq: number; problem: string };

/** Walks the chain from the first record: every link and every hash, and the head. */
export async function verifyAuditChain(store: Store): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let records = 0;
  let lastSeq = 0;
  for (let after = 0; ;) {
    const page = await store.db.selectFrom('audit_records').selectAll().where('seq', '>', after).orderBy('seq').limit(1_000).execute();
    if (page.length === 0) break;
    for (const row of page) {
      const seq = Number(row.seq);
      if (row.prev_hash !== prev)
        return { ok: false, records, seq, problem: 'does not chain to the record before it (one was removed, inserted or reordered)' };
      const entry: AuditEntry = {
        at: row.at,
        actor: row.actor,
        action: row.action,
        resourceArn: row.resource_arn,
        ...(row.finding_id !== null && { findingId: row.finding_id }),
        mode: row.mode as AuditEntry['mode'],
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      };
      if (chainHash(row.prev_hash, entry) !== row.hash) return { ok: false, records, seq, problem: 'its content does not match its hash (it was changed)' };
      prev = row.hash;
      lastSeq = seq;
      records++;
    }
    after = lastSeq;
  }
  const head = await store.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if ((head?.hash ?? GENESIS_HASH) !== prev)
    return { ok: false, records, seq: lastSeq, problem: 'the chain ends before its recorded head (records were removed from the end)' };
  return { ok: true, records };
}

export async function auditRecords(store: Store, options: { resourceArn?: string; limit: number }): Promise<AuditRecord[]> {
  let query = store.db.selectFrom('audit_records').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.resourceArn !== undefined) query = query.where('resource_arn', '=', options.resourceArn);
  return (await query.execute()).map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    resourceArn: row.resource_arn,
    ...(row.finding_id !== null && { findingId: row.finding_id }),
    mode: row.mode as AuditEntry['mode'],
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

function chainHash(prevHash: string, entry: AuditEntry): string {
  const content = canonicalJson({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    resourceArn: entry.resourceArn,
    findingId: entry.findingId ?? null,
    mode: entry.mode,
    detail: entry.detail,
  });
  return hash('sha256', `${prevHash}\n${content}`, 'hex');
}
