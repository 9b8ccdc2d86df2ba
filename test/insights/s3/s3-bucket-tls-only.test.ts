import tlsOnly from '../../../insights/s3/s3-bucket-tls-only.js';
import { s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const BUCKET = 'arn:aws:s3:::example-bucket';
const insecure = { Bool: { 'aws:SecureTransport': 'false' } };
const deny = (overrides: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'TLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`], Condition: insecure, ...overrides }],
});

testInsight(tlsOnly, [
  {
    name: 'the documented TLS-only statement',
    resource: s3Bucket(),
    status: 'pass',
    reason: /Sid "DenyInsecureTransport"\) denies every request made without TLS/,
  },
  {
    name: 'Action "*" on Resource "*" for {"AWS": "*"}',
    resource: s3Bucket({ policy: deny({ Principal: { AWS: '*' }, Action: '*', Resource: '*' }) }),
    status: 'pass',
  },
  { name: 'no bucket policy', resource: s3Bucket({ policy: null }), status: 'fail', reason: /no policy/ },
  {
    name: 'an Allow that requires TLS',
    resource: s3Bucket({ policy: deny({ Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) }),
    status: 'fail',
    reason: /is an Allow/,
  },
  { name: 'a Deny of GetObject only', resource: s3Bucket({ policy: deny({ Action: 's3:GetObject' }) }), status: 'fail', reason: /does not cover s3:\*/ },
  {
    name: 'a Deny on the objects only',
    resource: s3Bucket({ policy: deny({ Resource: `${BUCKET}/*` }) }),
    status: 'fail',
    reason: /does not cover arn:aws:s3:::example-bucket/,
  },
  {
    name: 'a Deny that also requires a source IP',
    resource: s3Bucket({ policy: deny({ Condition: { ...insecure, NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }) }),
    status: 'fail',
    reason: /also requires NotIpAddress aws:SourceIp/,
  },
  {
    name: 'a policy without any TLS statement',
    resource: s3Bucket({
      policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:*', Resource: `${BUCKET}/*` }] },
    }),
    status: 'fail',
    reason: /no statement of the bucket policy/,
  },
  { name: 'policy unreadable', resource: s3Bucket({ policy: unknown('AccessDenied: s3:GetBucketPolicy') }), status: 'error', reason: /AccessDenied/ },
  {
    name: 'malformed policy',
    resource: s3Bucket({ policy: { Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] } }),
    status: 'error',
    reason: /cannot be analysed/,
  },
  {
    name: 'bucket outside the tag selector',
    resource: s3Bucket({ policy: null }),
    params: { bucketTags: { 'data-class': 'confidential' } },
    status: 'not-applicable',
  },
]);
