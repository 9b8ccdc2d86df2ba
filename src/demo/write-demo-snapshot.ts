/** Writes the demo organisation as it was at one of its moments (timeline.ts) as a snapshot file. */
import { packageVersion } from '../package-root.js';
import { writeSnapshot } from '../snapshot/snapshot-writer.js';
import { CoverageCollector } from './coverage.js';
import { demoOrganisation } from './organisation.js';
import type { DemoMoment } from './timeline.js';

export async function writeDemoSnapshot(moment: DemoMoment, file: string): Promise<ReturnType<typeof demoOrganisation>> {
  const org = demoOrganisation({ moment: moment.id });
  const coverage = new CoverageCollector();
  const resources = [...org.resources()];
  for (const resource of resources) coverage.record(resource);
  await writeSnapshot(
    file,
    {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: org.collectedAt,
      collector: { tool: 'vigil', version: packageVersion(), source: 'synthetic', description: 'the bundled demo organisation (Ledgerline)' },
      // The collection covered the allowed regions and the one a stray resource lives in.
      accounts: org.accounts.map((account) => ({ id: account.id, name: account.name, regions: [...org.allowedRegions, org.strayRegion], scanned: true })),
      coverage: coverage.list(),
    },
    resources,
  );
  return org;
}
