/** `vigil scan --snapshot FILE` (or `--live`): evaluates a snapshot and writes findings. */
import type { ScanCommandOptions } from '../options/scan.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { runScan, type OutputFormat } from '../../app/run-scan.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { runCollection } from '../../app/run-collection.js';
import { selectionOf } from '../../app/live-collection.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

  // Exactly one source: a snapshot file, or live accounts collected into a temporary one.
  if ((options.snapshot === undefined) === !options.live) {
    reportProblems(io, [], ['scan: give --snapshot FILE or --live (not both)']);
    return ExitCode.input;
  }
  let snapshot = options.snapshot;
  let degraded = false;
  let temporary: string | undefined;
  if (options.live) {
    temporary = options.keepSnapshot ?? join(mkdtempSync(join(tmpdir(), 'vigil-live-')), 'snapshot.jsonl.gz');
    const collected = await runCollection(
      {
        ...(options.config !== undefined && { config: options.config }),
        account: options.account,
        ...(options.regions !== undefined && { regions: options.regions }),
        source: options.source,
        out: temporary,
        ...(options.profile !== undefined && { profile: options.profile }),
        concurrency: options.concurrency,
        ...(options.log !== undefined && { log: options.log }),
        pack: options.pack,
        insight: options.insight,
      },
      io,
      selectionOf(prepared.value.plan),
    );
    if (collected.code === ExitCode.input || (collected.code === ExitCode.failed && !existsSync(temporary))) return collected.code;
    degraded = collected.degraded;
    snapshot = temporary;
  }
  const format: OutputFormat = options.format ?? (options.out === undefined && io.stdout.isTTY === true ? 'table' : 'json');
  const outcome = await runScan(prepared.value, snapshot!, {
    includeAll: options.all,
    outputs: [{ format, file: options.out }],
    stdout: io.stdout,
    now: io.now,
  });
  if (temporary !== undefined && options.keepSnapshot === undefined) rmSync(dirname(temporary), { recursive: true, force: true });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems);
    return ExitCode.input;
  }
  // A collection that could not reach every account is a degraded run, whatever was found.
  if (degraded) return ExitCode.failed;
  return exitCodeFor(outcome.result.summary, options.failOn);
}
