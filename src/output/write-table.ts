/** Findings as an aligned table for a terminal, most severe first, then the summary. */
import type { Finding } from '../findings/finding.js';
import type { ScanInfo, ScanSummary } from '../findings/scan-output.js';
import { severityRank } from '../model/severity.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';
import { textSummary } from './text-summary.js';
import { fixesText } from './worst-findings.js';

/** A terminal table is for people: beyond this many rows, point to --format json/csv. */
const MAX_ROWS = 500;

function clip(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

/**
 * @param width the terminal's columns: each row's reason is cut to fit (the whole reason is in
 *   --format json); undefined when the table does not go to a terminal.
 */
export async function writeTable(
  target: OutputTarget,
  scan: ScanInfo,
  summary: ScanSummary,
  spool: FindingsSpool,
  worst: readonly Finding[],
  width?: number,
): Promise<void> {
  const rows: Finding[] = [];
  let total = 0;
  for await (const finding of spool.records()) {
    total++;
    rows.push(finding);
    if (rows.length > MAX_ROWS * 4) {
      rows.sort(bySeverity);
      rows.length = MAX_ROWS;
    }
  }
  rows.sort(bySeverity);
  const shown = rows.slice(0, MAX_ROWS);
  await target.write(
    `${'STATUS'.padEnd(8)} ${'SEVERITY'.padEnd(9)} ${'INSIGHT'.padEnd(34)} ${'ACCOUNT'.padEnd(13)} ${'REGION'.padEnd(15)} ${'RESOURCE'.padEnd(36)} REASON\n`,
  );
  for (const f of shown) {
    await target.write(
      `${clip(f.status, 8)} ${clip(f.severity, 9)} ${clip(f.insight, 34)} ${clip(f.resource.accountId, 13)} ${clip(f.resource.region, 15)} ${clip(f.resource.name, 36)} ${fit(f.reason, width)}\n`,
    );
  }
  if (total > shown.length) await target.write(`… ${total - shown.length} more findings: use --format json, jsonl or csv\n`);
  await target.write(`\n${textSummary(scan, summary)}${fixesText(worst)}`);
}

/** The columns before REASON take 121 characters; the reason gets what is left of the terminal, at least 20. */
const REASON_AT = 121;

function fit(reason: string, width: number | undefined): string {
  if (width === undefined) return reason;
  const room = Math.max(20, width - REASON_AT);
  return reason.length <= room ? reason : `${reason.slice(0, room - 1)}…`;
}

const statusRank: Record<string, number> = { fail: 0, error: 1, exempt: 2, pass: 3, 'not-applicable': 4 };

function bySeverity(a: Finding, b: Finding): number {
  return (
    (statusRank[a.status] ?? 9) - (statusRank[b.status] ?? 9) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    a.insight.localeCompare(b.insight) ||
    a.resource.arn.localeCompare(b.resource.arn)
  );
}
