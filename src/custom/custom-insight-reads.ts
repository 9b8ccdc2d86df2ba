/**
 * The fields a custom insight reads, derived from the paths of its conditions: the first segment
 * after `config.`, or the envelope field a path starts with. `config` itself, `config[*]` or
 * `config[n]` read every config field.
 */
import type { InsightReads } from '../engine/define-insight.js';
import { configFieldsOf } from '../model/resource-fields.js';
import type { ResourceType } from '../model/resource-types.js';
import { parsePath } from '../conditions/compile-path.js';
import { isPlainObject } from '../conditions/definition-issue.js';

/** `conditions`: the compiled (hence valid) `appliesTo` and `condition` trees of the definition. */
export function customInsightReads(resourceType: ResourceType, conditions: readonly unknown[]): InsightReads {
  const fields = new Set<string>();
  for (const path of conditions.flatMap(leafPaths)) {
    const parsed = parsePath(path);
    if (!parsed.ok) continue; // not reached: the conditions compiled
    const [first, second] = parsed.steps;
    if (first?.kind !== 'key') continue;
    if (first.key !== 'config') fields.add(first.key);
    else if (second?.kind === 'key') fields.add(second.key);
    else for (const field of configFieldsOf(resourceType)) fields.add(field);
  }
  return { self: [...fields].sort(), ofType: {}, lookups: {} };
}

function leafPaths(node: unknown): string[] {
  if (!isPlainObject(node)) return [];
  for (const group of ['all', 'any'] as const) {
    const items = node[group];
    if (Array.isArray(items)) return items.flatMap(leafPaths);
  }
  if (Object.hasOwn(node, 'not')) return leafPaths(node['not']);
  return typeof node['path'] === 'string' ? [node['path']] : [];
}
