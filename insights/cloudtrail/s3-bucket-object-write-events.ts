import { defineInsight } from '../../src/engine/define-insight.js';
import { evaluateS3ObjectEvents, S3_OBJECT_EVENT_READS, S3ObjectEventParams } from '../judges/s3-data-events.js';

export default defineInsight({
  id: 's3-bucket-object-write-events',
  title: 'CloudTrail records object-level write events of each S3 bucket',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  description:
    "Checks, per bucket, that a logging CloudTrail trail that logs the bucket's region records S3 data events of the write kind (PutObject, DeleteObject, ...) for every object of the bucket: for all buckets, or for a prefix that takes in the whole bucket. Optionally only buckets selected by tags.",
  rationale:
    'Management events do not show who wrote, overwrote or deleted objects; without object-level write events a tampered or destroyed object leaves no trace of who did it, and an investigation cannot tell what an intruder changed (CIS AWS 4.8).',
  remediation: {
    cli: 'aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors \'[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"S3 object events","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]\'  # replaces the trail\'s event selectors: keep those it has',
    console:
      'CloudTrail console > Trails > the (multi-region) trail > Data events > Edit > Data event type: S3 > Log selector template: Log all events (or Log writeOnly events) > Save changes.',
  },
  reads: S3_OBJECT_EVENT_READS,
  params: S3ObjectEventParams,
  evaluate: (bucket, context) => evaluateS3ObjectEvents(bucket, 'write', context),
});
