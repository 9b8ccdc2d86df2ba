import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/store/connect.js';
import { storeMigrations } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/store.js';
import { describeEachEngine } from './support/engines.js';

const ALL = Object.keys(storeMigrations('sqlite')).sort();

describeEachEngine('store migrations', (engine) => {
  it('are applied on start, once', async () => {
    const target = await engine.target();
    const first = await openStore(target);
    if (!first.ok) throw new Error(first.problem.message);
    expect(first.applied).toEqual(ALL);
    const names = await first.store.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect((names as { name: string }[]).map((row) => row.name).sort()).toEqual(ALL);
    for (const table of [
      'scans',
      'findings',
      'transitions',
      'daily_rollups',
      'audit_records',
      'plans',
      'scheduled_ops',
      'outbox',
      'exemption_events',
    ] as const) {
      expect(await first.store.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
    await first.store.close();
    const again = await openStore(target);
    if (!again.ok) throw new Error(again.problem.message);
    expect(again.applied).toEqual([]);
    await again.store.close();
  });

  it('bring an older store up to date', async () => {
    const target = await engine.target();
    const connection = connect(target);
    const [oldest] = ALL;
    const migrations = storeMigrations(connection.engine);
    const schema = target.engine === 'postgres' ? new URL(target.url).searchParams.get('options')!.split('=')[1]! : undefined;
    const migrator = new Migrator({
      db: connection.db,
      provider: { getMigrations: async () => ({ [oldest!]: migrations[oldest!]! }) },
      ...(schema !== undefined && { migrationTableSchema: schema }),
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await connection.release();
    const opened = await openStore(target);
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.applied).toEqual(ALL.slice(1));
    await opened.store.close();
  });

  it('refuse a store whose schema is newer than the code', async () => {
    const target = await engine.target();
    const store = await engine.open(target);
    await store.db
      .insertInto('kysely_migration' as never)
      .values({ name: '9999-from-the-future', timestamp: new Date().toISOString() })
      .execute();
    const opened = await openStore(target);
    expect(opened).toEqual({
      ok: false,
      problem: {
        kind: 'input',
        message: expect.stringMatching(
          /schema is newer than this Vigil \(it has 9999-from-the-future; this version knows up to 0005-audit-run-columns\): upgrade Vigil/,
        ),
      },
    });
  });
});

describe('opening a store that cannot be used', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a SQLite path that is not a database is an input problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-store-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'file'), 'not a folder');
    expect(await openStore({ engine: 'sqlite', path: join(dir, 'file', 'vigil.db') })).toMatchObject({ ok: false, problem: { kind: 'input' } });
    writeFileSync(join(dir, 'text.db'), 'this is not a SQLite database, just text long enough to have a header page.'.repeat(20));
    expect(await openStore({ engine: 'sqlite', path: join(dir, 'text.db') })).toMatchObject({
      ok: false,
      problem: { kind: 'input', message: expect.stringMatching(/not a database/) },
    });
  });

  it('a PostgreSQL server that does not answer is unavailable', async () => {
    const opened = await openStore({ engine: 'postgres', url: 'postgres://vigil:secret@127.0.0.1:1/vigil' });
    expect(opened).toMatchObject({
      ok: false,
      problem: { kind: 'unavailable', message: expect.stringMatching(/^store postgres:\/\/vigil:\*\*\*@127\.0\.0\.1:1\/vigil: .*ECONNREFUSED/) },
    });
  });
});
