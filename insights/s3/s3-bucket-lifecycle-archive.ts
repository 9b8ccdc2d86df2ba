import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { outsideTagScope, TagSelectorParam } from '../judges/tag-scope.js';
import type { LifecycleRule } from '../../src/model/types/s3/bucket.js';
import { isUnknown } from '../../src/model/unknown.js';

/** The S3 Glacier storage classes. */
const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR']);

function ruleName(rule: LifecycleRule, index: number): string {
  return rule.id === null || rule.id === '' ? `rule ${index + 1}` : `rule "${rule.id}"`;
}

type Transition = LifecycleRule['transitions'][number];

/** Days after creation when the transition applies (a date already past counts as at once), or why it does not count. */
function transitionDays(transition: Transition, now: Date): number | string {
  if (transition.days !== null) return transition.days;
  if (transition.date === null) return 'has neither days nor a date';
  const at = Date.parse(transition.date);
  if (Number.isNaN(at)) return `has an unreadable date ${transition.date}`;
  return at <= now.getTime() ? 0 : `only starts on ${transition.date}`;
}

export default defineInsight({
  id: 's3-bucket-lifecycle-archive',
  title: 'S3 buckets archive objects to S3 Glacier',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  description:
    'Checks that an enabled lifecycle rule covering the whole bucket (empty prefix) transitions current object versions to an S3 Glacier storage class (GLACIER, DEEP_ARCHIVE or GLACIER_IR) within the maximum number of days, on the buckets the tag selector picks.',
  rationale:
    'Data kept for years (a bank requires archiving after 92 days) belongs in an archive class: it costs a fraction of S3 Standard and sits outside day-to-day access paths. A rule limited to a prefix, disabled, or moving only noncurrent versions leaves current data where it is.',
  remediation: {
    cli: 'aws s3api put-bucket-lifecycle-configuration --bucket <bucket> --lifecycle-configuration \'{"Rules":[{"ID":"archive-to-glacier","Status":"Enabled","Filter":{"Prefix":""},"Transitions":[{"Days":92,"StorageClass":"GLACIER"}]}]}\'',
    console:
      'S3 console > the bucket > Management > Create lifecycle rule > Apply to all objects in the bucket > Move current versions of objects between storage classes > Glacier Flexible Retrieval after 92 days > Create rule (put-bucket-lifecycle-configuration replaces existing rules: include them).',
  },
  reads: { self: ['tags', 'lifecycleRules'] },
  params: Type.Object(
    {
      maxDays: Type.Integer({ minimum: 0, default: 92, description: 'Latest accepted transition to an archive class, in days after object creation.' }),
      bucketTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of the buckets that must archive their objects; {} selects every bucket.',
      ),
    },
    { additionalProperties: false },
  ),
  evaluate(bucket, { params, now, verdict }) {
    const outside = outsideTagScope(bucket.tags, params.bucketTags, 'bucketTags', verdict);
    if (outside !== undefined) return outside;
    const rules = bucket.config.lifecycleRules;
    if (isUnknown(rules)) return verdict.unreadable('lifecycle configuration', rules);
    if (rules === null || rules.length === 0) return verdict.fail('the bucket has no lifecycle rules, so nothing is archived', { lifecycleRules: rules });

    const shortfalls: string[] = [];
    for (const [index, rule] of rules.entries()) {
      const name = ruleName(rule, index);
      const archives = rule.transitions.filter((t) => ARCHIVE_CLASSES.has(t.storageClass));
      if (archives.length === 0) {
        if (rule.noncurrentVersionTransitions.some((t) => ARCHIVE_CLASSES.has(t.storageClass))) {
          shortfalls.push(`${name} archives only noncurrent versions`);
        }
        continue;
      }
      if (rule.status !== 'Enabled') shortfalls.push(`${name} is disabled`);
      if (rule.prefix !== '') shortfalls.push(`${name} only covers objects under "${rule.prefix}"`);
      if (rule.status !== 'Enabled' || rule.prefix !== '') continue;
      for (const transition of archives) {
        const days = transitionDays(transition, now);
        if (typeof days === 'string') shortfalls.push(`${name}'s transition to ${transition.storageClass} ${days}`);
        else if (days > params.maxDays) shortfalls.push(`${name} archives to ${transition.storageClass} after ${days} days, later than ${params.maxDays}`);
        else return verdict.pass(`${name} archives current objects to ${transition.storageClass} after ${days} days`);
      }
    }
    const reason =
      shortfalls.length === 0
        ? 'no lifecycle rule transitions current objects to an S3 Glacier class (GLACIER, DEEP_ARCHIVE or GLACIER_IR)'
        : `no rule archives the whole bucket within ${params.maxDays} days: ${shortfalls.join('; ')}`;
    return verdict.fail(reason, { lifecycleRules: rules, maxDays: params.maxDays });
  },
});
