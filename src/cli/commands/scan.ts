/** `vigil scan --snapshot FILE`: evaluates a snapshot and writes findings. */
import { prepareScan } from '../../app/prepare-scan.js';
import { runScan, type OutputFormat } from '../../app/run-scan.js';
import { atOrAbove, type Severity } from '../../engine/severity.js';
import type { ScanSummary } from '../../findings/scan-output.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';

export interface ScanCommandOptions {
  snapshot: string;
  pack: string[];
  insight: string[];
  insights: string[];
  exemptions?: string;
  config?: string;
  format?: OutputFormat;
  out?: string;
  failOn?: Severity;
  all: boolean;
}

export async function scanCommand(options: ScanCommandOptions, io: CliIo): Promise<ExitCode> {
  const now = io.now();
  const prepared = await prepareScan({
    ...(options.config !== undefined && { configFile: options.config }),
    packIds: options.pack,
    insightIds: options.insight,
    insightDirs: options.insights,
    ...(options.exemptions !== undefined && { exemptionsFile: options.exemptions }),
    now,
  });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  reportProblems(io, prepared.value.warnings);
  const format: OutputFormat = options.format ?? (options.out === undefined && io.stdout.isTTY === true ? 'table' : 'json');
  const outcome = await runScan(prepared.value, options.snapshot, {
    includeAll: options.all,
    outputs: [{ format, file: options.out }],
    stdout: io.stdout,
    now: io.now,
  });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems);
    return ExitCode.input;
  }
  return exitCodeFor(outcome.result.summary, options.failOn);
}

export function exitCodeFor(summary: ScanSummary, failOn: Severity | undefined): ExitCode {
  if (failOn === undefined) return ExitCode.ok;
  const failing = Object.entries(summary.failingBySeverity).some(([severity, count]) => count > 0 && atOrAbove(severity as Severity, failOn));
  return failing ? ExitCode.findings : ExitCode.ok;
}
