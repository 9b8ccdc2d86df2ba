/** `vigil scan --snapshot FILE` (or `--live`): evaluates a snapshot and writes findings. */
import { prepareScan } from '../../app/prepare-scan.js';
import { runScan, type OutputFormat } from '../../app/run-scan.js';
import { scanRecording } from '../../app/scan-recording.js';
import { historyLine } from '../../output/history-line.js';
import { openStoreOption } from '../store-option.js';
import { atOrAbove, type Severity } from '../../model/severity.js';
import type { ScanSummary } from '../../findings/scan-output.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { runCollection } from './collect.js';
import { selectionOf } from '../../app/live-collection.js';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { recordCrashedScan } from '../../store/record-scan.js';
import type { PreparedScan } from '../../app/prepare-scan.js';
import type { Store } from '../../store/store.js';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';

export interface ScanCommandOptions {
  snapshot?: string;
  live: boolean;
  account: string[];
  regions?: string;
  profile?: string;
  concurrency: string;
  keepSnapshot?: string;
  pack: string[];
  insight: string[];
  insights: string[];
  exemptions?: string;
  config?: string;
  format?: OutputFormat;
  out?: string;
  failOn?: Severity;
  all: boolean;
  /** `--store SPEC`, or false for `--no-store`. */
  store?: string | false;
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

  // Exactly one source: a snapshot file, or live accounts collected into a temporary one.
  if ((options.snapshot === undefined) === !options.live) {
    reportProblems(io, [], ['scan: give --snapshot FILE or --live (not both)']);
    return ExitCode.input;
  }
  // The store is opened (and migrated) before anything is collected or evaluated.
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: prepared.value.config, mustExist: false });
  if (!opened.ok) return opened.code;
  try {
    return await scanInto(options, io, prepared.value, opened.store === undefined ? undefined : { store: opened.store, keepScansDays: opened.keepScansDays });
  } finally {
    await opened.store?.close();
  }
}

async function scanInto(
  options: ScanCommandOptions,
  io: CliIo,
  prepared: PreparedScan,
  history: { store: Store; keepScansDays: number } | undefined,
): Promise<ExitCode> {
  const startedAt = io.now();
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
        source: 'api',
        out: temporary,
        ...(options.profile !== undefined && { profile: options.profile }),
        concurrency: options.concurrency,
        pack: options.pack,
        insight: options.insight,
      },
      io,
      selectionOf(prepared.plan),
    );
    if (collected.code === ExitCode.failed && !existsSync(temporary) && history !== undefined) {
      // Nothing was collected: a crashed scan in the history, changing no finding.
      await recordCrashedScan(history.store, {
        id: randomUUID(),
        startedAt: startedAt.toISOString(),
        finishedAt: io.now().toISOString(),
        source: 'live',
        sourceFile: null,
        packs: prepared.plan.packs.map((pack) => pack.id),
        error: 'the collection failed (see above)',
      });
    }
    if (collected.code === ExitCode.input || (collected.code === ExitCode.failed && !existsSync(temporary))) return collected.code;
    degraded = collected.degraded;
    snapshot = temporary;
  }
  const format: OutputFormat = options.format ?? (options.out === undefined && io.stdout.isTTY === true ? 'table' : 'json');
  const outcome = await runScan(prepared, snapshot!, {
    includeAll: options.all,
    outputs: [{ format, file: options.out }],
    stdout: io.stdout,
    now: io.now,
    ...(history !== undefined && {
      recording: scanRecording(history.store, prepared, { source: options.live ? 'live' : 'snapshot', keepScansDays: history.keepScansDays, now: io.now }),
    }),
  });
  if (temporary !== undefined && options.keepSnapshot === undefined) rmSync(dirname(temporary), { recursive: true, force: true });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems);
    return ExitCode.input;
  }
  if (outcome.recordError !== undefined) {
    const error = outcome.recordError;
    io.stderr.write(
      `vigil: the scan could not be recorded in the store ${history?.store.description}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return ExitCode.failed;
  }
  if (outcome.recorded !== undefined && format === 'table' && options.out === undefined) {
    io.stdout.write(`\n${historyLine(outcome.recorded, shownStore(io, history!.store))}`);
  }
  // A collection that could not reach every account is a degraded run, whatever was found.
  if (degraded) return ExitCode.failed;
  return exitCodeFor(outcome.result.summary, options.failOn);
}

export function exitCodeFor(summary: ScanSummary, failOn: Severity | undefined): ExitCode {
  if (failOn === undefined) return ExitCode.ok;
  const failing = Object.entries(summary.failingBySeverity).some(([severity, count]) => count > 0 && atOrAbove(severity as Severity, failOn));
  return failing ? ExitCode.findings : ExitCode.ok;
}

/** The store as a person reads it: a SQLite file relative to the working directory when inside it. */
export function shownStore(io: CliIo, store: Store): string {
  if (store.engine !== 'sqlite') return store.description;
  const shown = relative(io.workDir, store.description);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? store.description : shown;
}
