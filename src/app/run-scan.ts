/** Runs a prepared scan over a snapshot file and writes the requested output. */
import { scanSnapshot, type ScanResult } from '../engine/scan.js';
import type { Problem } from '../input/problem.js';
import { FindingsSpool } from '../output/findings-spool.js';
import { fileTarget, stdoutTarget, type OutputTarget } from '../output/output-target.js';
import { writeAsff } from '../output/write-asff.js';
import { writeCsv } from '../output/write-csv.js';
import { writeJunit } from '../output/write-junit.js';
import { writeSarif } from '../output/write-sarif.js';
import { writeJson, writeJsonLines } from '../output/write-json.js';
import { writeTable } from '../output/write-table.js';
import { WorstFindings } from '../output/worst-findings.js';
import type { Finding } from '../findings/finding.js';
import type { PreparedScan } from './prepare-scan.js';
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
    }
  | { ok: false; problems: readonly Problem[] };

export async function runScan(
  prepared: PreparedScan,
  snapshotFile: string,
  options: { includeAll: boolean; outputs: readonly OutputRequest[]; stdout: Writable; now: () => Date },
): Promise<RunOutcome> {
  // Outputs with passing findings read every finding; the others only what the run asks for.
  const everything = options.includeAll || options.outputs.some((output) => output.passing === true);
  const spool = new FindingsSpool();
  const withPassing = everything && !options.includeAll ? new FindingsSpool() : spool;
  const worst = new WorstFindings();
  try {
    const outcome = await scanSnapshot({
      file: snapshotFile,
      plan: prepared.plan,
      inventory: prepared.inventory,
      exemptions: prepared.exemptionIndex,
      accounts: prepared.accounts,
      includeAll: everything,
      onFinding: (finding) => {
        if (withPassing !== spool) withPassing.add(finding);
        if (withPassing === spool || (finding.status !== 'pass' && finding.status !== 'not-applicable')) spool.add(finding);
        worst.add(finding);
      },
      clock: options.now,
    });
    if (!outcome.ok) return outcome;
    spool.close();
    withPassing.close();
    for (const output of options.outputs) {
      const target: OutputTarget = output.file === undefined ? stdoutTarget(options.stdout) : await fileTarget(output.file);
      try {
        const passing = options.includeAll || output.passing === true;
        const findings = passing ? withPassing : spool;
        const { scan } = outcome.result;
        const summary = { ...outcome.result.summary, includesPassing: passing };
        if (output.format === 'json') await writeJson(target, scan, summary, findings);
        else if (output.format === 'jsonl') await writeJsonLines(target, findings);
        else if (output.format === 'csv') await writeCsv(target, findings);
        else if (output.format === 'sarif') await writeSarif(target, findings);
        else if (output.format === 'asff') await writeAsff(target, scan, findings);
        else if (output.format === 'junit') await writeJunit(target, scan, findings);
        else await writeTable(target, scan, summary, findings, worst.list(), output.file === undefined ? terminalWidth(options.stdout) : undefined);
        await target.close();
      } catch (error) {
        await target.abort();
        throw error;
      }
    }
    return { ok: true, result: { ...outcome.result, summary: { ...outcome.result.summary, includesPassing: options.includeAll } }, worst: worst.list() };
  } finally {
    spool.dispose();
    withPassing.dispose();
  }
}

/** The columns of the terminal the stream writes to; undefined when it is no terminal. */
function terminalWidth(stream: Writable): number | undefined {
  const tty = stream as Writable & { isTTY?: boolean; columns?: number };
  return tty.isTTY === true && typeof tty.columns === 'number' && tty.columns > 0 ? tty.columns : undefined;
}
