import bucketAccessLogging from '../../../insights/cloudtrail/cloudtrail-bucket-access-logging.js';
import { cloudTrail, s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';
import type { CoverageEntry } from '../../../src/snapshot/coverage.js';

const LOG_ARCHIVE = '222222222222';
// The organization trail of the management account (the builder's default account) delivers to a bucket of the log-archive account.
const organizationTrail = cloudTrail({ isOrganizationTrail: true });
const regionalTrail = cloudTrail({ isMultiRegionTrail: false }, { id: 'regional-trail', region: 'us-east-1' });
const trailBucket = (config: Parameters<typeof s3Bucket>[0] = {}) => s3Bucket(config, { id: 'cloudtrail-logs', accountId: LOG_ARCHIVE });
// DescribeTrails denied in the management account: its organization trail is not seen.
const trailsDenied: CoverageEntry = {
  accountId: '111111111111',
  region: 'eu-west-1',
  service: 'cloudtrail',
  operation: 'DescribeTrails',
  resourceType: 'AWS::CloudTrail::Trail',
  error: { code: 'AccessDeniedException', message: 'User is not authorized to perform: cloudtrail:DescribeTrails' },
};
const cloudTrailWrites = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AWSCloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: 'arn:aws:s3:::cloudtrail-logs',
    },
    {
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::cloudtrail-logs/AWSLogs/o-exampleorgid/*',
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
  ],
};
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
  {
    name: 'a trail listing failed and the bucket policy lets CloudTrail write: an unlisted trail may deliver here',
    resource: trailBucket({ logging: null, policy: cloudTrailWrites }),
    coverage: [trailsDenied],
    status: 'error',
    reason: /not every trail could be listed \(cloudtrail:DescribeTrails failed in account 111111111111/,
  },
  {
    name: 'a trail listing failed, but the bucket policy gives CloudTrail no way in',
    resource: trailBucket({ logging: null, policy: null }),
    coverage: [trailsDenied],
    status: 'not-applicable',
    reason: /its policy does not let CloudTrail write/,
  },
  {
    name: 'a trail listing failed and the bucket policy is unreadable',
    resource: trailBucket({ logging: null, policy: unknown('AccessDenied: s3:GetBucketPolicy') }),
    coverage: [trailsDenied],
    status: 'error',
  },
  {
    name: 'a trail listing failed, yet a listed trail delivers here: judged on it',
    resource: trailBucket({ logging: null, policy: cloudTrailWrites }),
    inventory: [organizationTrail],
    coverage: [trailsDenied],
    status: 'fail',
  },
  {
    name: 'trail that delivers to no bucket',
    resource: trailBucket({ logging: null }),
    inventory: [cloudTrail({ s3BucketName: null })],
    status: 'not-applicable',
  },
  {
    name: 'bucket of the same name in another partition',
    resource: s3Bucket({ logging: null }, { id: 'cloudtrail-logs', arn: 'arn:aws-cn:s3:::cloudtrail-logs', region: 'cn-north-1' }),
    inventory: [organizationTrail],
    status: 'not-applicable',
  },
]);
