/**
 * What the scorecard and the daily report are computed from, whatever the source (a scan just
 * run, a findings file, the store): the accounts, the packs' controls, verdict counts per account
 * × control and per account × insight, and the findings that did not pass. Aggregation reads only
 * this, so a tenant's view is made by narrowing the input before anything is added up.
 */
import type { Finding } from '../src/findings/finding.js';
import type { Counts } from '../src/findings/score.js';
import type { Severity } from '../src/model/severity.js';
import type { CoverageEntry } from '../src/snapshot/coverage.js';

export interface ScorecardAccount {
  readonly id: string;
  readonly name: string;
  readonly environment?: string;
  readonly tenant?: string;
  /** Who answers for the account's resources (the configuration's `owner.name`). */
  readonly owner?: string;
}

export interface ScorecardControl {
  readonly id: string;
  readonly title: string;
  readonly section?: string;
  /** The audit procedure of a manual control (no automated insight). */
  readonly manual?: string;
  readonly insights: readonly string[];
}

export interface ScorecardPack {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly controls: readonly ScorecardControl[];
}

export interface ScorecardInsight {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
}

/** Verdict counts of one account. */
export interface AccountCounts {
  /** Keyed by `controlKey(pack, control)`. */
  readonly controls: ReadonlyMap<string, Counts>;
  /** Per pack, each evaluation once (an insight under two controls is one evaluation of the pack). */
  readonly packs: ReadonlyMap<string, Counts>;
  /** Per insight, all its parameter variants together. */
  readonly insights: ReadonlyMap<string, Counts>;
}

export interface ScorecardInput {
  readonly scanId: string;
  /** When the inventory was collected. */
  readonly collectedAt: string;
  readonly accounts: readonly ScorecardAccount[];
  readonly packs: readonly ScorecardPack[];
  readonly insights: readonly ScorecardInsight[];
  readonly counts: ReadonlyMap<string, AccountCounts>;
  /** Findings that did not pass: fail, error and exempt. */
  readonly issues: readonly Finding[];
  readonly coverage: readonly CoverageEntry[];
}

export function controlKey(pack: string, control: string): string {
  return `${pack}\u0000${control}`;
}

/** Whether a finding is one the scorecard lists behind its cells: fail, error or exempt. */
export function isIssue(finding: Finding): boolean {
  return finding.status === 'fail' || finding.status === 'error' || finding.status === 'exempt';
}
