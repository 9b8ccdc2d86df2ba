/** Column definitions whose SQL differs between the engines, for migrations. */
import type { ColumnDefinitionBuilder } from 'kysely';
import type { Engine } from '../database.js';

/** An integer key the database numbers: AUTOINCREMENT in SQLite, an identity column in PostgreSQL. */
export function serialKey(engine: Engine): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engine === 'sqlite' ? (column) => column.primaryKey().autoIncrement() : (column) => column.primaryKey().generatedByDefaultAsIdentity();
}
