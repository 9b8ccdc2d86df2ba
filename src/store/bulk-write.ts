/**
 * Writing many rows at once, the fast way each engine offers, with SQL that Kysely builds and
 * values that are always bound, never spliced into the text:
 *  - SQLite: Kysely compiles the one-row statement, which is prepared once and run per row inside
 *    the transaction (better-sqlite3 runs a prepared statement in microseconds; a many-row VALUES
 *    list would be parsed again for every batch);
 *  - PostgreSQL: one statement per 10,000 rows, each column passed as one array parameter and
 *    turned back into rows by `unnest`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Insertable, type InsertQueryBuilder, type InsertResult, type Transaction } from 'kysely';
import type { Database, Engine } from './database.js';

type Table = keyof Database;

/** What an insert does with a row whose key exists: nothing, or update these columns from the new row. */
export type OnConflict<T extends Table> = {
  readonly columns: readonly (keyof Database[T] & string)[];
  readonly update: readonly (keyof Database[T] & string)[] | 'nothing';
};

export interface BulkWriter {
  insert<T extends Table>(trx: Transaction<Database>, table: T, rows: readonly Insertable<Database[T]>[], conflict?: OnConflict<T>): Promise<void>;
}

/** Integer columns (every other column is text), for PostgreSQL's typed arrays. */
const INTEGER_COLUMNS = new Set(['last_seen_seq', 'scan_seq', 'pass', 'fail', 'error', 'exempt', 'not_applicable', 'seq', 'findings', 'rows']);

const POSTGRES_ROWS = 10_000;

export function bulkWriter(engine: Engine, sqlite: BetterSqlite3.Database | undefined): BulkWriter {
  return engine === 'sqlite' ? sqliteWriter(sqlite!) : postgresWriter();
}

function sqliteWriter(database: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    async insert(trx, table, rows, conflict) {
      const [first] = rows;
      if (first === undefined) return;
      const columns = Object.keys(first) as (keyof typeof first & string)[];
      // The statement for one row, compiled by Kysely: its parameters are the row's values, in column order.
      const compiled = withConflict(trx.insertInto(table).values(first as never), conflict).compile();
      let statement = statements.get(compiled.sql);
      if (statement === undefined) {
        statement = database.prepare(compiled.sql);
        statements.set(compiled.sql, statement);
      }
      if (compiled.parameters.length !== columns.length)
        throw new Error(`bulk insert into ${table}: ${compiled.parameters.length} parameters for ${columns.length} columns`);
      for (const row of rows) statement.run(columns.map((column) => (row as Record<string, unknown>)[column] ?? null));
    },
  };
}

function postgresWriter(): BulkWriter {
  return {
    async insert(trx, table, rows, conflict) {
      const [first] = rows;
      if (first === undefined) return;
      const columns = Object.keys(first);
      for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
        const batch = rows.slice(start, start + POSTGRES_ROWS) as readonly Record<string, unknown>[];
        const arrays = columns.map((column) => sql`${batch.map((row) => row[column] ?? null)}::${sql.raw(INTEGER_COLUMNS.has(column) ? 'integer' : 'text')}[]`);
        const query = trx
          .insertInto(table)
          .columns(columns as never)
          .expression(sql`select * from unnest(${sql.join(arrays)})` as never);
        await withConflict(query, conflict).execute();
      }
    },
  };
}

// The table is a parameter of the callers; the conflict clause only names its columns.
type AnyInsert = InsertQueryBuilder<any, any, InsertResult>;

function withConflict(
  query: AnyInsert,
  conflict: { readonly columns: readonly string[]; readonly update: readonly string[] | 'nothing' } | undefined,
): AnyInsert {
  if (conflict === undefined) return query;
  return query.onConflict((oc) => {
    const target = oc.columns(conflict.columns as never);
    if (conflict.update === 'nothing') return target.doNothing();
    return target.doUpdateSet(Object.fromEntries(conflict.update.map((column) => [column, sql.ref(`excluded.${column}`)])) as never);
  });
}
