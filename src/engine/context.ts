/** What an insight's `evaluate` is given besides the resource. Everything is data: no I/O. */
import type { Inventory } from './inventory.js';
import type { VerdictFactory } from './verdict.js';
import type { AccountEntry } from '../config/account-entry.js';
import type { ResourceMemo } from './resource-memo.js';

/** Organisation-wide rules from the configuration file that insights read. */
export interface ScanSettings {
  /** Regions resources may live in; empty means no restriction was configured. */
  readonly allowedRegions: readonly string[];
  /** Tag keys every resource of a type must carry; the key `*` applies to all types. */
  readonly requiredTags: Readonly<Record<string, readonly string[]>>;
}

export interface InsightContext<P> {
  readonly params: P;
  /** The clock of the scan: one instant for all evaluations. */
  readonly now: Date;
  /** The account the resource belongs to, as the configuration describes it. */
  readonly account: AccountEntry;
  readonly settings: ScanSettings;
  readonly inventory: Inventory;
  /** Analyses of the resource shared with the other insights that evaluate it: `memo.of(analysis, resource)`. */
  readonly memo: ResourceMemo;
  readonly verdict: VerdictFactory;
}
