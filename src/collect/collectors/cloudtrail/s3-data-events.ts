/**
 * Which S3 object-level (data) events a trail records, from the GetEventSelectors answer that also
 * gives its management events: per kind (read, write), all buckets (perhaps but some prefixes), the
 * objects under some ARN prefixes, or none.
 *
 * Basic event selectors: a DataResource of type `AWS::S3::Object` with the selector's ReadWriteType.
 * The value `arn:aws:s3` (or `arn:aws:s3:::`) is every bucket; `arn:aws:s3:::bucket/` one whole
 * bucket; `arn:aws:s3:::bucket/logs/` the objects under a key prefix. A value that names no bucket
 * with its trailing slash (`arn:aws:s3:::bucket`) is a form the API reference does not document
 * and is not counted.
 *
 * Advanced event selectors: `eventCategory = Data` and `resources.type = AWS::S3::Object`, with
 * optionally `readOnly` (Equals true/false) and `resources.ARN`. Without a `resources.ARN`
 * condition a selector records every bucket; `StartsWith` limits it to the listed prefixes;
 * `NotStartsWith`/`NotEquals` exclude prefixes (an excluded object ARN counts as a prefix, so the
 * bucket that holds it is not recorded in full).
 *
 * The scope may understate what a trail records, never overstate it. A selector that records only
 * some events of its objects counts for less or nothing:
 *  - a condition on any other field (`eventName`, `eventSource`, `userIdentity.arn`, ...) makes the
 *    selector count for nothing, as does `readOnly` with an operator other than Equals/NotEquals;
 *  - `resources.ARN` with `Equals`, `EndsWith` or `NotEndsWith` counts for nothing (it names single
 *    objects, or may exclude objects of every bucket);
 *  - an included prefix that an exclusion reaches into is dropped whole;
 *  - selectors of a trail are ORed; two that together record everything are recognised only when
 *    one reads and the other writes, or when their ARN conditions add up (every bucket but A, with
 *    every bucket but B, is every bucket but what A and B share).
 */
import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector, GetEventSelectorsResponse } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailTrailConfig, S3DataEventScope } from '../../../model/types/cloudtrail/trail.js';
import type { Unknown } from '../../../model/unknown.js';
import { both, equalsIncluding, NOTHING, ofReadOnly, ofReadWriteType, operatorsOf, type Operator, type Recorded } from './selector-fields.js';

export type S3DataEvents = Exclude<CloudTrailTrailConfig['s3DataEvents'], Unknown>;

const S3_OBJECT = 'AWS::S3::Object';
const NONE: S3DataEventScope = { buckets: 'none' };
const EVERY_BUCKET: S3DataEventScope = { buckets: 'all', exceptArnPrefixes: [] };

/** What one selector records: which kinds, of which objects. */
interface SelectorReach {
  readonly recorded: Recorded;
  readonly objects: S3DataEventScope;
}

const NO_REACH: SelectorReach = { recorded: NOTHING, objects: NONE };

/** `arn:aws:s3`, `arn:aws:s3:::` and the like: a prefix of every object ARN of the partition. */
function isEveryBucket(value: string): boolean {
  return /^arn:[a-z0-9-]+:s3:{0,3}$/.test(value);
}

/** `arn:<partition>:s3:::<bucket>/<key prefix>`: a bucket named with its trailing slash. */
function namesBucket(value: string): boolean {
  return /^arn:[a-z0-9-]+:s3:::[^/]+\//.test(value);
}

/** Whether some object ARN starts with both prefixes. */
function overlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The object ARNs that start with a prefix of each list, as prefixes: the inner one of each nested pair. */
function commonPrefixes(a: readonly string[], b: readonly string[]): string[] {
  const within = (prefixes: readonly string[], of: readonly string[]) => prefixes.filter((prefix) => of.some((outer) => prefix.startsWith(outer)));
  return [...within(a, b), ...within(b, a)];
}

/** Sorted, without duplicates or prefixes that lie within another. */
function outermost(prefixes: readonly string[]): string[] {
  const unique = [...new Set(prefixes)].sort();
  return unique.filter((prefix) => !unique.some((other) => other !== prefix && prefix.startsWith(other)));
}

function allBut(excluded: readonly string[]): S3DataEventScope {
  return excluded.some(isEveryBucket) ? NONE : { buckets: 'all', exceptArnPrefixes: outermost(excluded) };
}

function only(prefixes: readonly string[]): S3DataEventScope {
  return prefixes.length === 0 ? NONE : { buckets: 'prefixes', arnPrefixes: outermost(prefixes) };
}

/** Objects under prefixes of both scopes (ANDed conditions). */
function intersection(a: S3DataEventScope, b: S3DataEventScope): S3DataEventScope {
  if (a.buckets === 'none' || b.buckets === 'none') return NONE;
  if (a.buckets === 'all' && b.buckets === 'all') return allBut([...a.exceptArnPrefixes, ...b.exceptArnPrefixes]);
  if (a.buckets === 'prefixes' && b.buckets === 'prefixes') return only(commonPrefixes(a.arnPrefixes, b.arnPrefixes));
  const [all, some] = a.buckets === 'all' ? [a, b] : [b, a];
  if (all.buckets !== 'all' || some.buckets !== 'prefixes') return NONE;
  return only(some.arnPrefixes.filter((prefix) => !all.exceptArnPrefixes.some((excluded) => overlap(prefix, excluded))));
}

/** Objects under prefixes of either scope (ORed selectors). */
function union(a: S3DataEventScope, b: S3DataEventScope): S3DataEventScope {
  if (a.buckets === 'none') return b;
  if (b.buckets === 'none') return a;
  // Excluded only where both exclude.
  if (a.buckets === 'all' && b.buckets === 'all') return allBut(commonPrefixes(a.exceptArnPrefixes, b.exceptArnPrefixes));
  if (a.buckets === 'prefixes' && b.buckets === 'prefixes') return only([...a.arnPrefixes, ...b.arnPrefixes]);
  const [all, some] = a.buckets === 'all' ? [a, b] : [b, a];
  if (all.buckets !== 'all' || some.buckets !== 'prefixes') return NONE;
  // An exclusion within an included prefix is recorded after all; one that only reaches into it stays excluded.
  return allBut(all.exceptArnPrefixes.filter((excluded) => !some.arnPrefixes.some((prefix) => excluded.startsWith(prefix))));
}

function ofBasic(selector: EventSelector): SelectorReach {
  const values = (selector.DataResources ?? []).filter((resource) => resource.Type === S3_OBJECT).flatMap((resource) => resource.Values ?? []);
  if (values.length === 0) return NO_REACH;
  const objects = values.some(isEveryBucket) ? EVERY_BUCKET : only(values.filter(namesBucket));
  return { recorded: ofReadWriteType(selector.ReadWriteType), objects };
}

/** The objects a `resources.ARN` condition lets through in full. */
function ofArnCondition(field: AdvancedFieldSelector): S3DataEventScope {
  const ops = new Map<Operator, string[]>(operatorsOf(field));
  if (ops.size === 0 || ops.has('Equals') || ops.has('EndsWith') || ops.has('NotEndsWith')) return NONE;
  const starts = ops.get('StartsWith');
  const excluded = [...(ops.get('NotStartsWith') ?? []), ...(ops.get('NotEquals') ?? [])];
  const included = starts === undefined || starts.some(isEveryBucket) ? EVERY_BUCKET : only(starts);
  return intersection(included, allBut(excluded));
}

function ofAdvanced(selector: AdvancedEventSelector): SelectorReach {
  const fields = selector.FieldSelectors ?? [];
  const single = (name: string) => {
    const found = fields.filter((field) => field.Field === name);
    return found.length === 1 ? found[0] : undefined;
  };
  const category = single('eventCategory');
  const type = single('resources.type');
  if (category === undefined || !equalsIncluding(category, 'Data') || type === undefined || !equalsIncluding(type, S3_OBJECT)) return NO_REACH;
  let recorded: Recorded = { read: true, write: true };
  let objects: S3DataEventScope = EVERY_BUCKET;
  // Field selectors of one event selector are ANDed.
  for (const field of fields) {
    switch (field.Field) {
      case 'eventCategory':
      case 'resources.type':
        continue;
      case 'readOnly': {
        const readOnly = ofReadOnly(field);
        if (readOnly === undefined) return NO_REACH;
        recorded = both(recorded, readOnly);
        continue;
      }
      case 'resources.ARN':
        objects = intersection(objects, ofArnCondition(field));
        continue;
      default:
        return NO_REACH;
    }
  }
  return { recorded, objects };
}

/** The S3 object-level events the trail's selectors record in full (event selectors of a trail are ORed). */
export function s3DataEventsOf(response: Pick<GetEventSelectorsResponse, 'EventSelectors' | 'AdvancedEventSelectors'>): S3DataEvents {
  const reaches = [...(response.EventSelectors ?? []).map(ofBasic), ...(response.AdvancedEventSelectors ?? []).map(ofAdvanced)];
  const scopeOf = (kind: keyof Recorded) => reaches.filter((reach) => reach.recorded[kind]).reduce((scope, reach) => union(scope, reach.objects), NONE);
  return { read: scopeOf('read'), write: scopeOf('write') };
}
