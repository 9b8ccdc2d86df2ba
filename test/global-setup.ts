/**
 * Vitest's global setup: after the whole run (and before it, for a run that was killed), drops
 * the PostgreSQL schemas the store suites made. Dropping them one by one during the run would race
 * with other workers' migrators, which read the whole catalogue.
 */
import pg from 'pg';
import { TEST_SCHEMA_PREFIX } from './store/support/test-schemas.js';

async function dropTestSchemas(): Promise<void> {
  const url = process.env['VIGIL_TEST_DATABASE_URL'];
  if (url === undefined || url === '') return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select nspname as name from pg_namespace where starts_with(nspname, $1)', [TEST_SCHEMA_PREFIX]);
    for (const { name } of rows) await client.query(`drop schema if exists ${client.escapeIdentifier(name)} cascade`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestSchemas();
}

export async function teardown(): Promise<void> {
  await dropTestSchemas();
}
