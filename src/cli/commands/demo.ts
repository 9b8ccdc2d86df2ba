/**
 * `vigil demo`: generates the bundled demo organisation's snapshot, scans it with every shipped
 * pack, the demo configuration and exemptions, writes `findings.json` and `findings.csv`, and
 * prints the summary. No AWS account is involved.
 */
import { join, relative } from 'node:path';
import { demoScan } from '../../app/demo-scan.js';
import type { Severity } from '../../model/severity.js';
import { textSummary } from '../../output/text-summary.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { exitCodeFor } from './scan.js';

export { demoConfigFile } from '../../app/demo-scan.js';

export interface DemoOptions {
  outDir: string;
  failOn?: Severity;
}

export async function demoCommand(options: DemoOptions, io: CliIo): Promise<ExitCode> {
  const findingsJson = join(options.outDir, 'findings.json');
  const findingsCsv = join(options.outDir, 'findings.csv');
  const outcome = await demoScan({
    outDir: options.outDir,
    includeAll: false,
    outputs: [
      { format: 'json', file: findingsJson },
      { format: 'csv', file: findingsCsv },
    ],
    stdout: io.stdout,
  });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems, outcome.usage);
    return outcome.input ? ExitCode.input : ExitCode.failed;
  }
  const { result, snapshot, organisation } = outcome.value;
  const { scan, summary } = result;
  io.stdout.write(`Vigil demo — Ledgerline, a SaaS provider hosting two banks (inventory of ${organisation.collectedAt})\n\n`);
  io.stdout.write(textSummary(scan, summary));
  const shown = (file: string) => relative(process.cwd(), file) || file;
  io.stdout.write(`\nWrote ${shown(snapshot)}, ${shown(findingsJson)} and ${shown(findingsCsv)}.\n`);
  return exitCodeFor(summary, options.failOn);
}
