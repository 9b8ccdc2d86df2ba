/**
 * The store: one handle over either engine, opened (and migrated) on request. Everything the store
 * knows how to do is a function of this handle in its own module (record-scan, finding-history,
 * scan-diff, audit-log, outbox ...), written once with Kysely for both engines.
 */
import type { Kysely, Transaction } from 'kysely';
import { bulkWriter, type BulkWriter } from './bulk-write.js';
import { connect, type StoreTarget } from './connect.js';
import type { Database, Engine } from './database.js';
import { migrateStore } from './migrate.js';

export interface Store {
  readonly engine: Engine;
  /** Where it is, for messages. */
  readonly description: string;
  readonly db: Kysely<Database>;
  /**
   * Runs `work` in one transaction. SQLite: the database's write lock from the start. PostgreSQL:
   * READ COMMITTED — writers of the same data first take its named locks (locks.ts), after which
   * every statement sees what the writers before them committed; REPEATABLE READ would keep the
   * snapshot taken before the lock was granted and miss exactly those writes.
   */
  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Many rows at once, the engine's fast way. */
  readonly bulk: BulkWriter;
  close(): Promise<void>;
}

export type StoreProblem = {
  /** `input`: the store cannot be used as given (exit 2); `unavailable`: it could not be reached (exit 3). */
  readonly kind: 'input' | 'unavailable';
  readonly message: string;
};

export type OpenedStore = { ok: true; store: Store; applied: readonly string[] } | { ok: false; problem: StoreProblem };

export async function openStore(target: StoreTarget): Promise<OpenedStore> {
  let connection;
  try {
    connection = connect(target);
  } catch (error) {
    return {
      ok: false,
      problem: { kind: 'input', message: `store ${target.engine === 'sqlite' ? target.path : 'postgres'}: cannot open: ${messageOf(error)}` },
    };
  }
  const { db, engine, description, release, sqlite } = connection;
  try {
    const migrated = await migrateStore(db, engine);
    if (!migrated.ok) {
      await release();
      return { ok: false, problem: { kind: migrated.newer ? 'input' : 'unavailable', message: `store ${description}: ${migrated.message}` } };
    }
    const store: Store = {
      engine,
      description,
      db,
      transaction: (work) => (engine === 'postgres' ? db.transaction().setIsolationLevel('read committed').execute(work) : db.transaction().execute(work)),
      bulk: bulkWriter(engine, sqlite),
      close: release,
    };
    return { ok: true, store, applied: migrated.applied };
  } catch (error) {
    await release().catch(() => {});
    return { ok: false, problem: { kind: 'unavailable', message: `store ${description}: ${messageOf(error)}` } };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}
