import encryptionCmk from '../../../insights/rds/rds-cluster-encryption-cmk.js';
import { kmsKey, rdsCluster } from '../../../src/model/builders.js';
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
  {
    name: 'customer-managed key of the account',
    resource: rdsCluster({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    status: 'pass',
    reason: /customer-managed key/,
  },
  {
    name: 'the required bank key on a tenant account',
    resource: rdsCluster({ kmsKeyId: BANK_KEY_ARN }),
    account: { tenant: 'Northwind Savings' },
    params: { tenantKeyRequired: true, requiredKeyArns: [BANK_KEY_ARN] },
    status: 'pass',
    reason: /required key/,
  },
  {
    name: 'bank key shared from a trusted account, not in the inventory',
    resource: rdsCluster({ kmsKeyId: BANK_KEY_ARN }),
    params: { trustedKeyAccounts: [BANK] },
    status: 'pass',
    reason: /trusted account 999999999999/,
  },
  {
    name: 'AWS-managed aws/rds key named by its ARN',
    resource: rdsCluster({ kmsKeyId: AWS_RDS_ARN }),
    inventory: [awsRdsKey],
    status: 'fail',
    reason: /AWS-managed/,
    evidence: { kmsKeyId: AWS_RDS_ARN, keyManager: 'AWS' },
  },
  { name: 'customer-managed key named by its alias', resource: rdsCluster({ kmsKeyId: 'alias/orders-data' }), inventory: [cmk], status: 'pass' },
  { name: 'AWS-managed key named by its alias', resource: rdsCluster({ kmsKeyId: 'alias/aws/rds' }), status: 'fail', reason: /aws\/rds/ },
  { name: 'unencrypted cluster', resource: rdsCluster({ storageEncrypted: false, kmsKeyId: null }), status: 'fail', evidence: { storageEncrypted: false } },
  {
    name: 'customer-managed key that is not the required bank key',
    resource: rdsCluster({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'fail',
    reason: /not one of the required keys/,
  },
  {
    name: 'key of an untrusted account (another tenant)',
    resource: rdsCluster({ kmsKeyId: BANK_KEY_ARN }),
    status: 'fail',
    reason: /which is not a trusted key account/,
  },
  {
    name: 'same-account key missing from the inventory could be aws/rds',
    resource: rdsCluster({ kmsKeyId: CMK_ARN }),
    status: 'error',
    reason: /not in the inventory/,
  },
  {
    name: 'key id not readable',
    resource: rdsCluster({ kmsKeyId: unknown('NotInConfig: kmsKeyId') }),
    status: 'error',
    reason: /KMS key id could not be read/,
  },
  {
    name: 'encryption flag not readable',
    resource: rdsCluster({ storageEncrypted: unknown('AccessDenied: rds:DescribeDBClusters') }),
    inventory: [cmk],
    status: 'error',
  },
  {
    name: 'tenant account with the bank key not configured',
    resource: rdsCluster({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    account: { tenant: 'Northwind Savings' },
    params: { tenantKeyRequired: true },
    status: 'error',
    reason: /Northwind Savings is not configured/,
  },
  {
    name: 'shared-services account when the rule is the tenant key',
    resource: rdsCluster({ kmsKeyId: CMK_ARN }),
    inventory: [cmk],
    params: { tenantKeyRequired: true },
    status: 'not-applicable',
  },
  { name: 'cluster being deleted', resource: rdsCluster({ status: 'deleting', kmsKeyId: 'alias/aws/rds' }), status: 'not-applicable', reason: /being deleted/ },
]);
