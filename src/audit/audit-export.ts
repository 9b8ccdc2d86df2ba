/**
 * An auditor's copy of the audit trail (`vigil audit export FILE`): JSON lines, a header first
 * (the head hash the chain ended at when exported) and then every record in chain order, each with
 * its hashes. `vigil audit verify --file FILE` checks the copy offline with the same chain check
 * as the store: an edited, removed, inserted or reordered line is named by its line number.
 * Schema: `schemas/audit-export.json` (one line).
 */
import { Type, type Static } from '@sinclair/typebox';
import { displayPath, fieldErrors } from '../input/ajv-messages.js';
import { validatorFor } from '../schemas/ajv.js';
import { readLineBatches } from '../snapshot/line-reader.js';
import { ChainVerifier, type AuditRecord, type ChainCheck } from '../store/audit-chain.js';
import { auditChain, auditHead } from '../store/audit-log.js';
import type { Store } from '../store/store.js';
import { fileTarget } from '../output/output-target.js';

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const AuditExportHeader = Type.Object(
  {
    format: Type.Literal('vigil-audit'),
    version: Type.Literal(1),
    exportedAt: Type.String({ format: 'date-time' }),
    /** Records that follow. */
    records: Type.Integer({ minimum: 0 }),
    /** The hash of the last record (64 zeros when there is none): compare with `vigil audit verify` on the store. */
    head: Hash,
  },
  { additionalProperties: false },
);

export const AuditExportRecord = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: Type.String(),
    actor: Type.String(),
    action: Type.String(),
    resourceArn: Type.String(),
    findingId: Type.Optional(Type.String()),
    mode: Type.Union([Type.Literal('dry-run'), Type.Literal('enforce')]),
    runId: Type.Optional(Type.String()),
    planHash: Type.Optional(Type.String()),
    accountId: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    /** Before/after, API calls, result, error. */
    detail: Type.Record(Type.String(), Type.Unknown()),
    prevHash: Hash,
    hash: Hash,
  },
  { additionalProperties: false },
);

export const AuditExportLine = Type.Union([AuditExportHeader, AuditExportRecord], {
  $id: 'https://vigil.dev/schemas/audit-export.json',
  title: 'Vigil audit export line (the first line is the header, every other a record)',
});
type AuditExportHeader = Static<typeof AuditExportHeader>;

/** Writes the whole chain (under a temporary name, renamed when complete). */
export async function exportAudit(store: Store, file: string, now: Date): Promise<{ records: number; head: string }> {
  const head = await auditHead(store);
  // Records appended while exporting come after the head read above: the copy stops at that head.
  const records: AuditRecord[] = [];
  for await (const record of auditChain(store)) {
    records.push(record);
    if (record.hash === head) break;
  }
  const target = await fileTarget(file);
  try {
    const header: AuditExportHeader = { format: 'vigil-audit', version: 1, exportedAt: now.toISOString(), records: records.length, head };
    await target.write(`${JSON.stringify(header)}\n`);
    for (const record of records) await target.write(`${JSON.stringify(record)}\n`);
    await target.close();
  } catch (error) {
    await target.abort();
    throw error;
  }
  return { records: records.length, head };
}

export type FileCheck =
  ({ readonly kind: 'chain' } & ChainCheck & { readonly line?: number }) | { readonly kind: 'format'; readonly line: number; readonly problem: string };

/** Checks an exported copy: its format line by line, then the chain up to the header's head. */
export async function verifyAuditExport(file: string): Promise<FileCheck> {
  const validHeader = validatorFor(AuditExportHeader);
  const validRecord = validatorFor(AuditExportRecord);
  const verifier = new ChainVerifier();
  let header: AuditExportHeader | undefined;
  let line = 0;
  let count = 0;
  for await (const batch of readLineBatches(file)) {
    for (const text of batch) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return { kind: 'format', line, problem: `not JSON: ${(error as Error).message}` };
      }
      if (header === undefined) {
        if (!validHeader(value)) return { kind: 'format', line, problem: `not an audit export header: ${problems(validHeader.errors)}` };
        header = value;
        continue;
      }
      if (!validRecord(value)) return { kind: 'format', line, problem: `not an audit record: ${problems(validRecord.errors)}` };
      count++;
      if (!verifier.add(value)) return { kind: 'chain', line, ...verifier.end(header.head) };
    }
  }
  if (header === undefined) return { kind: 'format', line: 1, problem: 'empty: no audit export header' };
  const check = verifier.end(header.head);
  if (check.ok && count !== header.records) return { kind: 'format', line, problem: `the header announces ${header.records} records, the file holds ${count}` };
  return { kind: 'chain', ...check };
}

function problems(errors: Parameters<typeof fieldErrors>[0] | null | undefined): string {
  return fieldErrors(errors ?? [])
    .map((error) => `${displayPath(error.path)}: ${error.message}`)
    .join('; ');
}
