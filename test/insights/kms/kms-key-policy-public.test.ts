import keyPolicyPublic from '../../../insights/kms/kms-key-policy-public.js';
import { kmsKey } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const OWNER = '111111111111';
const SAAS = '222222222222';
const rootStatement = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:root` }, Action: 'kms:*', Resource: '*' };
const policy = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: [rootStatement, ...statements] });
const use = ['kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
const saasUse = { Sid: 'AllowSaasUse', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SAAS}:root` }, Action: use, Resource: '*' };
const everyone = (condition?: Record<string, unknown>) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: use,
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});

testInsight(keyPolicyPublic, [
  { name: 'default key policy', resource: kmsKey(), status: 'pass', reason: /within the key account/ },
  {
    name: 'shared with a trusted SaaS account',
    resource: kmsKey({ policy: policy(saasUse) }),
    params: { trustedAccounts: [SAAS] },
    status: 'pass',
    reason: /trusted accounts/,
  },
  {
    name: 'shared with an untrusted account',
    resource: kmsKey({ policy: policy(saasUse) }),
    status: 'fail',
    reason: /grants kms:Decrypt, kms:GenerateDataKey\*, kms:DescribeKey to account 222222222222 \(statement 2 \(Sid "AllowSaasUse"\)\)/,
    evidence: { externalAccess: [{ to: `account ${SAAS}`, accessLevels: ['read', 'write'] }] },
  },
  {
    name: 'open to everyone',
    resource: kmsKey({ policy: policy(everyone()) }),
    status: 'fail',
    reason: /lets anyone use the key/,
    evidence: { publicStatements: ['statement 2 (Sid "Everyone")'] },
  },
  {
    name: 'everyone through kms:ViaService only',
    resource: kmsKey({ policy: policy(everyone({ StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } })) }),
    status: 'fail',
  },
  {
    name: 'everyone limited to the key account by kms:CallerAccount',
    resource: kmsKey({ policy: policy(everyone({ StringEquals: { 'kms:CallerAccount': OWNER } })) }),
    status: 'pass',
  },
  {
    name: 'IfExists trap on kms:CallerAccount',
    resource: kmsKey({ policy: policy(everyone({ StringEqualsIfExists: { 'kms:CallerAccount': OWNER } })) }),
    status: 'fail',
    reason: /carry no kms:CallerAccount/,
  },
  {
    name: 'everyone limited to another account by kms:CallerAccount',
    resource: kmsKey({ policy: policy(everyone({ StringEquals: { 'kms:CallerAccount': SAAS } })) }),
    status: 'fail',
    reason: /account 222222222222/,
  },
  {
    name: 'organization not trusted',
    resource: kmsKey({ policy: policy(everyone({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })) }),
    status: 'fail',
    reason: /organization o-a1b2c3d4e5/,
  },
  {
    name: 'trusted organization',
    resource: kmsKey({ policy: policy(everyone({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })) }),
    params: { trustedOrgIds: ['o-a1b2c3d4e5'] },
    status: 'pass',
  },
  {
    name: 'an untrusted grant removed by a Deny',
    resource: kmsKey({ policy: policy(saasUse, { Effect: 'Deny', Principal: { AWS: SAAS }, Action: 'kms:*', Resource: '*' }) }),
    status: 'pass',
  },
  {
    name: 'CreateGrant for AWS resources to an untrusted account is still a grant',
    resource: kmsKey({
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${SAAS}:role/app` },
        Action: 'kms:CreateGrant',
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      }),
    }),
    status: 'fail',
    evidence: { externalAccess: [{ accessLevels: ['permissions-management'] }] },
  },
  {
    name: 'AWS-managed key',
    resource: kmsKey({ manager: 'AWS', policy: policy(everyone({ StringEquals: { 'kms:CallerAccount': OWNER } })) }),
    status: 'not-applicable',
  },
  { name: 'key policy unreadable', resource: kmsKey({ policy: unknown('AccessDeniedException: kms:GetKeyPolicy') }), status: 'error', reason: /AccessDenied/ },
  {
    name: 'malformed key policy',
    resource: kmsKey({ policy: { Statement: [{ Effect: 'Permit', Principal: '*', Action: 'kms:*', Resource: '*' }] } }),
    status: 'error',
    reason: /statement 1: Effect/,
  },
]);
