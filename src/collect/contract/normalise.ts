/** Small conversions every collector needs: SDK dates to ISO strings, tag lists to the model's tag map, listings de-duplicated. */
import type { Tags } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';
import type { CallRef, SettingsContext } from './collect-context.js';

export function isoDate(value: Date | undefined): string | null {
  return value === undefined || Number.isNaN(value.getTime()) ? null : value.toISOString();
}

/** `[{ Key, Value }]` (S3) or `[{ TagKey, TagValue }]` (KMS) → `{ key: value }`; a tag without a key is skipped, one without a value is ''. */
export function tagMap<E>(list: readonly E[] | undefined, key: (entry: E) => string | undefined, value: (entry: E) => string | undefined): Tags {
  const tags: Tags = {};
  for (const entry of list ?? []) {
    const k = key(entry);
    if (k === undefined) continue;
    tags[k] = value(entry) ?? '';
  }
  return tags;
}

/** The items with distinct keys, first seen kept: a list that repeats an item (a retried page) yields one resource, not two. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string | undefined): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (k === undefined || seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/**
 * The items a listing returned, each once (a retried page repeats items; the first seen is kept).
 * An item without the field that identifies it cannot be told apart from any other: it is left
 * out and coverage names the listing — never silently, so that insights concluding from absence
 * know the listing is incomplete.
 */
export function listedOnce<T>(
  ctx: SettingsContext<ResourceType>,
  call: CallRef,
  items: readonly T[],
  key: (item: T) => string | undefined,
  field: string,
): T[] {
  const keyless = items.filter((item) => key(item) === undefined).length;
  if (keyless > 0) {
    ctx.unreadable(
      call,
      'UnexpectedResponse',
      `${call.operation} returned ${keyless === 1 ? 'an item' : `${keyless} items`} without ${field}; ${keyless === 1 ? 'it cannot be told apart and is' : 'they cannot be told apart and are'} left out`,
    );
  }
  return uniqueBy(items, key);
}
