/** The daily report as plain text, for the e-mail's text part and `report.txt`. */
import { percent } from '../html/colour-scale.js';
import type { DailyReport, ReportScore } from './daily-report.js';

export function changeText(change: number | null): string {
  if (change === null) return 'no previous day';
  const points = Math.round(change * 1000) / 10;
  return points === 0 ? 'no change' : `${points > 0 ? '+' : ''}${points} pts`;
}

export function reportSubject(report: DailyReport): string {
  return `Vigil daily compliance report — ${report.scan.observedAt.slice(0, 10)}`;
}

export function renderReportText(report: DailyReport): string {
  const lines: string[] = [reportSubject(report), ''];
  if (report.recipients.to.length > 0)
    lines.push(`To: ${report.recipients.to.join(', ')}${report.recipients.cc.length > 0 ? `  Cc: ${report.recipients.cc.join(', ')}` : ''}`);
  lines.push(
    `Latest scan ${report.scan.id} (inventory of ${report.scan.observedAt}, ${report.scan.status}); changes since ${report.scan.comparedWith ?? 'no earlier scan'}.`,
    '',
  );
  const scores = (title: string, rows: readonly ReportScore[]) => {
    lines.push(title);
    for (const row of rows) lines.push(`  ${row.name.padEnd(44)} ${percent(row.score).padStart(7)}  (${changeText(row.change)})`);
    lines.push('');
  };
  scores('Scores per pack', report.packs);
  scores('Scores per environment', report.environments);
  const list = <T>(title: string, rows: readonly T[], line: (row: T) => string) => {
    lines.push(`${title} (${rows.length})`);
    if (rows.length === 0) lines.push('  none');
    for (const row of rows) lines.push(`  ${line(row)}`);
    lines.push('');
  };
  list('New critical and high failures', report.newFailures, (f) => `[${f.severity}] ${f.title} — ${f.resource} (${f.account}) · owner ${f.owner}`);
  list('Regressions', report.regressions, (f) => `[${f.severity}] ${f.title} — ${f.resource} (${f.account}) · owner ${f.owner}`);
  list('Resolved', report.resolved, (f) => `[${f.severity}] ${f.title} — ${f.resource} (${f.account}) · fixed by ${f.fixedBy}`);
  lines.push(
    'Bot activity (last 24 hours)',
    `  actions taken: ${report.bots.actions.length} · dry-run plans waiting: ${report.bots.plansWaiting.length} · circuit breakers tripped: ${report.bots.breakersTripped} · failures: ${report.bots.failures}`,
    '',
  );
  list(
    'Exemptions expiring in the next 7 days',
    report.exemptionsExpiring,
    (e) => `${e.insight}: ${e.reason} (approved by ${e.approvedBy}, expires ${e.expires})`,
  );
  list('Coverage gaps', report.coverageGaps, (g) => `${g.account}: ${g.what}`);
  list('Notifications not delivered', report.undelivered, (n) => `${n.channel}: ${n.error} (${n.attempts} attempts)`);
  return `${lines.join('\n')}\n`;
}
