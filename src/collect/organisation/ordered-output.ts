/**
 * Hands on an account's resources in the order of its plan — its settings resources, then each
 * resource collector's resources in the order of the collectors — whatever order the parts finish
 * in, so that running them side by side keeps the snapshot's order the same from run to run. A
 * part is handed on as soon as it and every part before it are complete; until then it is held.
 */
export class OrderedOutput<T> {
  private readonly parts: (readonly T[] | undefined)[];
  private next = 0;

  constructor(
    parts: number,
    private readonly hand: (item: T) => void,
  ) {
    this.parts = Array.from({ length: parts }, () => undefined);
  }

  /** Part `index` (0-based, in plan order) is complete with `items`. */
  complete(index: number, items: readonly T[]): void {
    if (!Number.isInteger(index) || index < this.next || index >= this.parts.length || this.parts[index] !== undefined) {
      throw new Error(`part ${index} of ${this.parts.length} is not one waiting to complete`);
    }
    this.parts[index] = items;
    for (let ready = this.parts[this.next]; ready !== undefined; ready = this.parts[this.next]) {
      // Released once handed on: a held part is the only copy kept.
      this.parts[this.next++] = undefined;
      for (const item of ready) this.hand(item);
    }
  }

  /** Parts not handed on yet. */
  get pending(): number {
    return this.parts.length - this.next;
  }
}
