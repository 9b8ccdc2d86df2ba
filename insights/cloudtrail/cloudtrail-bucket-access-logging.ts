import { defineInsight } from '../../src/engine/define-insight.js';
import { policyMayAdmitCloudTrail, TRAIL_BUCKET_FIELDS, trailsDeliveringTo } from '../../src/analysis/trail-buckets.js';
import { isUnknown } from '../../src/model/unknown.js';

/**
 * Judged per bucket rather than per trail: the buckets stream past one by one and only the trails,
 * which are few, are looked up, so a scan does not hold every bucket in memory.
 */
export default defineInsight({
  id: 'cloudtrail-bucket-access-logging',
  title: 'The S3 bucket of each CloudTrail trail has server access logging',
  resourceType: 'AWS::S3::Bucket',
  severity: 'low',
  description:
    'Checks that a bucket that a CloudTrail trail delivers to logs the requests made to it (S3 server access logging). Trails of every scanned account count, so the bucket of an organization trail in a log-archive account is judged too; buckets no scanned trail delivers to are not applicable, unless some trail could not be listed and the bucket policy lets CloudTrail write: then the answer is an error.',
  rationale:
    'Access logs of the trail bucket show who read, changed or deleted the audit trail itself; without them an intrusion that touches the logs leaves no trace (CIS AWS 4.4).',
  remediation: {
    cli: 'aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"<trail-bucket>/"}}\'',
    console:
      'S3 console > the trail bucket > Properties > Server access logging > Edit > Enable > choose a target bucket (not the trail bucket itself) > Save changes.',
  },
  reads: { self: ['logging', 'policy'], lookups: { 'AWS::CloudTrail::Trail': TRAIL_BUCKET_FIELDS } },
  evaluate(bucket, { inventory, verdict }) {
    const trails = trailsDeliveringTo(bucket, inventory).map((trail) => trail.arn);
    if (trails.length === 0) {
      // A trail that could not be listed may deliver here: only a policy without CloudTrail rules that out.
      const gap = inventory.listingGap('AWS::CloudTrail::Trail');
      if (gap === undefined) return verdict.notApplicable('no scanned CloudTrail trail delivers to this bucket');
      const policy = bucket.config.policy;
      if (isUnknown(policy))
        return verdict.unreadable(`not every trail could be listed (${gap}), and the bucket policy that would show whether CloudTrail may write here`, policy);
      if (!policyMayAdmitCloudTrail(policy))
        return verdict.notApplicable('no scanned CloudTrail trail delivers to this bucket, and its policy does not let CloudTrail write to it');
      return verdict.error(
        `the bucket policy lets CloudTrail write to this bucket, and not every trail could be listed (${gap}): whether a trail delivers here is unknown`,
        { listingGap: gap },
      );
    }
    const named = trails.length === 1 ? `the trail ${trails[0]}` : `${trails.length} trails`;
    const logging = bucket.config.logging;
    if (isUnknown(logging)) return verdict.unreadable(`server access logging of the bucket ${named} delivers to`, logging);
    return logging === null
      ? verdict.fail(`${named} deliver${trails.length === 1 ? 's' : ''} to this bucket, which has no server access logging`, { trails, logging: null })
      : verdict.pass(`the trail bucket logs its requests to ${logging.targetBucket}`);
  },
});
