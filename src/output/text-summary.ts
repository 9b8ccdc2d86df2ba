/**
 * The short human summary printed after a scan: scores per pack, failing findings by severity,
 * the five worst controls, and what could not be read.
 */
import type { ScanInfo, ScanSummary } from '../findings/scan-output.js';
import { severities } from '../model/severity.js';

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function percent(value: number | null): string {
  return value === null ? '  n/a' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

export function textSummary(scan: ScanInfo, summary: ScanSummary): string {
  const lines: string[] = [];
  lines.push(
    `Scanned ${scan.resources} resources in ${scan.accounts.length} accounts: ${scan.evaluations} evaluations — ` +
      `${summary.pass} pass, ${summary.fail} fail, ${summary.error} error, ${summary.exempt} exempt, ${summary.notApplicable} not applicable.`,
  );
  lines.push('', 'Packs (score = passing / (passing + failing); coverage = evaluated without error / applicable):');
  for (const pack of summary.packs) {
    const s = pack.controlsByStatus;
    lines.push(
      `  ${pack.id.padEnd(12)} score ${percent(pack.score)}  coverage ${percent(pack.coverage)}  controls: ` +
        `${s.pass} pass, ${s.fail} fail, ${s.error} error, ${s.manual} manual, ${s['not-applicable']} n/a`,
    );
  }
  lines.push('', 'Failing findings by severity:');
  lines.push(`  ${severities.map((severity) => `${severity} ${summary.failingBySeverity[severity] ?? 0}`).join(' · ')}`);
  const worst = summary.packs
    .flatMap((pack) => pack.controls.map((control) => ({ pack: pack.id, control })))
    .filter(({ control }) => control.fail > 0)
    .sort((a, b) => b.control.fail - a.control.fail || (a.control.score ?? 0) - (b.control.score ?? 0) || a.pack.localeCompare(b.pack))
    .slice(0, 5);
  lines.push('', 'Five worst controls:');
  if (worst.length === 0) lines.push('  none failing');
  for (const { pack, control } of worst) {
    lines.push(
      `  ${`${pack} ${control.id}`.padEnd(22)} ${String(control.fail).padStart(4)} failing  score ${percent(control.score)}  ${clip(control.title, 90)}`,
    );
  }
  if (scan.coverage.length > 0) {
    lines.push('', `Could not read (${scan.coverage.length} coverage gaps; affected checks are errors, never passes):`);
    for (const gap of scan.coverage.slice(0, 5)) {
      lines.push(`  ${gap.accountId} ${gap.region} ${gap.service}:${gap.operation} — ${gap.error.code}${gap.count !== undefined ? ` ×${gap.count}` : ''}`);
    }
    if (scan.coverage.length > 5) lines.push(`  … and ${scan.coverage.length - 5} more`);
  }
  return `${lines.join('\n')}\n`;
}
