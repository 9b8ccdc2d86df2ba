/** What `vigil bots plan`, `apply` and `run` share at the command line: `--now`, the run's report and its exit code. */
import type { ApplyReport } from '../bots/runtime/apply-plan.js';
import { ExitCode } from './exit-codes.js';

/** `--now ISO`, or the wall clock. */
export function nowOption(value: string | undefined, wallClock: Date): { ok: true; now: Date } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, now: wallClock };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value)))
    return { ok: false, message: `--now: '${value}' is not an ISO date-time with a zone (2026-12-08T23:30:00-05:00)` };
  return { ok: true, now: new Date(value) };
}

/** 1 when a bot was halted by a limit or by maxErrors, 3 when an action failed, else 0. */
export function runExitCode(report: ApplyReport): ExitCode {
  if (report.halted.length > 0) return ExitCode.findings;
  return report.steps.some((step) => step.outcome === 'failed') ? ExitCode.failed : ExitCode.ok;
}

export function reportText(report: ApplyReport, runId: string): string {
  const lines = report.steps.map(
    (step) => `  ${step.outcome.padEnd(15)} ${step.bot}  ${step.action}  ${step.arn}  ${step.summary}${step.error === undefined ? '' : ` — ${step.error}`}`,
  );
  for (const halt of report.halted) lines.push(`  HALTED ${halt.bot}: ${halt.reason}`);
  const counts = new Map<string, number>();
  for (const step of report.steps) counts.set(step.outcome, (counts.get(step.outcome) ?? 0) + 1);
  const tally = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'nothing to do';
  return `run ${runId}: ${tally} (every step is in the audit trail: vigil audit show --run ${runId})\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`;
}
