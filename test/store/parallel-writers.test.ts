import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeTranspiled, transpiled } from '../support/transpile.js';
import type { StoreTarget } from '../../src/store/connect.js';
import { describeEachEngine } from './support/engines.js';
import { BUCKETS, INSIGHT, MOMENTS, WORLD_ACCOUNTS, bucket, failing } from './support/ground-truth.js';
import type { WriterPlan } from './support/parallel-writer.js';
import { idOf } from './support/scans.js';

let writer: string;
beforeAll(() => {
  writer = transpiled(fileURLToPath(new URL('./support/parallel-writer.ts', import.meta.url)));
});
afterAll(removeTranspiled);

function runWriter(plan: WriterPlan): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Four writers scan one account each, moment after moment; two central scanners scan all four
 * accounts, one oldest first, the other newest first (so its scans arrive late). All six are
 * processes of their own, started together against one store, which none of them has migrated yet.
 */
function plans(target: StoreTarget): WriterPlan[] {
  const scan = (at: string, accounts: readonly string[]) => ({ id: randomUUID(), at, accounts });
  return [
    ...WORLD_ACCOUNTS.map((account) => ({ target, scans: MOMENTS.map((at) => scan(at, [account])) })),
    { target, scans: MOMENTS.filter((_, i) => i % 2 === 1).map((at) => scan(at, WORLD_ACCOUNTS)) },
    {
      target,
      scans: MOMENTS.filter((_, i) => i % 2 === 0)
        .reverse()
        .map((at) => scan(at, WORLD_ACCOUNTS)),
    },
  ];
}

describeEachEngine('many writers, one history', (engine) => {
  it('parallel writer processes scanning the same and different accounts lose, duplicate and wrongly resolve nothing', async () => {
    const target = await engine.target();
    const writers = plans(target);
    const results = await Promise.all(writers.map(runWriter));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const late = results.flatMap((r) => JSON.parse(r.stdout) as { late: number }[]).reduce((sum, r) => sum + r.late, 0);
    expect(late, 'the newest-first scanner was overtaken').toBeGreaterThan(0);

    const store = await engine.open(target);
    const scans = await store.db.selectFrom('scans').select(['id', 'seq']).execute();
    expect(scans.length).toBe(writers.reduce((sum, w) => sum + w.scans.length, 0));
    expect(new Set(scans.map((s) => Number(s.seq))).size).toBe(scans.length);

    const rows = new Map((await store.db.selectFrom('findings').select(['id', 'state']).execute()).map((row) => [row.id, row.state]));
    const transitions = await store.db.selectFrom('transitions').select(['finding_id', 'state', 'at', 'scan_id']).orderBy('at').orderBy('id').execute();
    const last = MOMENTS[MOMENTS.length - 1]!;
    let expected = 0;
    for (const account of WORLD_ACCOUNTS) {
      for (let i = 0; i < BUCKETS; i++) {
        const id = idOf(INSIGHT, bucket(account, i));
        const everFailing = MOMENTS.some((at) => failing(account, i, at));
        // nothing lost, nothing invented
        expect(rows.has(id), `${bucket(account, i)} has a finding`).toBe(everFailing);
        if (!everFailing) continue;
        expected++;
        // the latest moment decides, whoever recorded it and whenever
        const open = rows.get(id) === 'open' || rows.get(id) === 'reopened';
        expect(open, `${bucket(account, i)} open after ${last}`).toBe(failing(account, i, last));
        // each transition true at its moment, states alternating, one per scan at most
        const history = transitions.filter((t) => t.finding_id === id);
        expect(history[0]?.state).toBe('open');
        let wasOpen = false;
        const scansSeen = new Set<string>();
        for (const t of history) {
          const opens = t.state === 'open' || t.state === 'reopened';
          expect(opens, `${bucket(account, i)}: ${t.state} at ${t.at} after ${wasOpen ? 'open' : 'resolved'}`).toBe(!wasOpen);
          expect(failing(account, i, t.at), `${bucket(account, i)}: ${t.state} at ${t.at}`).toBe(opens);
          if (t.state === 'reopened') expect(history.indexOf(t)).toBeGreaterThan(0);
          expect(scansSeen.has(t.scan_id!)).toBe(false);
          scansSeen.add(t.scan_id!);
          wasOpen = opens;
        }
      }
    }
    expect(rows.size).toBe(expected);
  }, 120_000);
});
