/**
 * `npm run bench:store [-- --resources N --postgres-url URL]`: records scans of a synthetic
 * organisation (200,000 resources by default, every shipped pack) into the store, on SQLite and —
 * when a URL is given (`--postgres-url`, or VIGIL_BENCH_DATABASE_URL) — on PostgreSQL, in a
 * schema of its own that it drops afterwards:
 *  1. the first scan, every evaluation handed to the recorder (`--all`): record time against the
 *     scan's own evaluation time;
 *  2. an identical scan of the next day's inventory: record time (it writes only what changed);
 *  3. `vigil diff` between the two: time to compute it and print it as JSON (written as the command
 *     writes it, to a sink that counts the bytes);
 *  4. the same two scans with the default output (fail, error, exempt only);
 * and the database's size per million findings. Prints the figures, the last line as one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { stringify } from 'yaml';
import { prepareScan, type PreparedScan } from '../src/app/prepare-scan.js';
import { runScan } from '../src/app/run-scan.js';
import { scanRecording, type ScanRecording } from '../src/app/scan-recording.js';
import { demoOrganisation } from '../src/demo/organisation.js';
import { writeSnapshot } from '../src/snapshot/snapshot-writer.js';
import { packageVersion } from '../src/package-root.js';
import type { StoreTarget } from '../src/store/connect.js';
import { diffScans } from '../src/store/scan-diff.js';
import { writeDiffJson } from '../src/output/diff-json.js';
import { openStore, type Store } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    resources: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '42' },
    'postgres-url': { type: 'string' },
  },
});
const target = Number(values.resources);
if (!Number.isInteger(target) || target < 100) throw new Error('--resources takes a whole number ≥ 100');
const postgresUrl = values['postgres-url'] ?? process.env['VIGIL_BENCH_DATABASE_URL'];
/** Every evaluation handed to the recorder (`--all`), or the default output (fail, error, exempt). */
const MODES = [
  ['allEvaluations', true],
  ['defaultOutput', false],
] as const;

const dir = await mkdtemp(join(tmpdir(), 'vigil-store-bench-'));
try {
  const org = demoOrganisation({ seed: Number(values.seed), targetResources: target });
  const day1 = join(dir, 'day1.jsonl');
  await writeSnapshot(
    day1,
    {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: org.collectedAt,
      collector: { tool: 'vigil-bench', version: packageVersion(), source: 'synthetic' },
      accounts: org.accounts.map((account) => ({ id: account.id, name: account.name, regions: [...org.allowedRegions, org.strayRegion] })),
      coverage: [],
    },
    org.resources(),
  );
  // The next day's inventory, identical.
  const nextDay = new Date(Date.parse(org.collectedAt) + 86_400_000).toISOString();
  const day2 = join(dir, 'day2.jsonl');
  await copyWithCollectedAt(day1, day2, org.collectedAt, nextDay);
  const configFile = join(dir, 'vigil.yaml');
  await writeFile(
    configFile,
    stringify({
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
  console.log(`${target} resources in ${org.accounts.length} accounts`);

  // The scan's own evaluation time, without a store: what recording is measured against.
  const reference: Record<string, number> = {};
  for (const [mode, includeAll] of MODES) {
    const prepared = await prepareScan({ configFile, now: new Date(org.collectedAt) });
    if (!prepared.ok) throw new Error('scan inputs invalid');
    const outcome = await runScan(prepared.value, day1, { includeAll, outputs: [], stdout: process.stdout, now: () => new Date(org.collectedAt) });
    if (!outcome.ok) throw new Error('scan failed');
    reference[mode] = outcome.result.stats.evaluateSeconds;
    console.log(`${mode}: ${outcome.result.scan.evaluations} evaluations in ${round(reference[mode])} s without a store`);
  }

  const figures: Record<string, unknown> = { resources: target, evaluateSeconds: Object.fromEntries(Object.entries(reference).map(([k, v]) => [k, round(v)])) };
  let n = 0;
  figures['sqlite'] = await benchEngine('sqlite', async () => {
    const file = join(dir, `vigil-${++n}.db`);
    const size = (path: string) => {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    };
    return { target: { engine: 'sqlite', path: file }, bytes: async () => size(file) + size(`${file}-wal`), drop: async () => {} };
  });
  if (postgresUrl !== undefined) {
    const admin = new pg.Pool({ connectionString: postgresUrl, max: 1 });
    try {
      figures['postgres'] = await benchEngine('postgres', async () => {
        const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
        await admin.query(`create schema ${schema}`);
        const url = new URL(postgresUrl);
        url.searchParams.set('options', `-c search_path=${schema}`);
        return {
          target: { engine: 'postgres', url: url.toString() },
          bytes: async () => {
            const result = await admin.query<{ bytes: string }>(
              'select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = $2',
              [schema, 'r'],
            );
            return Number(result.rows[0]?.bytes ?? 0);
          },
          drop: async () => {
            await admin.query(`drop schema ${schema} cascade`);
          },
        };
      });
    } finally {
      await admin.end();
    }
  } else console.log('PostgreSQL: skipped (give --postgres-url or VIGIL_BENCH_DATABASE_URL)');
  console.log(JSON.stringify(figures));

  interface BenchStore {
    target: StoreTarget;
    bytes: () => Promise<number>;
    drop: () => Promise<void>;
  }

  async function benchEngine(name: string, fresh: () => Promise<BenchStore>): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const [mode, includeAll] of MODES) {
      const place = await fresh();
      const opened = await openStore(place.target);
      if (!opened.ok) throw new Error(opened.problem.message);
      try {
        result[mode] = await benchMode(name, opened.store, mode, includeAll, place.bytes);
      } finally {
        await opened.store.close();
        await place.drop();
      }
    }
    return result;
  }

  async function benchMode(
    name: string,
    store: Store,
    mode: (typeof MODES)[number][0],
    includeAll: boolean,
    databaseBytes: () => Promise<number>,
  ): Promise<Record<string, unknown>> {
    const scan = async (file: string, day: string) => {
      const now = new Date(day);
      const prepared = await prepareScan({ configFile, now });
      if (!prepared.ok) throw new Error(`scan inputs invalid: ${JSON.stringify(prepared.problems.slice(0, 3))}`);
      const timed = timedRecording(store, prepared.value, now);
      const outcome = await runScan(prepared.value, file, { includeAll, outputs: [], stdout: process.stdout, now: () => now, recording: timed.recording });
      if (!outcome.ok) throw new Error(`scan failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
      if (outcome.recordError !== undefined) throw new Error('recording failed', { cause: outcome.recordError });
      return { id: outcome.result.scan.id, evaluations: outcome.result.scan.evaluations, recorded: outcome.recorded!, seconds: timed.seconds() };
    };
    const evaluateSeconds = reference[mode]!;
    const first = await scan(day1, org.collectedAt);
    const second = await scan(day2, nextDay);
    const t = performance.now();
    const diff = await diffScans(store, { from: first.id, to: second.id });
    if (!diff.ok) throw new Error(diff.message);
    // Printed as `vigil diff --format json` prints it, to a sink that only counts.
    let jsonBytes = 0;
    await writeDiffJson(
      {
        write: async (text) => {
          jsonBytes += Buffer.byteLength(text);
        },
        close: async () => {},
        abort: async () => {},
      },
      diff.diff,
    );
    const { open } = diff.diff;
    const diffSeconds = (performance.now() - t) / 1000;

    const findingRows = Number(
      (
        await store.db
          .selectFrom('findings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (name === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    else await sql`vacuum analyze`.execute(store.db);
    const bytes = await databaseBytes();
    const figures = {
      evaluations: first.evaluations,
      findingsStored: findingRows,
      firstScan: {
        recordSeconds: round(first.seconds),
        ratio: round(first.seconds / evaluateSeconds),
        written: first.recorded.written,
        opened: first.recorded.opened,
      },
      identicalScan: { recordSeconds: round(second.seconds), ratio: round(second.seconds / evaluateSeconds), written: second.recorded.written },
      diff: { seconds: round(diffSeconds), open: open.length, jsonBytes },
      databaseBytes: bytes,
      bytesPerMillionFindings: Math.round((bytes / findingRows) * 1_000_000),
      bytesPerMillionEvaluations: Math.round((bytes / first.evaluations) * 1_000_000),
    };
    console.log(
      `${name} ${mode}: first scan recorded in ${figures.firstScan.recordSeconds} s (${figures.firstScan.ratio}× its evaluation, ${first.recorded.written} findings written); ` +
        `identical scan in ${figures.identicalScan.recordSeconds} s (${figures.identicalScan.ratio}×, ${second.recorded.written} written); diff in ${figures.diff.seconds} s (${open.length} open); ` +
        `database ${(bytes / 1e6).toFixed(1)} MB: ${(figures.bytesPerMillionFindings / 1e9).toFixed(2)} GB per million stored findings`,
    );
    return figures;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** The scan's recording, with the time it took: noting each finding during the scan, and recording it after. */
function timedRecording(store: Store, prepared: PreparedScan, now: Date): { recording: ScanRecording; seconds: () => number } {
  const recording = scanRecording(store, prepared, { source: 'snapshot', keepScansDays: 90, now: () => now });
  let seconds = 0;
  let observing = 0;
  return {
    recording: {
      observe: (finding, line) => {
        const t = performance.now();
        recording.observe(finding, line);
        observing += performance.now() - t;
      },
      crashed: (error, startedAt) => recording.crashed(error, startedAt),
      async record(result) {
        const t = performance.now();
        try {
          return await recording.record(result);
        } finally {
          seconds = (performance.now() - t + observing) / 1000;
        }
      },
    },
    seconds: () => seconds,
  };
}

async function copyWithCollectedAt(from: string, to: string, before: string, after: string): Promise<void> {
  const out = createWriteStream(to);
  let first = true;
  for await (const line of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    const text = first ? line.replace(`"collectedAt":"${before}"`, `"collectedAt":"${after}"`) : line;
    first = false;
    if (!out.write(`${text}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
