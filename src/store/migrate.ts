/**
 * Brings the store's schema to this version of Vigil on start (Kysely's migrator: one migration at
 * a time, under its lock, so two processes starting together apply each once) and refuses a
 * schema that a newer Vigil has migrated: this code would misread it.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import type { Engine } from './database.js';
import { storeMigrations } from './migrations/index.js';

const MIGRATION_TABLE = 'kysely_migration';

export type MigrationOutcome = { ok: true; applied: string[]; version: string } | { ok: false; newer: boolean; message: string };

export async function migrateStore(db: Kysely<any>, engine: Engine): Promise<MigrationOutcome> {
  const known = storeMigrations(engine);
  const names = Object.keys(known).sort();
  const latest = names[names.length - 1] ?? '';
  // PostgreSQL: the schema the connection works in (search_path), where the tables are made too.
  const schema = engine === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const unknown = (await executedMigrations(db, schema)).filter((name) => !(name in known));
  if (unknown.length > 0) {
    return {
      ok: false,
      newer: true,
      message: `its schema is newer than this Vigil (it has ${unknown.sort().join(', ')}; this version knows up to ${latest}): upgrade Vigil to use it`,
    };
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => known },
    migrationTableName: MIGRATION_TABLE,
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    return { ok: false, newer: false, message: `migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, applied: (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName), version: latest };
}

async function executedMigrations(db: Kysely<any>, schema: string | undefined): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === MIGRATION_TABLE && (schema === undefined || table.schema === schema))) return [];
  const rows = await (schema === undefined ? db : db.withSchema(schema)).selectFrom(MIGRATION_TABLE).select('name').execute();
  return rows.map((row) => String(row.name));
}
