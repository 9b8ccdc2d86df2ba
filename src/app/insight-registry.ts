/** All insights a scan can run: the built-in registry plus users' custom YAML insights. */
import type { Insight } from '../engine/define-insight.js';
import { builtinInsights } from '../../insights/index.js';
import type { Problem } from '../input/problem.js';
import { problem } from '../input/problem.js';

export function insightRegistry(custom: readonly Insight[]): { insights: Map<string, Insight>; problems: Problem[] } {
  const insights = new Map<string, Insight>();
  const problems: Problem[] = [];
  for (const insight of builtinInsights) insights.set(insight.id, insight);
  for (const insight of custom) {
    const existing = insights.get(insight.id);
    if (existing !== undefined) {
      const where = existing.origin === 'builtin' ? 'a built-in insight' : existing.docsPath;
      problems.push(problem(insight.docsPath, 1, 1, `id: '${insight.id}' is already the id of ${where}`));
      continue;
    }
    insights.set(insight.id, insight);
  }
  return { insights, problems };
}
