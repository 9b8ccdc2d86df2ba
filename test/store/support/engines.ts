/**
 * Runs a store test suite against both engines: SQLite in a temporary file, and PostgreSQL in a
 * fresh schema of the database `VIGIL_TEST_DATABASE_URL` names. Without that variable the
 * PostgreSQL suites are skipped (and say why) — except under CI, where they fail: CI must test
 * both engines (.ci/run starts PostgreSQL and sets the variable).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, it } from 'vitest';
import type { StoreTarget } from '../../../src/store/connect.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { TEST_SCHEMA_PREFIX } from './test-schemas.js';

export const POSTGRES_URL = process.env['VIGIL_TEST_DATABASE_URL'];
export const UNDER_CI = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';

export interface EngineHarness {
  readonly engine: 'sqlite' | 'postgres';
  /** A new, empty store's location (cleaned up after the test). */
  target(): Promise<StoreTarget>;
  /** A new, empty store, opened (and closed after the test). */
  store(): Promise<Store>;
  /** Another handle on the same store (a second process's view). */
  open(target: StoreTarget): Promise<Store>;
}

export function describeEachEngine(title: string, suite: (harness: EngineHarness) => void): void {
  describe(`${title} [sqlite]`, () => suite(harness('sqlite')));
  describeOnPostgres(title, () => suite(harness('postgres')));
}

/**
 * A suite that needs the real PostgreSQL (the stores on it, or what else shares it: the daemons'
 * job queue): run when VIGIL_TEST_DATABASE_URL is set, failing under CI when it is not, else skipped.
 */
export function describeOnPostgres(title: string, suite: () => void): void {
  if (POSTGRES_URL !== undefined && POSTGRES_URL !== '') describe(`${title} [postgres]`, suite);
  else if (UNDER_CI) {
    describe(`${title} [postgres]`, () => {
      it('has a PostgreSQL to run against', () => {
        throw new Error('VIGIL_TEST_DATABASE_URL is not set: under CI the PostgreSQL suites must run too (.ci/run starts it)');
      });
    });
  } else describe.skip(`${title} [postgres] (skipped: VIGIL_TEST_DATABASE_URL is not set, not under CI)`, suite);
}

/** A PostgreSQL store of its own for one test, in a fresh schema (dropped after the run). */
export function postgresHarness(): EngineHarness {
  return harness('postgres');
}

function harness(engine: 'sqlite' | 'postgres'): EngineHarness {
  const stores: Store[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const open = async (target: StoreTarget) => {
    const opened = await openStore(target);
    if (!opened.ok) throw new Error(opened.problem.message);
    stores.push(opened.store);
    return opened.store;
  };
  const target = async (): Promise<StoreTarget> => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-store-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      return { engine: 'sqlite', path: join(dir, 'vigil.db') };
    }
    // Not dropped here: a DROP SCHEMA while another worker's migrator introspects the catalogue
    // fails that worker ("schema … does not exist"); test/global-setup.ts drops them all at the end.
    const schema = await createSchema();
    return { engine: 'postgres', url: urlWithSchema(schema) };
  };
  return { engine, target, open, store: async () => open(await target()) };
}

let admin: pg.Pool | undefined;
afterAll(async () => {
  await admin?.end();
  admin = undefined;
});

function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
  return admin;
}

/** A schema of its own for one test's store. */
export async function createSchema(): Promise<string> {
  const schema = `${TEST_SCHEMA_PREFIX}${randomBytes(6).toString('hex')}`;
  await adminPool().query(`create schema ${schema}`);
  return schema;
}

/** The test database's URL, its connections working in `schema`. */
export function urlWithSchema(schema: string): string {
  const url = new URL(POSTGRES_URL ?? '');
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
