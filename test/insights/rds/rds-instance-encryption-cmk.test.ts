import encryptionCmk from '../../../insights/rds/rds-instance-encryption-cmk.js';
import { kmsKey, rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const CMK_ID = '11111111-2222-3333-4444-555555555555';
const CMK_ARN = `arn:aws:kms:eu-west-1:111111111111:key/${CMK_ID}`;
const AWS_RDS_ID = 'aaaaaaaa-0000-0000-0000-000000000000';
const AWS_RDS_ARN = `arn:aws:kms:eu-west-1:111111111111:key/${AWS_RDS_ID}`;
const BANK = '999999999999';
const BANK_KEY_ARN = `arn:aws:kms:eu-west-1:${BANK}:key/bbbbbbbb-0000-0000-0000-000000000000`;

const cmk = kmsKey({ aliases: ['alias/orders-data'] });
const awsRdsKey = kmsKey({ manager: 'AWS', rotation: null, aliases: ['alias/aws/rds'] }, { id: AWS_RDS_ID });

testInsight(encryptionCmk, [
  { name: 'customer-managed key of the account', resource: rdsInstance({ kmsKeyId: CMK_ARN }), inventory: [cmk], status: 'pass', reason: /customer-managed/ },
  {
    name: 'bank key shared from a trusted account, not in the inventory',
    resource: rdsInstance({ kmsKeyId: BANK_KEY_ARN }),
    params: { trustedKeyAccounts: [BANK] },
    status: 'pass',
    reason: /trusted account 999999999999/,
  },
  {
    name: 'the required bank key',
    resource: rdsInstance({ kmsKeyId: BANK_KEY_ARN }),
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'pass',
    reason: /required key/,
  },
  {
    name: 'AWS-managed aws/rds key named by its ARN',
    resource: rdsInstance({ kmsKeyId: AWS_RDS_ARN }),
    inventory: [awsRdsKey],
    status: 'fail',
    reason: /AWS-managed/,
    evidence: { kmsKeyId: AWS_RDS_ARN, keyManager: 'AWS' },
  },
  { name: 'AWS-managed key named by its alias', resource: rdsInstance({ kmsKeyId: 'alias/aws/rds' }), status: 'fail', reason: /aws\/rds/ },
  {
    name: 'encrypted without a key id is the service default key',
    resource: rdsInstance({ storageEncrypted: true, kmsKeyId: null }),
    status: 'fail',
    reason: /aws\/rds/,
  },
  { name: 'unencrypted instance', resource: rdsInstance({ storageEncrypted: false, kmsKeyId: null }), status: 'fail', evidence: { storageEncrypted: false } },
  {
    name: 'key of an untrusted account (another tenant)',
    resource: rdsInstance({ kmsKeyId: BANK_KEY_ARN }),
    status: 'fail',
    reason: /account 999999999999, which is not a trusted/,
    evidence: { keyOwnerAccountId: BANK, trustedKeyAccounts: [] },
  },
  {
    name: 'customer-managed key that is not the required one',
    resource: rdsInstance({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'fail',
    reason: /not one of the required keys/,
    evidence: { requiredKeyArns: [BANK_KEY_ARN] },
  },
  {
    name: 'required keys do not let the AWS-managed key through',
    resource: rdsInstance({ kmsKeyId: AWS_RDS_ARN }),
    inventory: [awsRdsKey],
    params: { requiredKeyArns: [AWS_RDS_ARN] },
    status: 'fail',
  },
  {
    name: 'same-account key missing from the inventory could be aws/rds',
    resource: rdsInstance({ kmsKeyId: CMK_ARN }),
    status: 'error',
    reason: /not in the inventory/,
  },
  {
    name: 'required keys cannot be compared with an unresolved alias',
    resource: rdsInstance({ kmsKeyId: 'alias/orders-data' }),
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'error',
  },
  { name: 'key id not readable', resource: rdsInstance({ kmsKeyId: unknown('AccessDenied: rds:DescribeDBInstances') }), status: 'error' },
  {
    name: 'encryption flag not readable',
    resource: rdsInstance({ storageEncrypted: unknown('AccessDenied: rds:DescribeDBInstances') }),
    inventory: [cmk],
    status: 'error',
  },
  {
    name: 'Aurora member: the key is a cluster setting',
    resource: rdsInstance({ engine: 'aurora-postgresql', clusterIdentifier: 'orders', kmsKeyId: 'alias/aws/rds' }),
    status: 'not-applicable',
  },
  { name: 'instance being deleted', resource: rdsInstance({ status: 'deleting', kmsKeyId: 'alias/aws/rds' }), status: 'not-applicable' },
  {
    name: 'tenant account with the bank key not configured',
    resource: rdsInstance({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    account: { tenant: 'Northwind Savings' },
    params: { tenantKeyRequired: true },
    status: 'error',
    reason: /Northwind Savings is not configured/,
  },
  {
    name: 'shared-services account when the rule is the tenant key',
    resource: rdsInstance({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    params: { tenantKeyRequired: true },
    status: 'not-applicable',
  },
]);
