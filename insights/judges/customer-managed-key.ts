/**
 * Whether data is protected by an acceptable customer-managed KMS key: the judgement shared by
 * the S3 and RDS (and later EBS, CloudTrail, SageMaker) encryption insights, with their common
 * parameters. For a bank's SaaS provider the acceptable key is the bank's own key, named per
 * tenant account in the configuration; a tenant account without it named is an error, never a
 * pass, so that a missing configuration cannot read as compliant.
 */
import { KMS_KEY_ARN } from '../../src/model/arn.js';
import { Type } from '@sinclair/typebox';
import type { AccountEntry } from '../../src/config/account-entry.js';
import type { Evidence, Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import type { KmsKeyReference } from '../../src/analysis/kms-key-reference.js';

/** The parameters every customer-managed-key insight takes (spread into its params schema). */
export const customerManagedKeyParams = {
  requiredKeyArns: Type.Array(Type.String({ pattern: KMS_KEY_ARN.source }), {
    default: [],
    description: 'Key ARNs the data must use (e.g. the bank key, set per tenant account); empty accepts any customer-managed key of a trusted owner.',
  }),
  trustedKeyAccounts: Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), {
    default: [],
    description: 'Accounts besides the resource account whose customer-managed keys are accepted (e.g. the bank that shares its key).',
  }),
  tenantKeyRequired: Type.Boolean({
    default: false,
    description:
      "The rule is the tenant's own key: it applies only to accounts that serve a tenant (`tenant` in the configuration), and requiredKeyArns must name the tenant's key there.",
  }),
};

export interface CustomerManagedKeyParams {
  readonly requiredKeyArns: readonly string[];
  readonly trustedKeyAccounts: readonly string[];
  readonly tenantKeyRequired: boolean;
}

/** Whether the rule applies to the account at all (tenant scoping); undefined when it does. */
export function outsideTenantScope(params: CustomerManagedKeyParams, account: AccountEntry, verdict: VerdictFactory): Verdict | undefined {
  if (!params.tenantKeyRequired) return undefined;
  if (account.tenant === undefined) return verdict.notApplicable(`account ${account.name} serves no tenant, so no tenant key is required`);
  if (params.requiredKeyArns.length === 0) {
    return verdict.error(
      `the key of tenant ${account.tenant} is not configured: set accounts[${account.id}].params.<insight>.requiredKeyArns in the configuration`,
      { tenant: account.tenant, accountId: account.id },
    );
  }
  return undefined;
}

export interface KeyUse {
  /** The key as the resource names it (id, key ARN, alias name or alias ARN); null: the service default key. */
  readonly keyId: string | null;
  /** The reference resolved (kms-key-reference.ts). */
  readonly key: KmsKeyReference;
  /** How the data is encrypted, as the sentence starts: `default encryption is SSE-KMS`, `the storage is encrypted`. */
  readonly subject: string;
  /** The service's AWS-managed key: `aws/s3`, `aws/rds`. */
  readonly serviceKey: string;
  readonly evidence: Evidence;
}

export function judgeCustomerManagedKey(use: KeyUse, params: CustomerManagedKeyParams, verdict: VerdictFactory): Verdict {
  const { subject, key: ref } = use;
  if (ref.kind === 'service-default') return verdict.fail(`${subject} with the AWS-managed key ${use.serviceKey}`, use.evidence);
  if (ref.kind === 'aws-managed-alias') return verdict.fail(`${subject} with the AWS-managed key ${ref.alias}`, use.evidence);
  const keyName = ref.keyArn ?? use.keyId ?? '';
  // Built only for verdicts that carry evidence: most resources of a scan pass.
  const evidence = (more?: Evidence): Evidence =>
    Object.assign({}, use.evidence, { keyOwnerAccountId: ref.ownerAccountId, keyManager: ref.manager ?? 'unknown' }, more);
  if (ref.manager === 'AWS') return verdict.fail(`${subject} with the AWS-managed key ${keyName}`, evidence());

  if (params.requiredKeyArns.length > 0) {
    // A key the configuration names is accepted whoever owns it; any other key fails.
    if (ref.keyArn === undefined) {
      return verdict.error(`the key ${keyName} is not in the inventory and cannot be resolved to a key ARN to compare with the required keys`, evidence());
    }
    return params.requiredKeyArns.includes(ref.keyArn)
      ? verdict.pass(() => `${subject} with the required key ${ref.keyArn}`)
      : verdict.fail(`${subject} with ${ref.keyArn}, which is not one of the required keys`, evidence({ requiredKeyArns: params.requiredKeyArns }));
  }
  if (ref.crossAccount && !params.trustedKeyAccounts.includes(ref.ownerAccountId)) {
    return verdict.fail(
      `${subject} with ${keyName}, a key of account ${ref.ownerAccountId}, which is not a trusted key account`,
      evidence({ trustedKeyAccounts: params.trustedKeyAccounts }),
    );
  }
  if (ref.manager === undefined) {
    // Services name even their AWS-managed key by its ARN, so only the key itself tells who manages it.
    return verdict.error(
      `the key ${keyName} is not in the inventory, so whether it is customer managed or the AWS-managed ${use.serviceKey} cannot be told`,
      evidence(),
    );
  }
  return verdict.pass(() => `${subject} with the customer-managed key ${keyName}${ref.crossAccount ? ` owned by trusted account ${ref.ownerAccountId}` : ''}`);
}
