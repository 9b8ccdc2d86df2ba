/**
 * How the fake AWS keeps state: the synthetic account's records are readonly to the generator and
 * to every reader, and the mutating calls (UpdateAccessKey, PutPublicAccessBlock, DeleteDBInstance
 * …) change them in place — the fake is their one writer — so a read after the call sees the change.
 */

/** Sets fields of an account record. */
export function change<T extends object>(record: T, patch: Partial<T>): void {
  Object.assign(record, patch);
}

/** Adds a record to one of the account's lists. */
export function add<T>(list: readonly T[], item: T): void {
  (list as T[]).push(item);
}

/** Removes a record from one of the account's lists. */
export function remove<T>(list: readonly T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) (list as T[]).splice(at, 1);
}
