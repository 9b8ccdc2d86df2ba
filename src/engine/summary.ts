/** Rolls verdict counts up into pack and control scores (one definition: ./score.ts). */
import type { ScanPlan } from './scan-plan.js';
import type { Tally } from './tally.js';
import { addCounts, controlStatus, coverage, emptyCounts, score, type ControlStatus } from '../findings/score.js';
import type { ControlSummary, PackSummary, ScanSummary } from '../findings/scan-output.js';

export function buildSummary(plan: ScanPlan, tally: Tally, failingBySeverity: Record<string, number>, accountId?: string): ScanSummary {
  const bindingCounts = plan.bindings.map((binding) => tally.counts(binding.index, accountId));
  const packs: PackSummary[] = [];
  for (const pack of plan.packs) {
    const inPack = plan.bindings.filter((binding) => binding.packs.includes(pack.id));
    const packCounts = emptyCounts();
    for (const binding of inPack) addCounts(packCounts, bindingCounts[binding.index]!);
    const controls: ControlSummary[] = [];
    const controlsByStatus: Record<ControlStatus, number> = { pass: 0, fail: 0, error: 0, exempt: 0, 'not-applicable': 0, manual: 0 };
    for (const control of pack.controls) {
      const bindings = inPack.filter((binding) => control.insights.includes(binding.insight.id));
      if (plan.insightFilter !== undefined && bindings.length === 0) continue;
      const counts = emptyCounts();
      for (const binding of bindings) addCounts(counts, bindingCounts[binding.index]!);
      const manual = control.manual !== undefined;
      const status = controlStatus(counts, manual);
      controlsByStatus[status]++;
      controls.push({
        id: control.id,
        title: control.title,
        ...(control.section !== undefined && { section: control.section }),
        status,
        score: manual ? null : score(counts),
        coverage: manual ? null : coverage(counts),
        ...counts,
        insights: [...control.insights],
        ...(control.manual !== undefined && { manual: control.manual }),
      });
    }
    packs.push({
      id: pack.id,
      name: pack.name,
      version: pack.version,
      score: score(packCounts),
      coverage: coverage(packCounts),
      ...packCounts,
      controlsByStatus,
      controls,
    });
  }
  const totals = emptyCounts();
  for (const counts of bindingCounts) addCounts(totals, counts);
  return { packs, failingBySeverity, ...totals };
}
