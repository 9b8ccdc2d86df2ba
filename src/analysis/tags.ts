/**
 * Tag matching, shared by insights (scoping, required tags), exemptions and, later, bot filters.
 * Tags that could not be read make a match undecidable, which callers must not treat as a pass.
 */
import type { Tags } from '../model/resource.js';
import { isUnknown, type Maybe } from '../model/unknown.js';

/** Tag key → accepted value(s); `*` accepts any value as long as the key is present. */
export type TagSelector = Readonly<Record<string, string | readonly string[]>>;

export type TagMatch = 'match' | 'no-match' | 'unknown';

export function matchTags(tags: Maybe<Tags>, selector: TagSelector): TagMatch {
  if (isEmpty(selector)) return 'match';
  const keys = Object.keys(selector);
  if (isUnknown(tags)) return 'unknown';
  for (const key of keys) {
    const actual = tags[key];
    if (actual === undefined) return 'no-match';
    const expected = selector[key];
    const accepted = typeof expected === 'string' ? [expected] : (expected ?? []);
    if (!accepted.includes('*') && !accepted.includes(actual)) return 'no-match';
  }
  return 'match';
}

/** `{}`, the selector of every resource, without listing its keys. */
function isEmpty(selector: TagSelector): boolean {
  for (const key in selector) if (Object.hasOwn(selector, key)) return false;
  return true;
}

/** Keys from `required` that are missing or empty in `tags`. */
export function missingTagKeys(tags: Tags, required: readonly string[]): string[] {
  return required.every((key) => isSet(tags[key])) ? NONE_MISSING : required.filter((key) => !isSet(tags[key]));
}

// Shared by every resource that carries its tags: nobody adds to it.
const NONE_MISSING: string[] = [];

const isSet = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';
