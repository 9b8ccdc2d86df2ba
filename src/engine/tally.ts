/**
 * Counts of verdicts per binding and account, kept in flat typed arrays: the hot loop adds one
 * to a slot, the summary reads them at the end.
 */
import type { FindingStatus } from '../findings/finding.js';
import { emptyCounts, type Counts } from '../findings/score.js';

const SLOTS = 5;
const slotOf: Record<FindingStatus, number> = { pass: 0, fail: 1, error: 2, exempt: 3, 'not-applicable': 4 };

export class Tally {
  private readonly perAccount = new Map<string, Float64Array>();

  constructor(private readonly bindings: number) {}

  /** The counters of one account; the hot loop fetches them once per resource. */
  countersOf(accountId: string): Float64Array {
    let counts = this.perAccount.get(accountId);
    if (counts === undefined) {
      counts = new Float64Array(this.bindings * SLOTS);
      this.perAccount.set(accountId, counts);
    }
    return counts;
  }

  static add(counters: Float64Array, binding: number, status: FindingStatus): void {
    counters[binding * SLOTS + slotOf[status]]! += 1;
  }

  accounts(): string[] {
    return [...this.perAccount.keys()].sort();
  }

  /** Counts of one binding, over the given accounts or all. */
  counts(binding: number, accountIds?: readonly string[]): Counts {
    const total = emptyCounts();
    const sources = accountIds === undefined ? [...this.perAccount.values()] : accountIds.map((id) => this.perAccount.get(id)).filter((c) => c !== undefined);
    for (const counts of sources) {
      const base = binding * SLOTS;
      total.pass += counts[base]!;
      total.fail += counts[base + 1]!;
      total.error += counts[base + 2]!;
      total.exempt += counts[base + 3]!;
      total.notApplicable += counts[base + 4]!;
    }
    return total;
  }
}
