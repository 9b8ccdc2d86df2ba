/** Small conversions every collector needs: SDK dates to ISO strings, tag lists to the model's tag map. */
import type { Tags } from '../model/resource.js';

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
