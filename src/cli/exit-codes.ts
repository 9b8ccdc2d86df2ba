/** The exit codes every command shares (DESIGN.md, CLI contract). */
import type { ScanSummary } from '../findings/scan-output.js';
import { atOrAbove, type Severity } from '../model/severity.js';
export const ExitCode = {
  ok: 0,
  /** Findings at or above --fail-on failed. */
  findings: 1,
  /** Usage or input error: nothing was evaluated or changed. */
  input: 2,
  /** The run itself failed. */
  failed: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** 1 when a finding at or above `failOn` failed, else 0. */
export function exitCodeFor(summary: ScanSummary, failOn: Severity | undefined): ExitCode {
  if (failOn === undefined) return ExitCode.ok;
  const failing = Object.entries(summary.failingBySeverity).some(([severity, count]) => count > 0 && atOrAbove(severity as Severity, failOn));
  return failing ? ExitCode.findings : ExitCode.ok;
}
