/**
 * `npm run bench -- --resources N`: generates a synthetic organisation of N resources, writes its
 * snapshot, then measures reading it (parse + validate), scanning it with every shipped pack,
 * and peak memory. Prints the figures, the last line as one JSON object.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { prepareScan } from '../src/app/prepare-scan.js';
import { demoOrganisation } from '../src/demo/organisation.js';
import { scanSnapshot } from '../src/engine/scan.js';
import { readSnapshot } from '../src/snapshot/snapshot-reader.js';
import { writeSnapshot } from '../src/snapshot/snapshot-writer.js';
import { packageVersion } from '../src/package-root.js';

const { values } = parseArgs({
  options: {
    resources: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    gzip: { type: 'boolean', default: false },
  },
});
const target = Number(values.resources);
if (!Number.isInteger(target) || target < 100) throw new Error('--resources takes a whole number ≥ 100');

const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-'));
try {
  const org = demoOrganisation({ seed: Number(values.seed), targetResources: target });
  const snapshot = join(dir, values.gzip ? 'snapshot.jsonl.gz' : 'snapshot.jsonl');
  let t = performance.now();
  const written = await writeSnapshot(
    snapshot,
    {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: org.collectedAt,
      collector: { tool: 'vigil-bench', version: packageVersion(), source: 'synthetic' },
      accounts: org.accounts.map((account) => ({ id: account.id, name: account.name, regions: org.allowedRegions })),
      coverage: [],
    },
    org.resources(),
  );
  const generateSeconds = (performance.now() - t) / 1000;
  console.log(`generated and wrote ${written.resources} resources in ${generateSeconds.toFixed(2)} s`);

  const configFile = join(dir, 'vigil.yaml');
  await writeFile(
    configFile,
    stringify({
      // Configured as a real organisation would be: each tenant account names its bank's key.
      accounts: org.accounts.map((account) => {
        const key = org.tenantKeys[account.id];
        if (key === undefined) return account;
        const params = { requiredKeyArns: [key] };
        return { ...account, params: { 's3-bucket-encryption-cmk': params, 'rds-instance-encryption-cmk': params, 'rds-cluster-encryption-cmk': params } };
      }),
      regions: { allowed: org.allowedRegions },
      requiredTags: org.requiredTags,
    }),
  );

  t = performance.now();
  const parsed = await readSnapshot(snapshot, () => {});
  const parseSeconds = (performance.now() - t) / 1000;
  if (!parsed.ok) throw new Error(`snapshot invalid: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  console.log(`parse (read, JSON.parse, validate): ${parseSeconds.toFixed(2)} s`);

  const now = new Date(org.collectedAt);
  const prepared = await prepareScan({ configFile, now });
  if (!prepared.ok) throw new Error(`scan inputs invalid: ${JSON.stringify(prepared)}`);
  let findings = 0;
  t = performance.now();
  const outcome = await scanSnapshot({
    file: snapshot,
    plan: prepared.value.plan,
    inventory: prepared.value.inventory,
    exemptions: prepared.value.exemptionIndex,
    accounts: prepared.value.accounts,
    includeAll: false,
    onFinding: () => {
      findings++;
    },
    clock: () => now,
  });
  const scanSeconds = (performance.now() - t) / 1000;
  if (!outcome.ok) throw new Error(`scan failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
  const { scan, stats } = outcome.result;
  const evaluateSeconds = stats.evaluateSeconds;
  console.log(
    `scan: ${scanSeconds.toFixed(2)} s total (reading both passes ${stats.readSeconds.toFixed(2)} s, evaluating ${evaluateSeconds.toFixed(2)} s), ` +
      `${scan.evaluations} evaluations, ${findings} findings emitted, ${stats.lookupResources} resources kept for lookups`,
  );
  const figures = {
    resources: scan.resources,
    evaluations: scan.evaluations,
    parseSeconds: round(parseSeconds),
    evaluateSeconds: round(evaluateSeconds),
    evaluationsPerSecond: Math.round(scan.evaluations / evaluateSeconds),
    ratio: round(evaluateSeconds / parseSeconds),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(figures));
} finally {
  await rm(dir, { recursive: true, force: true });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
