/** Runs a prepared scan over a snapshot file and writes the requested output. */
import { scanSnapshot, type ScanResult } from '../engine/scan.js';
import type { Problem } from '../input/problem.js';
import { FindingsSpool } from '../output/findings-spool.js';
import { fileTarget, stdoutTarget, type OutputTarget } from '../output/output-target.js';
import { writeCsv } from '../output/write-csv.js';
import { writeJson, writeJsonLines } from '../output/write-json.js';
import { writeTable } from '../output/write-table.js';
import type { PreparedScan } from './prepare-scan.js';
import type { RecordingOutcome, ScanRecording } from './scan-recording.js';
import type { Writable } from 'node:stream';

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv';
export const outputFormats: readonly OutputFormat[] = ['table', 'json', 'jsonl', 'csv'];

export interface OutputRequest {
  readonly format: OutputFormat;
  /** A file, or undefined for stdout. */
  readonly file: string | undefined;
}

export type RunOutcome =
  | {
      ok: true;
      result: ScanResult;
      /** What the store recorded, when a store is used. */
      recorded?: RecordingOutcome['recorded'];
      /** The store could not record the scan (the output was written without lifecycle). */
      recordError?: unknown;
    }
  | { ok: false; problems: readonly Problem[] };

export async function runScan(
  prepared: PreparedScan,
  snapshotFile: string,
  options: { includeAll: boolean; outputs: readonly OutputRequest[]; stdout: Writable; now: () => Date; recording?: ScanRecording },
): Promise<RunOutcome> {
  const spool = new FindingsSpool();
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
        includeAll: options.includeAll,
        onFinding:
          recording === undefined
            ? (finding) => {
                spool.add(finding);
              }
            : (finding) => recording.observe(finding, spool.add(finding)),
        clock: options.now,
      });
    } catch (error) {
      await recording?.crashed(error, startedAt).catch(() => {});
      throw error;
    }
    if (!outcome.ok) return outcome;
    spool.close();
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
        const { summary } = outcome.result;
        if (output.format === 'json') await writeJson(target, scan, summary, spool, annotate);
        else if (output.format === 'jsonl') await writeJsonLines(target, spool, annotate);
        else if (output.format === 'csv') await writeCsv(target, spool);
        else await writeTable(target, scan, summary, spool);
        await target.close();
      } catch (error) {
        await target.abort();
        throw error;
      }
    }
    return {
      ok: true,
      result: { ...outcome.result, scan },
      ...(recorded !== undefined && { recorded: recorded.recorded }),
      ...(recordError !== undefined && { recordError }),
    };
  } finally {
    spool.dispose();
  }
}
