/**
 * Write locks by name ("account:123456789012", "audit"), held until the transaction ends. In
 * PostgreSQL they are advisory transaction locks, taken in one global order so two writers never
 * wait on each other in a cycle; in SQLite the transaction already holds the database's single
 * write lock (BEGIN IMMEDIATE), which serialises every writer.
 */
import { hash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, Engine } from './database.js';

export async function lockNames(trx: Transaction<Database>, engine: Engine, names: readonly string[]): Promise<void> {
  if (engine === 'sqlite') return;
  const keys = [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) await sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`.execute(trx);
}

/** A signed 64-bit key from the name (its SHA-256). */
export function lockKey(name: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${hash('sha256', `vigil\u0000${name}`, 'hex').slice(0, 16)}`));
}

/**
 * Takes the named lock if it is free, without waiting (true in SQLite, where the transaction holds
 * the write lock already): for chores one writer at a time is enough for, like pruning.
 */
export async function tryLockName(trx: Transaction<Database>, engine: Engine, name: string): Promise<boolean> {
  if (engine === 'sqlite') return true;
  const result = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${lockKey(name).toString()}::bigint) as locked`.execute(trx);
  return result.rows[0]?.locked === true;
}
