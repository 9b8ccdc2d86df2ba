import encryptionCmk from '../../../insights/s3/s3-bucket-encryption-cmk.js';
import { kmsKey, s3Bucket } from '../../../src/model/builders.js';
import type { EncryptionRule } from '../../../src/model/types/s3/bucket.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555';
const BANK_KEY_ARN = 'arn:aws:kms:eu-west-1:999999999999:key/bank-key-0001';
const BUCKET = 'arn:aws:s3:::example-bucket';
const sse = (rule: Partial<EncryptionRule>) => ({ rules: [{ sseAlgorithm: 'aws:kms' as const, kmsMasterKeyId: KEY_ARN, bucketKeyEnabled: true, ...rule }] });
const sseS3 = sse({ sseAlgorithm: 'AES256', kmsMasterKeyId: null, bucketKeyEnabled: false });
const logsPolicy = (principal: Record<string, string>) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AlbLogs', Effect: 'Allow', Principal: principal, Action: 's3:PutObject', Resource: `${BUCKET}/AWSLogs/111111111111/*` }],
});

testInsight(encryptionCmk, [
  {
    name: 'SSE-KMS with a customer-managed key of the account',
    resource: s3Bucket(),
    inventory: [kmsKey()],
    status: 'pass',
    reason: /SSE-KMS with the customer-managed key/,
  },
  {
    name: 'DSSE-KMS with a customer-managed key',
    resource: s3Bucket({ encryption: sse({ sseAlgorithm: 'aws:kms:dsse' }) }),
    inventory: [kmsKey()],
    status: 'pass',
    reason: /DSSE-KMS/,
  },
  {
    name: 'key named by an alias of a customer-managed key',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: 'alias/bank-data' }) }),
    inventory: [kmsKey({ aliases: ['alias/bank-data'] })],
    status: 'pass',
  },
  { name: 'SSE-S3', resource: s3Bucket({ encryption: sseS3 }), status: 'fail', reason: /SSE-S3 \(AES256\)/ },
  { name: 'no default encryption configuration', resource: s3Bucket({ encryption: null }), status: 'fail', reason: /no default encryption configuration/ },
  {
    name: 'SSE-KMS with aws/s3 (no key named)',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: null }) }),
    status: 'fail',
    reason: /AWS-managed key aws\/s3/,
  },
  {
    name: 'SSE-KMS with the alias aws/s3',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: 'alias/aws/s3' }) }),
    status: 'fail',
    reason: /alias\/aws\/s3/,
  },
  {
    name: 'SSE-KMS with an AWS-managed key named by ARN',
    resource: s3Bucket(),
    inventory: [kmsKey({ manager: 'AWS' })],
    status: 'fail',
    reason: /AWS-managed key arn:/,
  },
  {
    name: 'the required bank key',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: BANK_KEY_ARN }) }),
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'pass',
  },
  {
    name: 'a customer-managed key that is not the required one',
    resource: s3Bucket(),
    inventory: [kmsKey()],
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'fail',
    reason: /not one of the required keys/,
  },
  {
    name: 'an alias not in the inventory cannot be compared with the required keys',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: 'alias/bank-data' }) }),
    params: { requiredKeyArns: [BANK_KEY_ARN] },
    status: 'error',
  },
  {
    name: 'a key of a trusted account (the bank)',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: BANK_KEY_ARN }) }),
    params: { trustedKeyAccounts: ['999999999999'] },
    status: 'pass',
    reason: /trusted account 999999999999/,
  },
  {
    name: 'a key of an untrusted account',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: BANK_KEY_ARN }) }),
    status: 'fail',
    reason: /not a trusted key account/,
  },
  { name: 'a key of the account that is not in the inventory', resource: s3Bucket(), status: 'error', reason: /not in the inventory/ },
  {
    name: 'default encryption unreadable',
    resource: s3Bucket({ encryption: unknown('AccessDenied: s3:GetEncryptionConfiguration') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'ALB access log bucket (regional ELB account) on SSE-S3',
    resource: s3Bucket({ encryption: sseS3, policy: logsPolicy({ AWS: 'arn:aws:iam::156460612806:root' }) }),
    status: 'not-applicable',
    reason: /load balancer access logs \(statement 1 \(Sid "AlbLogs"\)\)/,
  },
  {
    name: 'ALB access log bucket (log delivery service principal) on SSE-S3',
    resource: s3Bucket({ encryption: sseS3, policy: logsPolicy({ Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }) }),
    status: 'not-applicable',
  },
  {
    name: 'S3 server access log bucket on SSE-S3 is still judged',
    resource: s3Bucket({ encryption: sseS3, policy: logsPolicy({ Service: 'logging.s3.amazonaws.com' }) }),
    status: 'fail',
  },
  {
    name: 'SSE-S3 with an unreadable policy might be a load balancer log bucket',
    resource: s3Bucket({ encryption: sseS3, policy: unknown('AccessDenied: s3:GetBucketPolicy') }),
    status: 'error',
    reason: /load balancer access logs/,
  },
  {
    name: 'tenant account encrypted with its bank key',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: BANK_KEY_ARN }) }),
    account: { tenant: 'Harbor Bank' },
    params: { tenantKeyRequired: true, requiredKeyArns: [BANK_KEY_ARN] },
    status: 'pass',
    reason: /required key/,
  },
  {
    name: 'tenant account encrypted with its own customer-managed key instead of the bank key',
    resource: s3Bucket(),
    inventory: [kmsKey()],
    account: { tenant: 'Harbor Bank' },
    params: { tenantKeyRequired: true, requiredKeyArns: [BANK_KEY_ARN] },
    status: 'fail',
    reason: /not one of the required keys/,
  },
  {
    name: 'tenant account whose bank key is not configured',
    resource: s3Bucket({ encryption: sse({ kmsMasterKeyId: BANK_KEY_ARN }) }),
    account: { tenant: 'Harbor Bank' },
    params: { tenantKeyRequired: true },
    status: 'error',
    reason: /key of tenant Harbor Bank is not configured/,
  },
  {
    name: 'account that serves no tenant, when the rule is the tenant key',
    resource: s3Bucket(),
    inventory: [kmsKey()],
    params: { tenantKeyRequired: true },
    status: 'not-applicable',
    reason: /serves no tenant/,
  },
]);
