/**
 * `vigil demo`: generates the bundled demo organisation's snapshot, scans it with every shipped
 * pack, the demo configuration and exemptions, writes `findings.json`, `findings.csv` and the
 * auditor's `evidence.jsonl.gz` (every evaluation, passing ones too), and prints the summary. No AWS account is involved.
 */
import type { DemoOptions } from '../options/demo.js';
import { join, relative } from 'node:path';
import { prepareScan } from '../../app/prepare-scan.js';
import { runScan } from '../../app/run-scan.js';
import { CoverageCollector } from '../../demo/coverage.js';
import { demoOrganisation } from '../../demo/organisation.js';
import { writeSnapshot } from '../../snapshot/snapshot-writer.js';
import { packageRoot, packageVersion } from '../../package-root.js';
import { textSummary } from '../../output/text-summary.js';
import { fixesText } from '../../output/worst-findings.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';

export function demoConfigFile(): string {
  return join(packageRoot(), 'demo', 'vigil.yaml');
}

export async function demoCommand(options: DemoOptions, io: CliIo): Promise<ExitCode> {
  const org = demoOrganisation();
  // The demo's clock is the collection time of its inventory, so the results never drift with the calendar.
  const now = new Date(org.collectedAt);
  const prepared = await prepareScan({ configFile: demoConfigFile(), now });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }

  const snapshot = join(options.outDir, 'demo-snapshot.jsonl.gz');
  const coverage = new CoverageCollector();
  const resources = [...org.resources()];
  for (const resource of resources) coverage.record(resource);
  await writeSnapshot(
    snapshot,
    {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: org.collectedAt,
      collector: { tool: 'vigil', version: packageVersion(), source: 'synthetic', description: 'the bundled demo organisation (Ledgerline)' },
      accounts: org.accounts.map((account) => ({ id: account.id, name: account.name, regions: org.allowedRegions, scanned: true })),
      coverage: coverage.list(),
    },
    resources,
  );

  const findingsJson = join(options.outDir, 'findings.json');
  const findingsCsv = join(options.outDir, 'findings.csv');
  // For an auditor: every evaluation, passing ones too, one JSON line each.
  const evidence = join(options.outDir, 'evidence.jsonl.gz');
  const outcome = await runScan(prepared.value, snapshot, {
    includeAll: false,
    outputs: [
      { format: 'json', file: findingsJson },
      { format: 'csv', file: findingsCsv },
      { format: 'jsonl', file: evidence, passing: true },
    ],
    stdout: io.stdout,
    now: () => now,
  });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems);
    return ExitCode.failed;
  }
  const { scan, summary } = outcome.result;
  io.stdout.write(`Vigil demo — Ledgerline, a SaaS provider hosting two banks (inventory of ${org.collectedAt})\n\n`);
  io.stdout.write(textSummary(scan, summary));
  io.stdout.write(fixesText(outcome.worst));
  const shown = (file: string) => relative(process.cwd(), file) || file;
  io.stdout.write(
    `\nWrote ${shown(snapshot)}, ${shown(findingsJson)}, ${shown(findingsCsv)} and ${shown(evidence)} (every evaluation, passing ones too, as evidence).\n`,
  );
  return exitCodeFor(summary, options.failOn);
}
