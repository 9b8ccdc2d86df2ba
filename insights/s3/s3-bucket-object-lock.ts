import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { outsideTagScope, TagSelectorParam } from '../judges/tag-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

/** Object Lock counts a year of default retention as 365 days. */
const DAYS_PER_YEAR = 365;

export default defineInsight({
  id: 's3-bucket-object-lock',
  title: 'S3 buckets keep objects immutable (Object Lock WORM in COMPLIANCE mode)',
  resourceType: 'AWS::S3::Bucket',
  severity: 'high',
  description:
    'Checks that Object Lock is enabled with a default retention in COMPLIANCE mode of at least the minimum number of days (six years by default, years counting as 365 days), on the buckets the tag selector picks.',
  rationale:
    "Records that must be kept unaltered (SEC Rule 17a-4(f), a bank's retention rules) need write-once-read-many storage. In COMPLIANCE mode no user, not even the root user, can delete or overwrite a locked object version or shorten its retention; GOVERNANCE mode can be bypassed with s3:BypassGovernanceRetention, and without a default retention only uploads that set one are locked.",
  remediation: {
    cli: 'aws s3api put-object-lock-configuration --bucket <bucket> --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"COMPLIANCE","Years":6}}}\'',
    console:
      'S3 console > the bucket > Properties > Object Lock > Edit > Default retention: Enable, mode Compliance, 6 years > Save. A bucket created without Object Lock needs versioning first (and, for older buckets, AWS Support).',
  },
  reads: { self: ['tags', 'objectLock'] },
  params: Type.Object(
    {
      minRetentionDays: Type.Integer({ minimum: 1, default: 2190, description: 'Shortest accepted default retention, in days (2190 = 6 years).' }),
      bucketTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of the buckets that must keep objects immutable; {} selects every bucket.',
      ),
    },
    { additionalProperties: false },
  ),
  evaluate(bucket, { params, verdict }) {
    const outside = outsideTagScope(bucket.tags, params.bucketTags, 'bucketTags', verdict);
    if (outside !== undefined) return outside;
    const objectLock = bucket.config.objectLock;
    if (isUnknown(objectLock)) return verdict.unreadable('Object Lock configuration', objectLock);
    if (objectLock === null || !objectLock.enabled) return verdict.fail('Object Lock is not enabled on the bucket', { objectLock });
    const retention = objectLock.defaultRetention;
    if (retention === null) {
      return verdict.fail('Object Lock is enabled without a default retention, so only uploads that set their own retention are locked', { objectLock });
    }
    const days = retention.days ?? (retention.years === null ? null : retention.years * DAYS_PER_YEAR);
    if (days === null) return verdict.error('the default retention states neither days nor years', { objectLock });
    const period = retention.days !== null ? `${retention.days} days` : `${retention.years} years (${days} days)`;
    if (retention.mode !== 'COMPLIANCE') {
      return verdict.fail(`the default retention is in ${retention.mode} mode, which users with s3:BypassGovernanceRetention can override`, { objectLock });
    }
    if (days < params.minRetentionDays) {
      return verdict.fail(`the default retention of ${period} is shorter than the required ${params.minRetentionDays} days`, {
        objectLock,
        minRetentionDays: params.minRetentionDays,
      });
    }
    return verdict.pass(`Object Lock keeps objects in COMPLIANCE mode for ${period}`);
  },
});
