/**
 * Rolls verdict counts up into pack and control scores (one definition: ./score.ts), over the whole
 * scan and over each account, tenant and environment.
 */
import type { ScanPlan } from './scan-plan.js';
import type { Tally } from './tally.js';
import { addCounts, controlStatus, coverage, emptyCounts, score, type ControlStatus, type Counts } from '../findings/score.js';
import type { ControlSummary, PackSummary, ScanInfo, ScanSummary, ScopePackSummary, ScopeSummary } from '../findings/scan-output.js';

type ResolvedPack = ScanPlan['packs'][number];

interface PackRollUp {
  readonly counts: Counts;
  readonly controlsByStatus: Record<ControlStatus, number>;
  readonly controls: ControlSummary[];
}

/** A pack's counts and its controls' statuses, from the counts of each binding. */
function rollUp(plan: ScanPlan, pack: ResolvedPack, bindingCounts: readonly Counts[]): PackRollUp {
  const inPack = plan.bindings.filter((binding) => binding.packs.includes(pack.id));
  const counts = emptyCounts();
  for (const binding of inPack) addCounts(counts, bindingCounts[binding.index]!);
  const controls: ControlSummary[] = [];
  const controlsByStatus: Record<ControlStatus, number> = { pass: 0, fail: 0, error: 0, exempt: 0, 'not-applicable': 0, manual: 0 };
  for (const control of pack.controls) {
    const bindings = inPack.filter((binding) => control.insights.includes(binding.insight.id));
    if (plan.insightFilter !== undefined && bindings.length === 0) continue;
    const controlCounts = emptyCounts();
    for (const binding of bindings) addCounts(controlCounts, bindingCounts[binding.index]!);
    const manual = control.manual !== undefined;
    const status = controlStatus(controlCounts, manual);
    controlsByStatus[status]++;
    controls.push({
      id: control.id,
      title: control.title,
      ...(control.section !== undefined && { section: control.section }),
      status,
      score: manual ? null : score(controlCounts),
      coverage: manual ? null : coverage(controlCounts),
      ...controlCounts,
      insights: [...control.insights],
      ...(control.manual !== undefined && { manual: control.manual }),
    });
  }
  return { counts, controlsByStatus, controls };
}

export function buildSummary(
  plan: ScanPlan,
  tally: Tally,
  failingBySeverity: Record<string, number>,
  accounts: ScanInfo['accounts'],
  includesPassing: boolean,
): ScanSummary {
  const bindingCounts = plan.bindings.map((binding) => tally.counts(binding.index));
  const packs: PackSummary[] = plan.packs.map((pack) => {
    const { counts, controlsByStatus, controls } = rollUp(plan, pack, bindingCounts);
    return { id: pack.id, name: pack.name, version: pack.version, score: score(counts), coverage: coverage(counts), ...counts, controlsByStatus, controls };
  });
  const totals = emptyCounts();
  for (const counts of bindingCounts) addCounts(totals, counts);

  const scope = (id: string, name: string, accountIds: readonly string[]): ScopeSummary => {
    const counts = plan.bindings.map((binding) => tally.counts(binding.index, accountIds));
    const scopePacks: ScopePackSummary[] = plan.packs.map((pack) => {
      const rolled = rollUp(plan, pack, counts);
      return { id: pack.id, score: score(rolled.counts), coverage: coverage(rolled.counts), ...rolled.counts, controlsByStatus: rolled.controlsByStatus };
    });
    return { id, name, accounts: [...accountIds], packs: scopePacks };
  };
  const grouped = (key: 'tenant' | 'environment'): ScopeSummary[] => {
    const members = new Map<string, string[]>();
    for (const account of accounts) {
      const value = account[key];
      if (value !== undefined) members.set(value, [...(members.get(value) ?? []), account.id]);
    }
    return [...members.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([value, ids]) => scope(value, value, ids));
  };
  return {
    packs,
    failingBySeverity,
    ...totals,
    includesPassing,
    byAccount: accounts.map((account) => scope(account.id, account.name, [account.id])),
    byTenant: grouped('tenant'),
    byEnvironment: grouped('environment'),
  };
}

/** Each pack's counts and controls over these accounts only (the store's daily roll-ups, the scorecard's cells). */
export function packControls(
  plan: ScanPlan,
  tally: Tally,
  accountIds: readonly string[],
): { readonly pack: string; readonly counts: Counts; readonly controls: readonly ControlSummary[] }[] {
  const counts = plan.bindings.map((binding) => tally.counts(binding.index, accountIds));
  return plan.packs.map((pack) => {
    const rolled = rollUp(plan, pack, counts);
    return { pack: pack.id, counts: rolled.counts, controls: rolled.controls };
  });
}
