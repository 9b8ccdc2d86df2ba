/**
 * The short human summary printed after a scan: scores per pack, and per tenant, environment and
 * account; failing findings by severity, the five worst controls, and what could not be read,
 * grouped by service and error.
 */
import type { ScanInfo, ScanSummary, ScopeSummary } from '../findings/scan-output.js';
import type { CoverageEntry } from '../snapshot/coverage.js';
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
    summary.includesPassing
      ? 'The findings list every evaluation, passing and not applicable ones too, as evidence.'
      : 'The findings list fail, error and exempt evaluations; --all adds the passing and not-applicable ones, as evidence for an auditor.',
  );
  lines.push('', 'Packs (score = passing / (passing + failing); coverage = evaluated without error / applicable):');
  for (const pack of summary.packs) {
    const s = pack.controlsByStatus;
    lines.push(
      `  ${pack.id.padEnd(12)} score ${percent(pack.score)}  coverage ${percent(pack.coverage)}  controls: ` +
        `${s.pass} pass, ${s.fail} fail, ${s.error} error, ${s.manual} manual, ${s['not-applicable']} n/a`,
    );
  }
  lines.push(
    ...scopeTable('tenant', summary.byTenant, 'byTenant'),
    ...scopeTable('environment', summary.byEnvironment, 'byEnvironment'),
    ...scopeTable('account', summary.byAccount, 'byAccount'),
  );
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
  lines.push(...coverageGaps(scan.coverage));
  return `${lines.join('\n')}\n`;
}

/** Score / coverage of each pack, one row per scope. */
function scopeTable(kind: string, scopes: readonly ScopeSummary[], field: string): string[] {
  if (scopes.length === 0) return [];
  const packIds = scopes[0]!.packs.map((pack) => pack.id);
  const nameWidth = Math.min(32, Math.max(kind.length, ...scopes.map((scope) => scope.name.length)));
  const lines = [
    '',
    `By ${kind} (score / coverage per pack):`,
    `  ${kind.toUpperCase().padEnd(nameWidth)}  ${packIds.map((id) => clip(id, 15).padEnd(15)).join('  ')}`.trimEnd(),
  ];
  for (const scope of scopes.slice(0, MAX_SCOPE_ROWS)) {
    const cells = scope.packs.map((pack) => `${percent(pack.score).trim()} / ${percent(pack.coverage).trim()}`.padEnd(15));
    lines.push(`  ${clip(scope.name, nameWidth).padEnd(nameWidth)}  ${cells.join('  ')}`.trimEnd());
  }
  if (scopes.length > MAX_SCOPE_ROWS) lines.push(`  … and ${scopes.length - MAX_SCOPE_ROWS} more: summary.${field} in --format json`);
  return lines;
}

/** What could not be read, grouped by service and error, with how often and in how many accounts. */
function coverageGaps(coverage: readonly CoverageEntry[]): string[] {
  if (coverage.length === 0) return [];
  const groups = new Map<string, { service: string; code: string; operations: Set<string>; accounts: Set<string>; count: number }>();
  for (const gap of coverage) {
    const key = `${gap.service}\u0000${gap.error.code}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { service: gap.service, code: gap.error.code, operations: new Set(), accounts: new Set(), count: 0 };
      groups.set(key, group);
    }
    group.operations.add(gap.operation);
    group.accounts.add(gap.accountId);
    group.count += gap.count ?? 1;
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.service.localeCompare(b.service) || a.code.localeCompare(b.code));
  const lines = ['', `Could not read (${coverage.length} coverage gaps in ${sorted.length} groups; affected checks are errors, never passes):`];
  for (const group of sorted.slice(0, MAX_GAP_GROUPS)) {
    const accounts = group.accounts.size === 1 ? '1 account' : `${group.accounts.size} accounts`;
    lines.push(`  ${group.service} ${group.code} ×${group.count} in ${accounts}: ${[...group.operations].sort().join(', ')}`);
  }
  if (sorted.length > MAX_GAP_GROUPS) lines.push(`  … and ${sorted.length - MAX_GAP_GROUPS} more groups`);
  lines.push('  Every gap, with its region, resource and message: scan.coverage in --format json.');
  return lines;
}

const MAX_GAP_GROUPS = 15;
const MAX_SCOPE_ROWS = 25;
