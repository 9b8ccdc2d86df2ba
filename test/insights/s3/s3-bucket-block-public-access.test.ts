import bucketBlock from '../../../insights/s3/s3-bucket-block-public-access.js';
import { account, s3Bucket } from '../../../src/model/builders.js';
import type { PublicAccessBlock } from '../../../src/model/common.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const ON: PublicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const OFF: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };

testInsight(bucketBlock, [
  {
    name: 'on at the account level, none on the bucket',
    resource: s3Bucket({ publicAccessBlock: null }),
    inventory: [account({ s3PublicAccessBlock: ON })],
    status: 'pass',
    reason: /BlockPublicAcls \(account\)/,
  },
  {
    name: 'no account-level block, every setting on the bucket (CIS passes this)',
    resource: s3Bucket({ publicAccessBlock: ON }),
    inventory: [account({ s3PublicAccessBlock: null })],
    status: 'pass',
    reason: /RestrictPublicBuckets \(bucket\)/,
  },
  {
    name: 'settings split between account and bucket',
    resource: s3Bucket({ publicAccessBlock: { ...OFF, ignorePublicAcls: true, restrictPublicBuckets: true } }),
    inventory: [account({ s3PublicAccessBlock: { ...OFF, blockPublicAcls: true, blockPublicPolicy: true } })],
    status: 'pass',
  },
  {
    name: 'off at both levels',
    resource: s3Bucket({ publicAccessBlock: null }),
    inventory: [account({ s3PublicAccessBlock: null })],
    status: 'fail',
    evidence: { off: ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] },
  },
  {
    name: 'one setting off at both levels',
    resource: s3Bucket({ publicAccessBlock: { ...ON, restrictPublicBuckets: false } }),
    inventory: [account({ s3PublicAccessBlock: { ...ON, restrictPublicBuckets: false } })],
    status: 'fail',
    reason: /^RestrictPublicBuckets is off/,
  },
  {
    name: 'bucket settings unreadable where the account leaves one setting off',
    resource: s3Bucket({ publicAccessBlock: unknown('AccessDenied: s3:GetBucketPublicAccessBlock') }),
    inventory: [account({ s3PublicAccessBlock: { ...ON, ignorePublicAcls: false } })],
    status: 'error',
    reason: /IgnorePublicAcls: bucket-level Block Public Access \(AccessDenied/,
  },
  {
    name: 'bucket settings unreadable and the account block off',
    resource: s3Bucket({ publicAccessBlock: unknown('AccessDenied: s3:GetBucketPublicAccessBlock') }),
    inventory: [account({ s3PublicAccessBlock: null })],
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'bucket settings unreadable, all on at the account level',
    resource: s3Bucket({ publicAccessBlock: unknown('AccessDenied: s3:GetBucketPublicAccessBlock') }),
    inventory: [account({ s3PublicAccessBlock: ON })],
    status: 'pass',
  },
  { name: 'account settings not collected, bucket off', resource: s3Bucket({ publicAccessBlock: null }), status: 'error', reason: /were not collected/ },
  { name: 'account settings not collected, bucket all on', resource: s3Bucket({ publicAccessBlock: ON }), status: 'pass' },
  {
    name: 'account declared to serve public content',
    resource: s3Bucket({ publicAccessBlock: null }, { accountId: '222222222222' }),
    params: { publicContentAccounts: ['222222222222'] },
    status: 'not-applicable',
  },
]);
