/** `--pack P`: the scorecard of some packs only. */
import { problem, type Problem } from '../src/input/problem.js';
import type { ScorecardInput } from './scorecard-input.js';

export type PackSelection = { ok: true; input: ScorecardInput } | { ok: false; problem: Problem };

export function selectPacks(input: ScorecardInput, packIds: readonly string[], source: string): PackSelection {
  if (packIds.length === 0) return { ok: true, input };
  const known = new Set(input.packs.map((pack) => pack.id));
  const unknown = packIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return { ok: false, problem: problem(source, 1, 1, `--pack: ${unknown.join(', ')} not in the scan (packs: ${[...known].join(', ')})`) };
  }
  const packs = input.packs.filter((pack) => packIds.includes(pack.id));
  const insightIds = new Set(packs.flatMap((pack) => pack.controls.flatMap((control) => control.insights)));
  return {
    ok: true,
    input: {
      ...input,
      packs,
      insights: input.insights.filter((insight) => insightIds.has(insight.id)),
      issues: input.issues.filter((finding) => finding.controls.some((ref) => packIds.includes(ref.pack))),
    },
  };
}
