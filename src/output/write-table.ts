/** Findings as a table for a terminal, most severe first, with the pack controls behind each, then the summary. */
import type { Finding } from '../findings/finding.js';
import type { ScanInfo, ScanSummary } from '../findings/scan-output.js';
import { severityRank } from '../model/severity.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';
import { textSummary } from './text-summary.js';
import { fixesText } from './worst-findings.js';
import { styleSeverity, styleStatus } from './colour.js';
import type { Terminal } from './terminal.js';
import { renderTable, type TableColumn } from './terminal-table.js';

/** A terminal table is for people: beyond this many rows, point to --format json/csv. */
const MAX_ROWS = 500;

const COLUMNS: readonly TableColumn[] = [
  { header: 'STATUS' },
  { header: 'SEVERITY' },
  { header: 'INSIGHT', max: 34 },
  { header: 'ACCOUNT' },
  { header: 'REGION' },
  { header: 'RESOURCE', max: 36 },
  // Two rows that look alike (one insight, one resource) differ by the pack parameters behind them.
  { header: 'CONTROLS', max: 28 },
  { header: 'REASON', flex: true },
];

/**
 * @param width the terminal's columns: each row's reason wraps to fit (the whole reason is in
 *   --format json); undefined when the table does not go to a terminal.
 */
export async function writeTable(
  target: OutputTarget,
  scan: ScanInfo,
  summary: ScanSummary,
  spool: FindingsSpool,
  worst: readonly Finding[],
  terminal: Pick<Terminal, 'colours'> & { readonly width?: number | undefined },
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
  const c = terminal.colours;
  await target.write(
    renderTable(
      COLUMNS,
      shown.map((f) => [
        styleStatus(c, f.status),
        styleSeverity(c, f.severity),
        f.insight,
        f.resource.accountId,
        f.resource.region,
        f.resource.name,
        f.controls.map((control) => `${control.pack}:${control.control}`).join(' ') || '-',
        f.reason,
      ]),
      terminal,
    ),
  );
  if (total > shown.length) await target.write(`… ${total - shown.length} more findings: use --format json, jsonl or csv\n`);
  await target.write(`\n${textSummary(scan, summary)}${fixesText(worst)}`);
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
