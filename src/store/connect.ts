/**
 * Opens the store's database: SQLite in a file (WAL, a busy timeout, transactions that take the
 * write lock when they begin) or PostgreSQL through a connection pool. Nothing connects before
 * this is called.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
} from 'kysely';
import pg from 'pg';
import type { Database, Engine } from './database.js';

/** How long a writer waits for another process's write transaction before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 60_000;

export type StoreTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export interface Connection {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Where it is, for messages (a PostgreSQL URL without its password). */
  readonly description: string;
  /** Gives the connection back; the last user of a SQLite file closes it. */
  release(): Promise<void>;
  /** SQLite: the connection itself, for bulk writes with prepared statements (bulk-write.ts). */
  readonly sqlite?: BetterSqlite3.Database;
}

/**
 * One connection per SQLite file in a process, shared by every store opened on it. better-sqlite3
 * waits for a lock synchronously: a second connection of the same process waiting on the first
 * would block the event loop the first one needs to finish, until the busy timeout. One
 * connection serialises the process's transactions instead (Kysely queues them).
 */
const sqliteFiles = new Map<string, { db: Kysely<Database>; database: BetterSqlite3.Database; users: number }>();

/**
 * SQLite's BEGIN is deferred: a transaction that reads and then writes can find another process
 * has written in between and fail at once (SQLITE_BUSY), whatever the busy timeout. BEGIN
 * IMMEDIATE takes the write lock first, so writers queue for it instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite's DDL is transactional: migrations run in one (immediate) transaction, so processes
 * starting together apply each migration once — Kysely's SQLite migration lock is only in-process.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function connect(target: StoreTarget): Connection {
  if (target.engine === 'sqlite') {
    const file = resolve(target.path);
    let shared = sqliteFiles.get(file);
    if (shared === undefined) {
      mkdirSync(dirname(file), { recursive: true });
      const database = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
      try {
        database.pragma('journal_mode = WAL');
        database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
        // With WAL, NORMAL loses no committed transaction on a crash of the process, only on power loss.
        database.pragma('synchronous = NORMAL');
        // A recording's temporary table (its observations) stays in memory.
        database.pragma('temp_store = MEMORY');
      } catch (error) {
        database.close();
        throw error;
      }
      shared = { db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) }), database, users: 0 };
      sqliteFiles.set(file, shared);
    }
    shared.users++;
    const connection = shared;
    let released = false;
    return {
      engine: 'sqlite',
      db: connection.db,
      sqlite: connection.database,
      description: target.path,
      release: async () => {
        if (released) return;
        released = true;
        if (--connection.users > 0) return;
        sqliteFiles.delete(file);
        await connection.db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 4 });
  // A pooled client that errors while idle (the server restarted) is dropped, not a crash of the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { engine: 'postgres', db, description: redactUrl(target.url), release: () => db.destroy() };
}

/** The URL with its password hidden. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}
