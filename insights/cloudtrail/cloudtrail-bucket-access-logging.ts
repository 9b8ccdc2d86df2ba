import { defineInsight } from '../../src/engine/define-insight.js';
import { trailOfAnotherAccount } from '../../src/analysis/trail-owner.js';
import { arnFor } from '../../src/model/arn.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'cloudtrail-bucket-access-logging',
  title: 'The S3 bucket of each CloudTrail trail has server access logging',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'low',
  description:
    'Checks that the bucket a trail delivers to logs the requests made to it (S3 server access logging). The bucket is looked up in the inventory, whichever scanned account owns it (often a log-archive account).',
  rationale:
    'Access logs of the trail bucket show who read, changed or deleted the audit trail itself; without them an intrusion that touches the logs leaves no trace (CIS AWS 4.4).',
  remediation: {
    cli: 'aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"<trail-bucket>/"}}\'',
    console: 'S3 console > the trail bucket > Properties > Server access logging > Edit > Enable > choose a target bucket (not the trail bucket itself) > Save changes.',
  },
  reads: { self: ['s3BucketName'], lookups: { 'AWS::S3::Bucket': ['logging'] } },
  evaluate(trail, { inventory, verdict }) {
    const other = trailOfAnotherAccount(trail, verdict);
    if (other !== undefined) return other;
    const name = trail.config.s3BucketName;
    if (name === null) return verdict.notApplicable('the trail delivers to no S3 bucket');
    // Bucket ARNs carry no account or region: the lookup finds the bucket in any scanned account.
    const bucket = inventory.get('AWS::S3::Bucket', arnFor('AWS::S3::Bucket', trail.accountId, trail.region, name));
    if (bucket === undefined) return verdict.error(`the trail bucket ${name} is not in the inventory (scan the account that owns it)`, { s3BucketName: name });
    const logging = bucket.config.logging;
    if (isUnknown(logging)) return verdict.unreadable(`server access logging of ${name}`, logging);
    return logging === null
      ? verdict.fail(`the trail bucket ${name} has no server access logging`, { s3BucketName: name, logging: null })
      : verdict.pass(`the trail bucket ${name} logs its requests to ${logging.targetBucket}`);
  },
});
