/**
 * Scans the bundled demo organisation: generates its snapshot into a folder and evaluates it with
 * every shipped pack, the demo configuration and exemptions. `vigil demo` and the tests share it.
 */
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { CoverageCollector } from '../demo/coverage.js';
import { demoOrganisation } from '../demo/organisation.js';
import type { Problem } from '../input/problem.js';
import { packageRoot, packageVersion } from '../package-root.js';
import { writeSnapshot } from '../snapshot/snapshot-writer.js';
import { prepareScan, type PreparedScan } from './prepare-scan.js';
import { runScan, type OutputRequest } from './run-scan.js';
import type { ScanResult } from '../engine/scan.js';

export function demoConfigFile(): string {
  return join(packageRoot(), 'demo', 'vigil.yaml');
}

export interface DemoScan {
  readonly prepared: PreparedScan;
  readonly result: ScanResult;
  readonly snapshot: string;
  /** The demo's clock: the collection time of its inventory. */
  readonly now: Date;
  readonly organisation: ReturnType<typeof demoOrganisation>;
}

export type DemoScanOutcome = { ok: true; value: DemoScan } | { ok: false; problems: readonly Problem[]; usage?: readonly string[]; input: boolean };

export async function demoScan(options: {
  readonly outDir: string;
  readonly includeAll: boolean;
  readonly outputs: readonly OutputRequest[];
  readonly stdout: Writable;
}): Promise<DemoScanOutcome> {
  const org = demoOrganisation();
  // The demo's clock is the collection time of its inventory, so the results never drift with the calendar.
  const now = new Date(org.collectedAt);
  const prepared = await prepareScan({ configFile: demoConfigFile(), now });
  if (!prepared.ok) return { ok: false, problems: prepared.problems, usage: prepared.usage, input: true };

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

  const outcome = await runScan(prepared.value, snapshot, { includeAll: options.includeAll, outputs: options.outputs, stdout: options.stdout, now: () => now });
  if (!outcome.ok) return { ok: false, problems: outcome.problems, input: false };
  return { ok: true, value: { prepared: prepared.value, result: outcome.result, snapshot, now, organisation: org } };
}
