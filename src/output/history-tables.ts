/** The store's history for people on a terminal: a finding's transitions, a window, MTTR, a diff, the scans. */
import type { FindingHistory } from '../store/finding-history.js';
import type { HistoryWindow } from '../store/history-window.js';
import type { MttrFigure, MttrReport } from '../store/mttr.js';
import type { DiffFinding, ScanDiff } from '../store/scan-diff.js';
import type { ScanListEntry } from '../store/scan-list.js';

/** A terminal table is for people: beyond this many rows per list, point to --format json. */
const MAX_ROWS = 200;

function clip(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

/** `2026-11-20 06:00` (UTC). */
export function when(iso: string | null): string {
  return iso === null ? '-' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function findingHistoryTable({ finding, transitions }: FindingHistory): string {
  const lines = [
    `${finding.id}  ${finding.insight} on ${finding.resource.name} (${finding.resource.accountId}, ${finding.resource.region})`,
    `  ${finding.title}`,
    `  severity ${finding.severity} · state ${finding.state ?? 'none (never failed)'} · last verdict ${finding.status} · first seen ${when(finding.firstSeen)} · last seen ${when(finding.lastSeen)} UTC`,
    `  ${finding.reason}`,
    '',
    `${'WHEN (UTC)'.padEnd(17)} ${'STATE'.padEnd(11)} ${'BY'.padEnd(24)} SCAN`,
    ...transitions.map((t) => `${when(t.at).padEnd(17)} ${t.state.padEnd(11)} ${clip(t.by ?? '-', 24)} ${t.scan ?? '(bot action)'}`),
  ];
  if (transitions.length === 0) lines.push('  no transitions: it has had no lifecycle state (an error verdict neither opens nor resolves)');
  return `${lines.join('\n')}\n`;
}

export function windowTable(window: HistoryWindow, lastScan: string | undefined): string {
  const c = window.counts;
  const lines = [
    `From ${when(window.since)} to ${when(window.until)} UTC${lastScan !== undefined && lastScan === window.until ? ' (the last recorded scan)' : ''}:`,
    `  ${c.opened} opened · ${c.reopened} reopened · ${c.resolved} resolved · ${c.remediated} remediated · ${c.exempted} exempted`,
    '',
  ];
  if (window.changes.length === 0) lines.push('No changes in the window.');
  else {
    lines.push(
      `${'WHEN (UTC)'.padEnd(17)} ${'CHANGE'.padEnd(11)} ${'SEVERITY'.padEnd(9)} ${'INSIGHT'.padEnd(34)} ${'ACCOUNT'.padEnd(13)} ${'RESOURCE'.padEnd(36)} BY`,
    );
    for (const change of window.changes.slice(0, MAX_ROWS)) {
      const f = change.finding;
      lines.push(
        `${when(change.at).padEnd(17)} ${change.state.padEnd(11)} ${clip(f.severity, 9)} ${clip(f.insight, 34)} ${clip(f.resource.accountId, 13)} ${clip(f.resource.name, 36)} ${change.by ?? '-'}`,
      );
    }
    if (window.changes.length > MAX_ROWS) lines.push(`… ${window.changes.length - MAX_ROWS} more changes: use --format json`);
  }
  return `${lines.join('\n')}\n`;
}

export function mttrTable(report: MttrReport): string {
  const figure = (f: MttrFigure) => `${String(f.resolved).padStart(6)}  ${f.meanDays.toFixed(2).padStart(9)}  ${f.medianDays.toFixed(2).padStart(11)}`;
  const header = (label: string, width: number) => `${label.padEnd(width)} ${'FIXED'.padStart(6)}  ${'MEAN DAYS'.padStart(9)}  ${'MEDIAN DAYS'.padStart(11)}`;
  const lines = [`Mean time to remediate, findings resolved or remediated from ${when(report.since)} to ${when(report.until)} UTC:`, ''];
  if (report.overall === null) return `${lines[0]}\n  none resolved in the window.\n`;
  lines.push(
    header('SEVERITY', 24),
    ...report.bySeverity.map((f) => `${f.severity.padEnd(24)} ${figure(f)}`),
    `${'all'.padEnd(24)} ${figure(report.overall)}`,
    '',
  );
  lines.push(header('ACCOUNT', 24), ...report.byAccount.map((f) => `${f.accountId.padEnd(24)} ${figure(f)}`), '');
  lines.push(header('PACK CONTROL', 24), ...report.byControl.map((f) => `${clip(`${f.pack} ${f.control}`, 24)} ${figure(f)}`));
  return `${lines.join('\n')}\n`;
}

export function diffTable(diff: ScanDiff): string {
  const lines = [
    `From scan ${diff.from.id} (${when(diff.from.observedAt)} UTC) to scan ${diff.to.id} (${when(diff.to.observedAt)} UTC):`,
    `  ${diff.new.length} new · ${diff.resolved.length} resolved · ${diff.regressed.length} regressed · ${diff.open.length} still open`,
  ];
  const section = (title: string, findings: readonly DiffFinding[]) => {
    if (findings.length === 0) return;
    lines.push('', `${title}:`);
    for (const f of findings.slice(0, MAX_ROWS)) {
      lines.push(`  ${clip(f.severity, 9)} ${clip(f.insight, 34)} ${clip(f.resource.accountId, 13)} ${clip(f.resource.name, 36)} ${f.id.slice(0, 12)}`);
    }
    if (findings.length > MAX_ROWS) lines.push(`  … ${findings.length - MAX_ROWS} more: use --format json`);
  };
  section('New', diff.new);
  section('Resolved', diff.resolved);
  section('Regressed (failing again after a fix)', diff.regressed);
  if (diff.open.length > 0) lines.push('', `Still open: ${diff.open.length} (use --format json for the list)`);
  return `${lines.join('\n')}\n`;
}

export function scansTable(scans: readonly ScanListEntry[]): string {
  if (scans.length === 0) return 'No scans recorded.\n';
  const lines = [
    `${'SCAN'.padEnd(36)} ${'INVENTORY (UTC)'.padEnd(17)} ${'STATUS'.padEnd(9)} ${'SOURCE'.padEnd(8)} ${'ACCOUNTS'.padStart(8)} ${'FINDINGS'.padStart(8)}  NEW REOPENED RESOLVED`,
  ];
  for (const s of scans) {
    lines.push(
      `${s.id.padEnd(36)} ${when(s.observedAt).padEnd(17)} ${s.status.padEnd(9)} ${clip(s.source, 8)} ${String(s.accounts.length).padStart(8)} ${String(s.findings).padStart(8)}  ${String(s.opened).padStart(3)} ${String(s.reopened).padStart(8)} ${String(s.resolved).padStart(8)}${s.error === null ? '' : `  ${s.error}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
