/**
 * Writes the findings document (schemas/findings.json) streaming: the findings array is copied
 * from the spool line by line, so a large scan never becomes one huge string.
 */
import type { ScanInfo, ScanSummary } from '../findings/scan-output.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';

/** Adds fields to a finding's JSON line (its lifecycle from the store). */
export type FindingAnnotator = (line: string) => string;

const asIs: FindingAnnotator = (line) => line;

export async function writeJson(
  target: OutputTarget,
  scan: ScanInfo,
  summary: ScanSummary,
  spool: FindingsSpool,
  annotate: FindingAnnotator = asIs,
): Promise<void> {
  await target.write(`{"schemaVersion":1,"scan":${JSON.stringify(scan)},"findings":[`);
  let first = true;
  for await (const spooled of spool.lines()) {
    const line = annotate(spooled);
    await target.write(first ? `\n${line}` : `,\n${line}`);
    first = false;
  }
  await target.write(`\n],"summary":${JSON.stringify(summary)}}\n`);
}

/** JSON lines: one finding per line, for scans too large for one document. */
export async function writeJsonLines(target: OutputTarget, spool: FindingsSpool, annotate: FindingAnnotator = asIs): Promise<void> {
  for await (const line of spool.lines()) await target.write(`${annotate(line)}\n`);
}
