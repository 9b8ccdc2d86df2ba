/** Writes small snapshot files for tests. */
import { join } from 'node:path';
import type { AnyCollectedResource, AnyResource, CollectedResource, Resource } from '../../src/model/resource.js';
import { writeSnapshot } from '../../src/snapshot/snapshot-writer.js';
import type { CoverageEntry } from '../../src/snapshot/coverage.js';

export async function snapshotOf(
  dir: string,
  resources: readonly (Resource | AnyResource | CollectedResource | AnyCollectedResource)[],
  options: { name?: string; coverage?: CoverageEntry[] } = {},
): Promise<string> {
  const file = join(dir, options.name ?? 'snapshot.jsonl');
  const accounts = [...new Set(resources.map((r) => r.accountId))].map((id) => ({ id, regions: ['eu-west-1'] }));
  await writeSnapshot(
    file,
    {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: '2026-06-01T00:00:00.000Z',
      collector: { tool: 'test', version: '0', source: 'synthetic' },
      accounts,
      coverage: options.coverage ?? [],
    },
    resources as AnyCollectedResource[],
  );
  return file;
}
