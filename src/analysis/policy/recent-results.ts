/**
 * Remembers the results of a pure function for the few most recent document objects. The
 * insights of one resource run one after another and read the same policy, so the most recent
 * results are the ones asked for again; unlike a WeakMap over every document of a scan, this
 * costs the garbage collector nothing.
 */
export class RecentResults<R> {
  private readonly entries: { document: object; key: string; result: R }[] = [];

  constructor(private readonly size = 4) {}

  get(document: object, key: string, compute: () => R): R {
    for (const entry of this.entries) {
      if (entry.document === document && entry.key === key) return entry.result;
    }
    const result = compute();
    this.entries.unshift({ document, key, result });
    if (this.entries.length > this.size) this.entries.pop();
    return result;
  }
}
