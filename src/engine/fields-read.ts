/**
 * The resource fields a set of insights reads, per resource type: what a collection must fill for
 * them. Handed to the collection, it runs only the API calls that fill these fields.
 */
import { resourceTypes, type ResourceType } from '../model/resource-types.js';
import type { Insight } from './define-insight.js';

type Reader = Pick<Insight, 'resourceType' | 'reads'>;

/** The fields the insight reads on a resource of the given type that it evaluates. */
export function fieldsReadOn(insight: Reader, type: ResourceType): readonly string[] {
  if (insight.resourceType === '*') return [...insight.reads.self, ...(insight.reads.ofType[type] ?? [])];
  return insight.resourceType === type ? insight.reads.self : [];
}

/**
 * Resource type → the fields the insights read on it: their own type's (for `*` insights, every
 * type's) and those of the types they look up. A type appears when an insight evaluates or looks
 * it up, even if it reads no field beyond those every resource has. Sets are sorted.
 */
export function fieldsRead(insights: Iterable<Reader>): Map<ResourceType, Set<string>> {
  const read = new Map<ResourceType, Set<string>>();
  const add = (type: ResourceType, fields: readonly string[]): void => {
    const set = read.get(type) ?? new Set<string>();
    for (const field of fields) set.add(field);
    read.set(type, set);
  };
  for (const insight of insights) {
    const evaluated = insight.resourceType === '*' ? resourceTypes : [insight.resourceType];
    for (const type of evaluated) add(type, fieldsReadOn(insight, type));
    for (const [type, fields] of Object.entries(insight.reads.lookups) as [ResourceType, readonly string[]][]) add(type, fields);
  }
  return new Map(resourceTypes.filter((type) => read.has(type)).map((type) => [type, new Set([...(read.get(type) ?? [])].sort())] as const));
}
