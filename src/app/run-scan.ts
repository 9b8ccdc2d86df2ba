/** Runs a prepared scan over a snapshot file and writes the requested output. */
import { scanSnapshot, type ScanOptions, type ScanResult } from '../engine/scan.js';
import type { Problem } from '../input/problem.js';
import { unmatchedPatternWarnings } from '../exemptions/unmatched-patterns.js';
import { FindingsSpool } from '../output/findings-spool.js';
import { fileTarget, stdoutTarget, type OutputTarget } from '../output/output-target.js';
import { writeAsff } from '../output/write-asff.js';
import { writeCsv } from '../output/write-csv.js';
import { writeJunit } from '../output/write-junit.js';
import { writeOcsf } from '../output/write-ocsf.js';
import { writeSarif } from '../output/write-sarif.js';
import { writeJson, writeJsonLines } from '../output/write-json.js';
import { writeTable } from '../output/write-table.js';
import { noColours } from '../output/colour.js';
import { terminalOf } from '../output/terminal.js';
import { WorstFindings } from '../output/worst-findings.js';
import type { Finding } from '../findings/finding.js';
import type { PreparedScan } from './prepare-scan.js';
import type { RecordingOutcome, ScanRecording } from './scan-recording.js';
import type { Writable } from 'node:stream';

import type { OutputFormat } from '../output/output-format.js';
export { outputFormats, type OutputFormat } from '../output/output-format.js';

export interface OutputRequest {
  readonly format: OutputFormat;
  /** A file, or undefined for stdout. */
  readonly file: string | undefined;
  /** Also passing and not-applicable findings, as evidence (whatever the run's `includeAll`). */
  readonly passing?: boolean;
}

export type RunOutcome =
  | {
      ok: true;
      result: ScanResult;
      /** The most severe failing finding of the worst insights, with their fixes. */
      worst: readonly Finding[];
      /** What the store recorded, when a store is used. */
      recorded?: RecordingOutcome['recorded'];
      /** The store could not record the scan (the output was written without lifecycle). */
      recordError?: unknown;
      /** Exemption patterns that matched no failing finding of an insight the scan ran. */
      warnings: readonly Problem[];
    }
  | { ok: false; problems: readonly Problem[] };

/** The scan's listed findings (fail, error, exempt) with these ids, read back from its spool. */
export type FindingsOf = (ids: ReadonlySet<string>) => AsyncIterable<Finding>;

export interface RunOptions {
  readonly includeAll: boolean;
  readonly outputs: readonly OutputRequest[];
  readonly stdout: Writable;
  readonly now: () => Date;
  readonly recording?: ScanRecording;
  /** Who is told about a resource: each finding carries it as `owner` (notifications configured). */
  readonly ownerOf?: ScanOptions['ownerOf'];
  /** Once the scan is recorded and its output written, while its findings can still be read (the owners' notifications). */
  readonly afterRecorded?: (recorded: RecordingOutcome, findingsOf: FindingsOf) => Promise<void>;
}

export async function runScan(prepared: PreparedScan, snapshotFile: string, options: RunOptions): Promise<RunOutcome> {
  // Outputs with passing findings read every finding; the others only what the run asks for.
  const everything = options.includeAll || options.outputs.some((output) => output.passing === true);
  const spool = new FindingsSpool();
  const withPassing = everything && !options.includeAll ? new FindingsSpool() : spool;
  const worst = new WorstFindings();
  const { recording } = options;
  try {
    const startedAt = options.now();
    let outcome;
    try {
      outcome = await scanSnapshot({
        file: snapshotFile,
        plan: prepared.plan,
        inventory: prepared.inventory,
        exemptions: prepared.exemptionIndex,
        accounts: prepared.accounts,
        includeAll: everything,
        onFinding: (finding) => {
          // Both spools write the same line for a finding; the store observes it once.
          let line = withPassing !== spool ? withPassing.add(finding) : undefined;
          if (withPassing === spool || (finding.status !== 'pass' && finding.status !== 'not-applicable')) line = spool.add(finding);
          recording?.observe(finding, line!);
          worst.add(finding);
        },
        clock: options.now,
        ...(options.ownerOf !== undefined && { ownerOf: options.ownerOf }),
      });
    } catch (error) {
      await recording?.crashed(error, startedAt).catch(() => {});
      throw error;
    }
    if (!outcome.ok) return outcome;
    spool.close();
    withPassing.close();
    let recorded: RecordingOutcome | undefined;
    let recordError: unknown;
    if (recording !== undefined) {
      try {
        recorded = await recording.record(outcome.result);
      } catch (error) {
        recordError = error;
      }
    }
    const scan = recorded?.scan ?? outcome.result.scan;
    // Only JSON shows the lifecycle; reading it is skipped when nothing shows it.
    const annotate =
      recorded !== undefined && options.outputs.some((o) => o.format === 'json' || o.format === 'jsonl') ? await recorded.annotator() : undefined;
    for (const output of options.outputs) {
      const target: OutputTarget = output.file === undefined ? stdoutTarget(options.stdout) : await fileTarget(output.file);
      try {
        const passing = options.includeAll || output.passing === true;
        const findings = passing ? withPassing : spool;
        const summary = { ...outcome.result.summary, includesPassing: passing };
        if (output.format === 'json') await writeJson(target, scan, summary, findings, annotate);
        else if (output.format === 'jsonl') await writeJsonLines(target, findings, annotate);
        else if (output.format === 'csv') await writeCsv(target, findings);
        else if (output.format === 'sarif') await writeSarif(target, findings);
        else if (output.format === 'asff') await writeAsff(target, scan, findings);
        else if (output.format === 'ocsf') await writeOcsf(target, scan, findings);
        else if (output.format === 'junit') await writeJunit(target, scan, findings);
        else await writeTable(target, scan, summary, findings, worst.list(), output.file === undefined ? terminalOf(options.stdout) : { colours: noColours });
        await target.close();
      } catch (error) {
        await target.abort();
        throw error;
      }
    }
    if (recorded !== undefined && options.afterRecorded !== undefined) await options.afterRecorded(recorded, (ids) => findingsIn(spool, ids));
    return {
      ok: true,
      result: { ...outcome.result, scan, summary: { ...outcome.result.summary, includesPassing: options.includeAll } },
      warnings: unmatchedPatternWarnings(prepared.exemptionIndex, new Set(scan.insights)),
      worst: worst.list(),
      ...(recorded !== undefined && { recorded: recorded.recorded }),
      ...(recordError !== undefined && { recordError }),
    };
  } finally {
    spool.dispose();
    withPassing.dispose();
  }
}

async function* findingsIn(spool: FindingsSpool, ids: ReadonlySet<string>): AsyncGenerator<Finding> {
  for await (const line of spool.lines()) {
    // The id is a finding line's first field: most lines are skipped without parsing.
    const id = line.startsWith('{"id":"') ? line.slice(7, 39) : (JSON.parse(line) as Finding).id;
    if (ids.has(id)) yield JSON.parse(line) as Finding;
  }
}
