/**
 * The audit trail's hash chain, apart from where the records are: the store walks it, and so does
 * `vigil audit verify --file` over an exported copy. Each record's hash covers its content and the
 * hash of the record before it, so changing, removing or reordering any record breaks the chain
 * at the first record after the change.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

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
  /** The bot run that wrote it, and the SHA-256 of the plan it applied. */
  readonly runId?: string;
  readonly planHash?: string;
  readonly accountId?: string;
  readonly region?: string;
  /** Before/after, API calls, result, error and whatever else the action reports (JSON values only). */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export function chainHash(prevHash: string, entry: AuditEntry): string {
  // A field a record does not have is left out (canonicalJson drops undefined), so records written
  // before a field existed keep the hash they were written with.
  const content = canonicalJson({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    resourceArn: entry.resourceArn,
    findingId: entry.findingId ?? null,
    mode: entry.mode,
    runId: entry.runId,
    planHash: entry.planHash,
    accountId: entry.accountId,
    region: entry.region,
    detail: entry.detail,
  });
  return hash('sha256', `${prevHash}\n${content}`, 'hex');
}

export type ChainCheck = { ok: true; records: number; head: string } | { ok: false; records: number; seq: number; problem: string };

/** Checks records fed in chain order; the first broken one is kept. */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private count = 0;
  private lastSeq = 0;
  private broken: Extract<ChainCheck, { ok: false }> | undefined;

  add(record: AuditRecord): boolean {
    if (this.broken !== undefined) return false;
    if (record.prevHash !== this.prev)
      this.broken = {
        ok: false,
        records: this.count,
        seq: record.seq,
        problem: 'does not chain to the record before it (one was removed, inserted or reordered)',
      };
    else if (chainHash(record.prevHash, record) !== record.hash)
      this.broken = { ok: false, records: this.count, seq: record.seq, problem: 'its content does not match its hash (it was changed)' };
    if (this.broken !== undefined) return false;
    this.prev = record.hash;
    this.lastSeq = record.seq;
    this.count++;
    return true;
  }

  /** The verdict, given the head the chain should end at. */
  end(head: string): ChainCheck {
    if (this.broken !== undefined) return this.broken;
    if (head !== this.prev)
      return { ok: false, records: this.count, seq: this.lastSeq, problem: 'the chain ends before its recorded head (records were removed from the end)' };
    return { ok: true, records: this.count, head: this.prev };
  }
}
