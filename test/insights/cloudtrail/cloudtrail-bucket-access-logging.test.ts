import bucketAccessLogging from '../../../insights/cloudtrail/cloudtrail-bucket-access-logging.js';
import { cloudTrail, s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

// The trail bucket usually lives in a log-archive account: the lookup finds it there.
const logged = s3Bucket({ logging: { targetBucket: 'access-logs', targetPrefix: 'cloudtrail-logs/' } }, { id: 'cloudtrail-logs', accountId: '222222222222' });
const unlogged = s3Bucket({ logging: null }, { id: 'cloudtrail-logs' });

testInsight(bucketAccessLogging, [
  { name: 'trail bucket in the log-archive account logs its requests', resource: cloudTrail(), inventory: [logged], status: 'pass', reason: /access-logs/ },
  { name: 'trail bucket without access logging', resource: cloudTrail(), inventory: [unlogged], status: 'fail', evidence: { s3BucketName: 'cloudtrail-logs' } },
  { name: 'trail bucket not scanned', resource: cloudTrail(), status: 'error', reason: /not in the inventory/ },
  { name: 'logging setting unreadable', resource: cloudTrail(), inventory: [s3Bucket({ logging: unknown('AccessDenied: s3:GetBucketLogging') }, { id: 'cloudtrail-logs' })], status: 'error' },
  { name: 'trail without a bucket', resource: cloudTrail({ s3BucketName: null }), status: 'not-applicable' },
  { name: 'trail of another account', resource: cloudTrail({}, { arn: 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/org' }), status: 'not-applicable' },
]);
