import { Type } from '@sinclair/typebox';
import { customerManagedKeyParams, judgeCustomerManagedKey, outsideTenantScope } from '../judges/customer-managed-key.js';
import { defineInsight } from '../../src/engine/define-insight.js';
import { actionSetMayInclude } from '../../src/analysis/policy/actions.js';
import { awsServiceAccount, ELB_LOG_DELIVERY_SERVICE, isElbLogDelivery } from '../../src/analysis/policy/aws-service-accounts.js';
import type { PrincipalScan } from '../../src/analysis/policy/principal-scan.js';
import { resolveKmsKeyReference, type KmsKeyReference } from '../../src/analysis/kms-key-reference.js';
import { readBucketPolicy, type BucketPolicyReading } from '../../src/analysis/s3-bucket-policy.js';
import type { Inventory } from '../../src/engine/inventory.js';
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import type { Resource } from '../../src/model/resource.js';
import type { EncryptionRule } from '../../src/model/types/s3/bucket.js';
import { isUnknown } from '../../src/model/unknown.js';

type Bucket = Resource<'AWS::S3::Bucket'>;

/** The default-encryption rule that names a KMS key: any but SSE-S3 (AES256). */
function kmsRule(bucket: Bucket): EncryptionRule | undefined {
  const { encryption } = bucket.config;
  return isUnknown(encryption) || encryption === null ? undefined : encryption.rules.find((r) => r.sseAlgorithm !== 'AES256');
}

/** The key of the bucket's default encryption, resolved once per bucket for every parameter set (a ResourceAnalysis). */
function defaultEncryptionKey(bucket: Bucket, inventory: Inventory): KmsKeyReference {
  return resolveKmsKeyReference(kmsRule(bucket)?.kmsMasterKeyId ?? null, bucket, inventory);
}

/** Whether a policy whose Allow principals were scanned may let Elastic Load Balancing deliver logs. */
function mayDeliverElbLogs(principals: PrincipalScan): boolean {
  if (principals.kind === 'complex' || principals.services.has(ELB_LOG_DELIVERY_SERVICE)) return true;
  for (const account of principals.accounts) if (awsServiceAccount(account) !== undefined) return true;
  return false;
}

/**
 * A bucket that only SSE-S3 suits: Application and Classic Load Balancers deliver access logs only
 * to buckets encrypted with SSE-S3, and the bucket policy that lets them write names them.
 */
function sseS3Verdict(
  bucket: Bucket,
  reason: string,
  encryption: Bucket['config']['encryption'],
  policy: BucketPolicyReading | undefined,
  verdict: VerdictFactory,
): Verdict {
  const document = bucket.config.policy;
  if (isUnknown(document)) {
    return verdict.error(`${reason}, and whether the bucket receives load balancer access logs (which support only SSE-S3) could not be read`, {
      encryption,
      unreadable: 'bucket policy',
      cause: document.$unknown,
    });
  }
  // Only named principals, none of them Elastic Load Balancing: no log delivery, no full analysis needed.
  if (policy !== undefined && mayDeliverElbLogs(policy.principals)) {
    const result = policy.analysis();
    if (!result.ok) return verdict.error(`${reason}, and the bucket policy cannot be analysed: ${result.error}`, { encryption });
    const elb = result.analysis.grants.find((g) => isElbLogDelivery(g.principal) && actionSetMayInclude(g.actions, 's3:PutObject'));
    if (elb !== undefined) {
      return verdict.notApplicable(
        `the bucket receives load balancer access logs (${elb.statement}), which Elastic Load Balancing delivers only to SSE-S3 buckets`,
      );
    }
  }
  return verdict.fail(reason, { encryption });
}

export default defineInsight({
  id: 's3-bucket-encryption-cmk',
  title: 'S3 buckets encrypt by default with a customer-managed KMS key',
  resourceType: 'AWS::S3::Bucket',
  severity: 'high',
  description:
    'Checks that the default encryption of S3 buckets is SSE-KMS or DSSE-KMS with a customer-managed key: one of the required keys when any are listed, otherwise any customer-managed key owned by the bucket account or by a trusted key account. SSE-S3 and the AWS-managed key aws/s3 fail.',
  rationale:
    'With SSE-S3 or aws/s3, anyone allowed to read an object gets it decrypted, and the key policy cannot be changed or revoked. A customer-managed key adds a second, separately governed permission, lets the data owner (for a bank, its own key shared with the SaaS account) cut off access by disabling the key, and logs every use in CloudTrail.',
  remediation: {
    cli: 'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<customer-managed-key-arn>"},"BucketKeyEnabled":true}]}\'',
    console:
      'S3 console > the bucket > Properties > Default encryption > Edit > Server-side encryption with AWS KMS keys (SSE-KMS) > Choose from your AWS KMS keys or Enter AWS KMS key ARN (the customer-managed key) > Bucket Key: Enable > Save. Existing objects keep their encryption until copied in place.',
  },
  reads: { self: ['encryption', 'policy'], lookups: { 'AWS::KMS::Key': ['manager', 'aliases'] } },
  params: Type.Object(customerManagedKeyParams, { additionalProperties: false }),
  evaluate(bucket, { params, memo, account, verdict }) {
    const outside = outsideTenantScope(params, account, verdict);
    if (outside !== undefined) return outside;
    const encryption = bucket.config.encryption;
    if (isUnknown(encryption)) return verdict.unreadable('default encryption', encryption);
    const rule = kmsRule(bucket);
    if (rule === undefined) {
      const reason =
        encryption === null || encryption.rules.length === 0
          ? 'the bucket has no default encryption configuration, so S3 encrypts with SSE-S3 keys it manages'
          : 'default encryption is SSE-S3 (AES256), with keys S3 manages';
      return sseS3Verdict(bucket, reason, encryption, memo.of(readBucketPolicy, bucket), verdict);
    }

    const algorithm = rule.sseAlgorithm === 'aws:kms:dsse' ? 'DSSE-KMS' : 'SSE-KMS';
    return judgeCustomerManagedKey(
      {
        keyId: rule.kmsMasterKeyId,
        key: memo.of(defaultEncryptionKey, bucket),
        subject: `default encryption is ${algorithm}`,
        serviceKey: 'aws/s3',
        evidence: { kmsMasterKeyId: rule.kmsMasterKeyId, sseAlgorithm: rule.sseAlgorithm },
      },
      params,
      verdict,
    );
  },
});
