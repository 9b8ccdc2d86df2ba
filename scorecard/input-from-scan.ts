/** A scorecard input from a scan just run: its per-account tallies and the findings it wrote. */
import type { AccountEntry } from '../src/config/account-entry.js';
import type { ScanResult } from '../src/engine/scan.js';
import type { ScanPlan } from '../src/engine/scan-plan.js';
import { packControls } from '../src/engine/summary.js';
import type { Finding } from '../src/findings/finding.js';
import { addCounts, emptyCounts, type Counts } from '../src/findings/score.js';
import { accountsOf, packsOf } from './scan-structure.js';
import { controlKey, isIssue, type AccountCounts, type ScorecardInput } from './scorecard-input.js';

export function inputFromScan(
  result: ScanResult,
  plan: ScanPlan,
  /** The scan's findings that did not pass (others are ignored). */
  findings: readonly Finding[],
  accounts: ReadonlyMap<string, AccountEntry>,
): ScorecardInput {
  const { scan, summary, tally } = result;
  const counts = new Map<string, AccountCounts>();
  for (const account of scan.accounts) {
    const controls = new Map<string, Counts>();
    const packs = new Map<string, Counts>();
    for (const pack of packControls(plan, tally, [account.id])) {
      packs.set(pack.pack, pickCounts(pack.counts));
      for (const control of pack.controls) controls.set(controlKey(pack.pack, control.id), pickCounts(control));
    }
    const insights = new Map<string, Counts>();
    for (const binding of plan.bindings) {
      const into = insights.get(binding.insight.id) ?? emptyCounts();
      addCounts(into, tally.counts(binding.index, [account.id]));
      insights.set(binding.insight.id, into);
    }
    counts.set(account.id, { controls, packs, insights });
  }
  const insightIds = [...new Set(plan.bindings.map((binding) => binding.insight.id))];
  const bindingOf = new Map(plan.bindings.map((binding) => [binding.insight.id, binding.insight]));
  return {
    scanId: scan.id,
    collectedAt: scan.source.collectedAt,
    accounts: accountsOf(scan, accounts),
    packs: packsOf(summary),
    insights: insightIds.map((id) => {
      const insight = bindingOf.get(id)!;
      return { id, title: insight.title, severity: insight.severity };
    }),
    counts,
    issues: findings.filter(isIssue),
    coverage: scan.coverage,
  };
}

function pickCounts(from: Counts): Counts {
  return { pass: from.pass, fail: from.fail, error: from.error, exempt: from.exempt, notApplicable: from.notApplicable };
}
