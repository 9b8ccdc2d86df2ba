/**
 * Unknown values where the model types a field as always known. Collection keeps every resource
 * whose existence is known, whatever could not be read of it — a denied DescribeKey leaves the
 * key's manager, origin and state unknown, a field an endpoint left out is unknown — so that no
 * resource vanishes from the findings. Insights are written against the model's precise types, so
 * the engine stands between the two: an insight that reads such a field gets `error` naming the
 * field and why it is unknown, before it runs (it could not even decide whether it applies); a
 * lookup that meets such a resource ends the evaluation the same way ({@link UnreadableLookupError}).
 */
import type { AnyCollectedResource } from '../model/resource.js';
import { definiteFieldsOf } from '../model/resource-fields.js';
import type { ResourceType } from '../model/resource-types.js';
import { isUnknown, type Unknown } from '../model/unknown.js';
import type { Insight } from './define-insight.js';
import { fieldsReadOn } from './fields-read.js';

/** The definite fields of one resource that are unknown, with their unknown values. */
export type UnreadableFields = readonly (readonly [field: string, value: Unknown])[];

/**
 * The resource's definite fields that hold an unknown (of `fields` when given: those the insights
 * that run on it read); undefined when every one is known (nearly always).
 */
export function unreadableFieldsOf(resource: AnyCollectedResource, fields: readonly string[] = definiteFieldsOf(resource.type)): UnreadableFields | undefined {
  const config = resource.config as Readonly<Record<string, unknown>>;
  let found: [string, Unknown][] | undefined;
  for (const field of fields) {
    const value = config[field];
    if (isUnknown(value)) (found ??= []).push([field, value]);
  }
  return found;
}

/** The definite fields any of the insights reads on resources of the type: all a scan needs to check. */
export function definiteFieldsRead(insights: readonly Pick<Insight, 'resourceType' | 'reads'>[], type: ResourceType): readonly string[] {
  const definite = definiteFieldsOf(type);
  const read = new Set(insights.flatMap((insight) => fieldsReadOn(insight, type)));
  return definite.filter((field) => read.has(field));
}

/** The first unreadable field the insight reads on a resource of the type, if any. */
export function unreadableRead(
  insight: Pick<Insight, 'resourceType' | 'reads'>,
  type: ResourceType,
  unreadable: UnreadableFields,
): readonly [field: string, value: Unknown] | undefined {
  const reads = fieldsReadOn(insight, type);
  return unreadable.find(([field]) => reads.includes(field));
}

/**
 * Thrown by the inventory when an insight looks up a resource with an unreadable definite field:
 * what the insight would conclude from it is unknown. The engine turns it into an `error` verdict.
 */
export class UnreadableLookupError extends Error {
  constructor(
    readonly resource: { readonly arn: string; readonly type: ResourceType },
    readonly field: string,
    readonly value: Unknown,
  ) {
    super(`the ${resource.type} ${resource.arn} it depends on could not be read: ${field} is unknown (${value.$unknown})`);
    this.name = 'UnreadableLookupError';
  }
}
