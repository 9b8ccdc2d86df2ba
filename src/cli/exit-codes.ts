/** The exit codes every command shares (DESIGN.md, CLI contract). */
import type { ScanSummary } from '../findings/scan-output.js';
import { atOrAbove, type Severity } from '../model/severity.js';
import { ExitCode } from '../exit-code.js';

export { ExitCode };

/** 1 when a finding at or above `failOn` failed, else 0. */
export function exitCodeFor(summary: ScanSummary, failOn: Severity | undefined): ExitCode {
  if (failOn === undefined) return ExitCode.ok;
  const failing = Object.entries(summary.failingBySeverity).some(([severity, count]) => count > 0 && atOrAbove(severity as Severity, failOn));
  return failing ? ExitCode.findings : ExitCode.ok;
}
