/**
 * One insight on one resource, as a scan runs it: an insight that reads an unreadable field gets
 * `error` before it runs, one that meets an unreadable resource through a lookup gets `error`, and
 * one that throws (a bug) gets `error` while the scan goes on — never a pass.
 */
import type { AnyCollectedResource, Resource } from '../model/resource.js';
import type { InsightContext } from './context.js';
import type { Insight } from './define-insight.js';
import { unreadableRead, UnreadableLookupError, type UnreadableFields } from './unreadable-fields.js';
import { verdict, type Verdict } from './verdict.js';

export function evaluateResource(
  insight: Insight,
  resource: AnyCollectedResource,
  ctx: InsightContext<Record<string, unknown>>,
  /** The resource's unreadable definite fields (`unreadableFieldsOf`), computed once for all its insights. */
  unreadable: UnreadableFields | undefined,
): Verdict {
  if (unreadable !== undefined) {
    const read = unreadableRead(insight, resource.type, unreadable);
    if (read !== undefined) return verdict.unreadable(read[0], read[1]);
  }
  try {
    // Every definite field the insight reads is known: it sees the resource as the model types it.
    return insight.evaluate(resource as Resource, ctx);
  } catch (error) {
    if (error instanceof UnreadableLookupError) {
      return verdict.error(error.message, { unreadable: error.field, resource: error.resource.arn, cause: error.value.$unknown });
    }
    return verdict.error(`insight ${insight.id} failed on this resource: ${(error as Error).message}`, { exception: String(error) });
  }
}
