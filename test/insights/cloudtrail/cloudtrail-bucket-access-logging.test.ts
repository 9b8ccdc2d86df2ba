import bucketAccessLogging from '../../../insights/cloudtrail/cloudtrail-bucket-access-logging.js';
import { cloudTrail, s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const LOG_ARCHIVE = '222222222222';
// The organization trail of the management account (the builder's default account) delivers to a bucket of the log-archive account.
const organizationTrail = cloudTrail({ isOrganizationTrail: true });
const regionalTrail = cloudTrail({ isMultiRegionTrail: false }, { id: 'regional-trail', region: 'us-east-1' });
const trailBucket = (config: Parameters<typeof s3Bucket>[0] = {}) => s3Bucket(config, { id: 'cloudtrail-logs', accountId: LOG_ARCHIVE });
const accessLogged = { logging: { targetBucket: 'access-logs', targetPrefix: 'cloudtrail-logs/' } };

testInsight(bucketAccessLogging, [
  {
    name: 'trail bucket in the log-archive account logs its requests',
    resource: trailBucket(accessLogged),
    inventory: [organizationTrail],
    status: 'pass',
    reason: /access-logs/,
  },
  {
    name: 'trail bucket without access logging',
    resource: trailBucket({ logging: null }),
    inventory: [organizationTrail],
    status: 'fail',
    reason: /organization-trail delivers to this bucket/,
    evidence: { trails: [organizationTrail.arn], logging: null },
  },
  {
    name: 'two trails deliver to a bucket without access logging',
    resource: trailBucket({ logging: null }),
    inventory: [organizationTrail, regionalTrail],
    status: 'fail',
    reason: /2 trails deliver/,
    evidence: { trails: [organizationTrail.arn, regionalTrail.arn] },
  },
  {
    name: 'logging setting of a trail bucket unreadable',
    resource: trailBucket({ logging: unknown('AccessDenied: s3:GetBucketLogging') }),
    inventory: [organizationTrail],
    status: 'error',
    reason: /AccessDenied/,
  },
  { name: 'bucket no trail delivers to', resource: s3Bucket({ logging: null }), inventory: [organizationTrail], status: 'not-applicable' },
  { name: 'no trails scanned', resource: trailBucket({ logging: null }), status: 'not-applicable' },
  {
    name: 'logging setting unreadable on a bucket no trail delivers to',
    resource: s3Bucket({ logging: unknown('AccessDenied: s3:GetBucketLogging') }),
    inventory: [organizationTrail],
    status: 'not-applicable',
  },
  { name: 'trail that delivers to no bucket', resource: trailBucket({ logging: null }), inventory: [cloudTrail({ s3BucketName: null })], status: 'not-applicable' },
  {
    name: 'bucket of the same name in another partition',
    resource: s3Bucket({ logging: null }, { id: 'cloudtrail-logs', arn: 'arn:aws-cn:s3:::cloudtrail-logs', region: 'cn-north-1' }),
    inventory: [organizationTrail],
    status: 'not-applicable',
  },
]);
