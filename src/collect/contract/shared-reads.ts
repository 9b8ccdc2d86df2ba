/**
 * Reads several collectors of one account share — IAM's authorization details, the credential
 * report — owned by the account's collection run: the first collector to ask makes the read, the
 * others await the same promise, and it is dropped with the run. A daemon collecting every hour
 * reads afresh each time, and nothing outlives the account it was read for.
 */
export class SharedReads {
  private readonly reads = new Map<string, Promise<unknown>>();

  /** The read under `key`, made by `load` the first time it is asked for in this run. */
  get<V>(key: string, load: () => Promise<V>): Promise<V> {
    let read = this.reads.get(key) as Promise<V> | undefined;
    if (read === undefined) {
      read = load();
      this.reads.set(key, read);
    }
    return read;
  }

  /** Reads made so far (tests, diagnostics). */
  get size(): number {
    return this.reads.size;
  }
}
