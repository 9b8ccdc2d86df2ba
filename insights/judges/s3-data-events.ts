/**
 * Whether CloudTrail records the object-level (data) events of one S3 bucket, of one kind (read or
 * write). Judged per bucket, not per trail: a trail that records the objects of some buckets only,
 * or of every bucket but the log bucket, is right for some buckets and wrong for others.
 *
 * The bucket's events are recorded when a trail that logs the bucket's region (the region's
 * `trailArns`: its own trails, multi-region and organization trails) is logging and records that
 * kind of S3 data events for every object of the bucket. Only regions and trails are looked up,
 * so a scan keeps no bucket in memory for it.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { InsightContext } from '../../src/engine/context.js';
import type { Verdict } from '../../src/engine/verdict.js';
import type { Resource } from '../../src/model/resource.js';
import type { S3DataEventScope } from '../../src/model/types/cloudtrail/trail.js';
import { isUnknown } from '../../src/model/unknown.js';
import { outsideTagScope, TagSelectorParam } from './tag-scope.js';
import { missingTrailReason } from '../../src/analysis/missing-trail.js';

export type S3ObjectEventKind = 'read' | 'write';

/** The fields {@link evaluateS3ObjectEvents} reads. */
export const S3_OBJECT_EVENT_READS = {
  self: ['tags'],
  lookups: { 'AWS::Account::Region': ['trailArns'], 'AWS::CloudTrail::Trail': ['isLogging', 's3DataEvents'] },
} as const;

export const S3ObjectEventParams = Type.Object(
  {
    bucketTags: TagSelectorParam(
      'Tags (key → accepted value or values, "*" for any value) of the buckets whose object events must be recorded; {} selects every bucket.',
    ),
  },
  { additionalProperties: false },
);

/** Whether the scope records the events of every object of the bucket (prefixes are string prefixes of object ARNs). */
export function coversBucket(scope: S3DataEventScope, bucketArn: string): boolean {
  const objects = `${bucketArn}/`;
  switch (scope.buckets) {
    case 'all':
      return !scope.exceptArnPrefixes.some((excluded) => excluded.startsWith(objects) || objects.startsWith(excluded));
    case 'prefixes':
      return scope.arnPrefixes.some((prefix) => objects.startsWith(prefix));
    case 'none':
      return false;
  }
}

/** What a scope records, as a report says it. */
export function describeScope(scope: S3DataEventScope): string {
  switch (scope.buckets) {
    case 'all':
      return scope.exceptArnPrefixes.length === 0 ? 'every bucket' : `every bucket but ${scope.exceptArnPrefixes.join(', ')}`;
    case 'prefixes':
      return `only ${scope.arnPrefixes.join(', ')}`;
    case 'none':
      return 'no bucket';
  }
}

type TrailJudgement =
  | { arn: string; outcome: 'records'; scope: S3DataEventScope }
  | { arn: string; outcome: 'falls-short'; shortfalls: string[] }
  | { arn: string; outcome: 'undecided'; unreadable: string[] };

function judgeTrail(
  arn: string,
  trail: Resource<'AWS::CloudTrail::Trail'> | undefined,
  bucket: { arn: string; accountId: string },
  kind: S3ObjectEventKind,
): TrailJudgement {
  if (trail === undefined) return { arn, outcome: 'undecided', unreadable: [missingTrailReason(arn, bucket.accountId)] };
  const { isLogging, s3DataEvents } = trail.config;
  const shortfalls: string[] = [];
  const unreadable: string[] = [];
  if (isUnknown(isLogging)) unreadable.push(`logging status (${isLogging.$unknown})`);
  else if (!isLogging) shortfalls.push('is not logging');
  let scope: S3DataEventScope | undefined;
  if (isUnknown(s3DataEvents)) unreadable.push(`event selectors (${s3DataEvents.$unknown})`);
  else {
    scope = s3DataEvents[kind];
    if (!coversBucket(scope, bucket.arn)) shortfalls.push(`records S3 object ${kind} events of ${describeScope(scope)}`);
  }
  // A proven shortfall disqualifies the trail whatever its unreadable fields.
  if (shortfalls.length > 0) return { arn, outcome: 'falls-short', shortfalls };
  if (unreadable.length > 0 || scope === undefined) return { arn, outcome: 'undecided', unreadable };
  return { arn, outcome: 'records', scope };
}

/** Whether {@link judgeTrail} would find that the trail records the bucket's events, without its words. */
function recordsEvents(trail: Resource<'AWS::CloudTrail::Trail'> | undefined, bucketArn: string, kind: S3ObjectEventKind): boolean {
  if (trail === undefined) return false;
  const { isLogging, s3DataEvents } = trail.config;
  return !isUnknown(isLogging) && isLogging && !isUnknown(s3DataEvents) && coversBucket(s3DataEvents[kind], bucketArn);
}

/** The verdict on whether CloudTrail records the bucket's object events of one kind. */
export function evaluateS3ObjectEvents(
  bucket: Resource<'AWS::S3::Bucket'>,
  kind: S3ObjectEventKind,
  { params, inventory, verdict }: Pick<InsightContext<Static<typeof S3ObjectEventParams>>, 'params' | 'inventory' | 'verdict'>,
): Verdict {
  const outside = outsideTagScope(bucket.tags, params.bucketTags, 'bucketTags', verdict);
  if (outside !== undefined) return outside;
  const region = inventory.region(bucket.accountId, bucket.region);
  if (region === undefined) {
    return verdict.error(
      `the settings of ${bucket.region} in account ${bucket.accountId}, which list the trails that log the bucket's region, are not in the inventory`,
    );
  }
  const arns = region.config.trailArns;
  if (isUnknown(arns)) return verdict.unreadable(`trails that log ${bucket.region}`, arns);
  // Every trail is looked up (an unreadable one ends the evaluation, wherever it is listed), but the
  // others are judged in words only when none records the bucket's events: the common case is a pass.
  const trails = arns.map((arn) => inventory.get('AWS::CloudTrail::Trail', arn));
  const recording = trails.findIndex((trail) => recordsEvents(trail, bucket.arn, kind));
  const good = recording >= 0 ? judgeTrail(arns[recording]!, trails[recording], bucket, kind) : undefined;
  if (good?.outcome === 'records')
    return verdict.pass(() => `${good.arn} records S3 object ${kind} events of ${describeScope(good.scope)}, this bucket included`);
  const judgements = arns.map((arn, i) => judgeTrail(arn, trails[i], bucket, kind));
  const undecided = judgements.filter((j) => j.outcome === 'undecided');
  if (undecided.length > 0) {
    return verdict.error(
      `no trail is proven to record the bucket's object ${kind} events, and ${undecided.length === 1 ? 'one trail' : `${undecided.length} trails`} could not be judged: ${undecided.map((j) => `${j.arn}: ${j.unreadable.join(', ')}`).join('; ')}`,
      { trails: judgements },
    );
  }
  if (judgements.length === 0) return verdict.fail(`no trail logs ${bucket.region}, so no object ${kind} events of the bucket are recorded`, { trails: [] });
  return verdict.fail(
    `no logging trail records the bucket's object ${kind} events: ${judgements.map((j) => (j.outcome === 'falls-short' ? `${j.arn} ${j.shortfalls.join(' and ')}` : j.arn)).join('; ')}`,
    { trails: judgements },
  );
}
