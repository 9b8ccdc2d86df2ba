/**
 * The findings a person should fix first — failing, most severe, one per insight — and their fixes
 * as the terminal shows them after a scan. Kept while the findings stream past, so memory stays
 * bounded whatever the scan's size.
 */
import type { Finding } from '../findings/finding.js';
import { severityRank } from '../model/severity.js';

export class WorstFindings {
  /** The most severe failing finding of each insight seen so far. */
  private readonly byInsight = new Map<string, Finding>();

  constructor(private readonly limit = 5) {}

  add(finding: Finding): void {
    if (finding.status !== 'fail') return;
    const kept = this.byInsight.get(finding.insight);
    if (kept === undefined || compareWorst(finding, kept) < 0) this.byInsight.set(finding.insight, finding);
  }

  list(): Finding[] {
    return [...this.byInsight.values()].sort(compareWorst).slice(0, this.limit);
  }
}

/** Most severe first; then by insight and ARN, so the choice does not depend on the order of the snapshot. */
export function compareWorst(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || a.insight.localeCompare(b.insight) || a.resource.arn.localeCompare(b.resource.arn);
}

/** "Fix first": per finding, what fails where, the CLI command, the console steps and the documentation. */
export function fixesText(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const lines = ['', `Fix first (the most severe failing finding of ${findings.length === 1 ? 'one insight' : `${findings.length} insights`}):`];
  for (const finding of findings) {
    const { resource, remediation } = finding;
    lines.push(`  ${finding.severity.toUpperCase()} ${finding.insight} — ${resource.name} (${resource.accountId} ${resource.region}): ${finding.reason}`);
    for (const [index, line] of remediation.cli.split('\n').entries()) lines.push(`    ${index === 0 ? '$ ' : '  '}${line}`);
    lines.push(`    console: ${remediation.console}`, `    docs: ${remediation.docs}`);
  }
  return `${lines.join('\n')}\n`;
}
