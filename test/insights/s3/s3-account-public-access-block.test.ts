import accountBlock from '../../../insights/s3/s3-account-public-access-block.js';
import { account } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

testInsight(accountBlock, [
  { name: 'all four settings on', resource: account(), status: 'pass' },
  {
    name: 'no configuration',
    resource: account({ s3PublicAccessBlock: null }),
    status: 'fail',
    reason: /all four settings are off/,
    evidence: { s3PublicAccessBlock: null },
  },
  {
    name: 'RestrictPublicBuckets off',
    resource: account({ s3PublicAccessBlock: { ...ON, restrictPublicBuckets: false } }),
    status: 'fail',
    reason: /^RestrictPublicBuckets is off/,
    evidence: { off: ['RestrictPublicBuckets'] },
  },
  {
    name: 'only the blocks of new grants on',
    resource: account({ s3PublicAccessBlock: { ...ON, ignorePublicAcls: false, restrictPublicBuckets: false } }),
    status: 'fail',
    reason: /IgnorePublicAcls, RestrictPublicBuckets are off/,
  },
  {
    name: 'access denied',
    resource: account({ s3PublicAccessBlock: unknown('AccessDenied: s3:GetAccountPublicAccessBlock') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'account declared to serve public content',
    resource: account({ s3PublicAccessBlock: null }, { accountId: '222222222222' }),
    params: { publicContentAccounts: ['222222222222'] },
    status: 'not-applicable',
  },
  {
    name: 'another account than the declared one',
    resource: account({ s3PublicAccessBlock: null }),
    params: { publicContentAccounts: ['222222222222'] },
    status: 'fail',
  },
]);
