/** Splits writes into statements within both engines' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

/** Rows of `columns` columns that fit in one statement. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.min(2_000, Math.floor(MAX_PARAMETERS / columns)));
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Ids per `where id in (...)` list. */
export const IDS_PER_STATEMENT = 1_000;
