import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { appendAudit, type AuditEntry } from '../../src/store/audit-log.js';
import { openStore } from '../../src/store/store.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();

const entry = (n: number, actor: string): AuditEntry => ({
  at: `2026-12-0${n}T10:00:00.000Z`,
  actor,
  action: 's3-block-public-access',
  resourceArn: `arn:aws:s3:::bucket-${n}`,
  mode: 'enforce',
  runId: `run-${n}`,
  planHash: String(n).repeat(64),
  accountId: '111111111111',
  region: 'us-east-1',
  detail: { result: 'succeeded', summary: `block bucket-${n}` },
});

async function storeWith(dir: string, records: number): Promise<string> {
  const path = join(dir, 'vigil.db');
  const opened = await openStore({ engine: 'sqlite', path });
  if (!opened.ok) throw new Error(opened.problem.message);
  for (let n = 1; n <= records; n++) await appendAudit(opened.store, entry(n, n % 2 === 0 ? 'kms-key-rotation' : 'public-bucket-fix'));
  await opened.store.close();
  return `sqlite:${path}`;
}

async function tamper(spec: string, sql: (db: Kysely<Database>) => Promise<unknown>) {
  const opened = await openStore({ engine: 'sqlite', path: spec.slice('sqlite:'.length) });
  if (!opened.ok) throw new Error(opened.problem.message);
  await sql(opened.store.db);
  await opened.store.close();
}

describe('vigil audit', () => {
  it('verify: intact, then names the first edited record (exit 1)', async () => {
    const store = await storeWith(tempDir(), 4);
    const intact = await vigil(['audit', 'verify', '--store', store, '--format', 'json']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, records: 4, head: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await tamper(store, (db) => db.updateTable('audit_records').set({ run_id: 'someone-else' }).where('seq', '=', 2).execute());
    const broken = await vigil(['audit', 'verify', '--store', store, '--format', 'table']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit trail BROKEN');
    expect(broken.stdout).toContain('record 2 its content does not match its hash (it was changed); 1 records before it are intact');
  });

  it('show: filters by bot and since, newest first', async () => {
    const store = await storeWith(tempDir(), 4);
    const shown = await vigil(['audit', 'show', '--store', store, '--bot', 'public-bucket-fix', '--format', 'json'], '2026-12-05T00:00:00Z');
    expect(shown.code).toBe(0);
    expect((JSON.parse(shown.stdout) as { seq: number; runId: string }[]).map((r) => [r.seq, r.runId])).toEqual([
      [3, 'run-3'],
      [1, 'run-1'],
    ]);
    const recent = await vigil(['audit', 'show', '--store', store, '--since', '2d', '--format', 'table'], '2026-12-05T00:00:00Z');
    expect(
      recent.stdout
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s+/)[0]),
    ).toEqual(['4', '3']);
    expect(recent.stdout).toContain('succeeded  arn:aws:s3:::bucket-4  block bucket-4');
    const bad = await vigil(['audit', 'show', '--store', store, '--since', 'yesterday']);
    expect(bad.code).toBe(2);
  });

  it('export writes a copy that verify --file checks offline; an edited, removed or reordered line is caught', async () => {
    const dir = tempDir();
    const store = await storeWith(dir, 3);
    const file = join(dir, 'audit.jsonl');
    const exported = await vigil(['audit', 'export', file, '--store', store], '2026-12-07T00:00:00Z');
    expect(exported.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'vigil-audit', version: 1, records: 3, exportedAt: '2026-12-07T00:00:00.000Z' });
    expect(JSON.parse(lines[2]!)).toMatchObject({ seq: 2, actor: 'kms-key-rotation', runId: 'run-2' });

    const offline = await vigil(['audit', 'verify', '--file', file, '--format', 'json']);
    expect(offline.code).toBe(0);
    const storeHead = JSON.parse((await vigil(['audit', 'verify', '--store', store, '--format', 'json'])).stdout) as { head: string };
    expect(JSON.parse(offline.stdout)).toMatchObject({ ok: true, records: 3, head: storeHead.head });

    const check = async (edited: string[]) => {
      writeFileSync(file, `${edited.join('\n')}\n`);
      return vigil(['audit', 'verify', '--file', file, '--format', 'table']);
    };
    const changed = await check([lines[0]!, lines[1]!, lines[2]!.replace('"succeeded"', '"failed"'), lines[3]!]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('record 2 (line 3) its content does not match its hash');
    const removed = await check([lines[0]!, lines[1]!, lines[3]!]);
    expect(removed.stdout).toContain('record 3 (line 3) does not chain to the record before it');
    const reordered = await check([lines[0]!, lines[2]!, lines[1]!, lines[3]!]);
    expect(reordered.stdout).toContain('record 2 (line 2) does not chain');
    const cut = await check([lines[0]!, lines[1]!, lines[2]!]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('the chain ends before its recorded head');
    const garbled = await check([lines[0]!, '{"seq": "one"}']);
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toContain('audit.jsonl:2: not an audit record');
  });
});
