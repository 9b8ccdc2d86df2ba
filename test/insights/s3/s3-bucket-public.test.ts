import bucketPublic from '../../../insights/s3/s3-bucket-public.js';
import { account, s3Bucket } from '../../../src/model/builders.js';
import type { PublicAccessBlock } from '../../../src/model/common.js';
import type { AclGrant } from '../../../src/model/types/s3/bucket.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const BUCKET = 'arn:aws:s3:::example-bucket';
const OFF: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
const openAccount = account({ s3PublicAccessBlock: null });
const tlsDeny = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [BUCKET, `${BUCKET}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const policy = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: [tlsDeny, ...statements] });
const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` };
const publicWrite = { Sid: 'PublicWrite', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${BUCKET}/*` };
const allUsersRead: AclGrant = { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' };
const ownerGrant: AclGrant = { grantee: { type: 'CanonicalUser', id: 'owner-canonical-id' }, permission: 'FULL_CONTROL' };
const website = { intendedPublicTags: { purpose: 'website' } };

testInsight(bucketPublic, [
  {
    name: 'Block Public Access on and no public grant',
    resource: s3Bucket(),
    inventory: [account()],
    status: 'pass',
    reason: /neither the bucket policy nor the ACL/,
  },
  {
    name: 'public policy neutralised by the account RestrictPublicBuckets',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicRead) }),
    inventory: [account({ s3PublicAccessBlock: { ...OFF, restrictPublicBuckets: true } })],
    status: 'pass',
    reason: /statement 2 \(Sid "PublicRead"\)\) are neutralised by RestrictPublicBuckets \(account\)/,
  },
  {
    name: 'public ACL neutralised by BucketOwnerEnforced',
    resource: s3Bucket({ publicAccessBlock: null, acl: { ownerId: 'owner-canonical-id', grants: [ownerGrant, allUsersRead] } }),
    inventory: [openAccount],
    status: 'pass',
    reason: /BucketOwnerEnforced/,
  },
  {
    name: 'public policy with Block Public Access off',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicRead) }),
    inventory: [openAccount],
    status: 'fail',
    reason: /public \(read\): statement 2 \(Sid "PublicRead"\) grants s3:GetObject to "\*".*Blocked by: RestrictPublicBuckets/,
    evidence: {
      paths: [{ source: 'statement 2 (Sid "PublicRead")', actions: ['s3:GetObject'], accessLevels: ['read'] }],
      blockPublicAccess: { RestrictPublicBuckets: 'off', BlockPublicPolicy: 'off' },
    },
  },
  {
    name: 'BlockPublicPolicy alone leaves an existing public policy effective',
    resource: s3Bucket({ publicAccessBlock: { ...OFF, blockPublicPolicy: true, blockPublicAcls: true }, policy: policy(publicRead) }),
    inventory: [openAccount],
    status: 'fail',
  },
  {
    name: 'ACL grant to AllUsers with ACLs enabled',
    resource: s3Bucket({
      publicAccessBlock: null,
      objectOwnership: 'ObjectWriter',
      acl: { ownerId: 'owner-canonical-id', grants: [ownerGrant, allUsersRead] },
    }),
    inventory: [openAccount],
    status: 'fail',
    evidence: { paths: [{ source: 'ACL grant READ to AllUsers', accessLevels: ['list'] }] },
  },
  {
    name: 'IfExists trap on a VPC endpoint condition',
    resource: s3Bucket({
      publicAccessBlock: null,
      policy: policy({ ...publicRead, Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
    }),
    inventory: [openAccount],
    status: 'fail',
    reason: /carry no aws:SourceVpce/,
  },
  {
    name: 'VPC endpoint restricted policy with Block Public Access off',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy({ ...publicRead, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }) }),
    inventory: [openAccount],
    status: 'pass',
  },
  {
    name: 'CloudFront OAC policy with Block Public Access off',
    resource: s3Bucket({
      publicAccessBlock: null,
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111111111111:distribution/EDFDVBD6EXAMPLE' } },
      }),
    }),
    inventory: [openAccount],
    status: 'pass',
  },
  {
    name: 'account settings not collected, but the bucket blocks everything',
    resource: s3Bucket({ policy: policy(publicRead) }),
    status: 'pass',
  },
  {
    name: 'public policy readable but the account settings were not collected',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicRead) }),
    status: 'error',
    reason: /account-level Block Public Access could not be read \(the account settings \(AWS::Account\) were not collected\)/,
  },
  {
    name: 'bucket policy unreadable with Block Public Access off',
    resource: s3Bucket({ publicAccessBlock: null, policy: unknown('AccessDenied: s3:GetBucketPolicy') }),
    inventory: [openAccount],
    status: 'error',
    reason: /bucket policy could not be read \(AccessDenied/,
  },
  {
    name: 'policy and ACL unreadable, neutralised anyway',
    resource: s3Bucket({ policy: unknown('AccessDenied: s3:GetBucketPolicy'), acl: unknown('AccessDenied: s3:GetBucketAcl') }),
    inventory: [account()],
    status: 'pass',
  },
  {
    name: 'several unreadable inputs are all named',
    resource: s3Bucket({ publicAccessBlock: unknown('AccessDenied: s3:GetBucketPublicAccessBlock'), policy: unknown('AccessDenied: s3:GetBucketPolicy') }),
    inventory: [openAccount],
    status: 'error',
    reason: /bucket policy could not be read.*bucket-level Block Public Access could not be read/,
  },
  {
    name: 'malformed bucket policy with Block Public Access off',
    resource: s3Bucket({ publicAccessBlock: null, policy: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }),
    inventory: [openAccount],
    status: 'error',
    reason: /cannot be analysed: statement 1/,
  },
  {
    name: 'website bucket tagged public by design, read only',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicRead) }, { tags: { purpose: 'website' } }),
    inventory: [openAccount],
    params: website,
    status: 'not-applicable',
  },
  {
    name: 'website bucket tagged public by design but publicly writable',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicWrite) }, { tags: { purpose: 'website' } }),
    inventory: [openAccount],
    params: website,
    status: 'fail',
    reason: /public \(read, write\)/,
  },
  {
    name: 'public read on an untagged bucket when websites are declared',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicRead) }),
    inventory: [openAccount],
    params: website,
    status: 'fail',
  },
  {
    name: 'public read with unreadable tags when websites are declared',
    resource: s3Bucket({ publicAccessBlock: null, policy: policy(publicRead) }, { tags: unknown('AccessDenied: s3:GetBucketTagging') }),
    inventory: [openAccount],
    params: website,
    status: 'error',
    reason: /tags/,
  },
]);
