/** Loads users' custom YAML insights from folders, with located problems. */
import type { Insight } from '../engine/define-insight.js';
import type { Loaded } from '../input/problem.js';

export async function loadCustomInsights(dirs: readonly string[]): Promise<Loaded<Insight[]>> {
  if (dirs.length === 0) return { ok: true, value: [], warnings: [] };
  throw new Error('custom insights: not wired yet');
}
