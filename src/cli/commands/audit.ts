/**
 * `vigil audit verify [--file FILE]`: walks the hash chain (the store's, or an exported copy's,
 * offline) and names the first broken record. `vigil audit show [--bot] [--since] [--run]`: the
 * records, newest first. `vigil audit export FILE`: the auditor's copy (src/audit/audit-export.ts).
 */
import { relative } from 'node:path';
import { exportAudit, verifyAuditExport } from '../../audit/audit-export.js';
import { auditRecords, verifyAuditChain, type AuditRecord } from '../../store/audit-log.js';
import { errorMessage } from '../../error-message.js';
import type { AuditExportOptions, AuditShowOptions, AuditVerifyOptions } from '../options/audit.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption, withRecordedStore } from '../store-option.js';
import { parseWindowStart, windowSince } from '../window-option.js';

const jsonWanted = (io: CliIo, format: 'table' | 'json' | undefined) => (format ?? (io.stdout.isTTY === true ? 'table' : 'json')) === 'json';

export async function auditVerifyCommand(options: AuditVerifyOptions, io: CliIo): Promise<ExitCode> {
  const json = jsonWanted(io, options.format);
  if (options.file !== undefined) {
    let check;
    try {
      check = await verifyAuditExport(options.file);
    } catch (error) {
      reportProblems(io, [], [`${options.file}: cannot read: ${errorMessage(error)}`]);
      return ExitCode.input;
    }
    if (check.kind === 'format') {
      reportProblems(io, [], [`${options.file}:${check.line}: ${check.problem}`]);
      return ExitCode.input;
    }
    const { kind: _kind, ...verdict } = check;
    return report(io, json, { source: options.file, ...verdict });
  }
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) =>
    report(io, json, { source: store.description, ...(await verifyAuditChain(store)) }),
  );
}

type Verdict = { source: string; line?: number } & ({ ok: true; records: number; head: string } | { ok: false; records: number; seq: number; problem: string });

function report(io: CliIo, json: boolean, verdict: Verdict): ExitCode {
  if (json) io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  else if (verdict.ok) io.stdout.write(`audit trail intact: ${verdict.records} records in ${verdict.source}, head ${verdict.head}\n`);
  else {
    const where = verdict.line === undefined ? '' : ` (line ${verdict.line})`;
    io.stdout.write(
      `audit trail BROKEN in ${verdict.source}: record ${verdict.seq}${where} ${verdict.problem}; ${verdict.records} records before it are intact\n`,
    );
  }
  return verdict.ok ? ExitCode.ok : ExitCode.findings;
}

export async function auditShowCommand(options: AuditShowOptions, io: CliIo): Promise<ExitCode> {
  let since: string | undefined;
  if (options.since !== undefined) {
    const parsed = parseWindowStart('--since', options.since);
    if (!parsed.ok) {
      reportProblems(io, [], [parsed.message]);
      return ExitCode.input;
    }
    since = windowSince(parsed.start, io.now().toISOString());
  }
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    const records = await auditRecords(store, {
      ...(options.bot !== undefined && { actor: options.bot }),
      ...(options.run !== undefined && { runId: options.run }),
      ...(since !== undefined && { since }),
      limit: options.limit,
    });
    if (jsonWanted(io, options.format)) io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    else io.stdout.write(records.length === 0 ? 'audit: no records\n' : `${records.map(auditLine).join('\n')}\n`);
    return ExitCode.ok;
  });
}

function auditLine(record: AuditRecord): string {
  const result = typeof record.detail['result'] === 'string' ? record.detail['result'] : '';
  const summary =
    typeof record.detail['summary'] === 'string' ? record.detail['summary'] : typeof record.detail['reason'] === 'string' ? record.detail['reason'] : '';
  const error = typeof record.detail['error'] === 'string' ? ` — ${record.detail['error']}` : '';
  return `${String(record.seq).padStart(6)}  ${record.at}  ${record.mode.padEnd(7)}  ${record.actor}  ${record.action}  ${result.padEnd(9)}  ${record.resourceArn}  ${summary}${error}`;
}

export async function auditExportCommand(file: string, options: AuditExportOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    let written;
    try {
      written = await exportAudit(store, file, io.now());
    } catch (error) {
      io.stderr.write(`vigil: cannot write ${file}: ${errorMessage(error)}\n`);
      return ExitCode.failed;
    }
    io.stdout.write(
      `wrote ${written.records} audit records to ${relative(io.workDir, file) || file} (head ${written.head}); check it with vigil audit verify --file\n`,
    );
    return ExitCode.ok;
  });
}
