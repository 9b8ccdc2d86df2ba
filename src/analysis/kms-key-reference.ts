/**
 * Resolves how a resource names its KMS key (nothing, a key id, a key ARN, an alias name or an
 * alias ARN) into who manages the key and which account owns it. S3, RDS, EBS, CloudTrail and
 * SageMaker all name keys these ways; the insights that judge "encrypted with a customer-managed
 * key" share this one reading.
 */
import { KMS_KEY_ARN } from '../model/arn.js';
import type { Inventory } from '../engine/inventory.js';
import type { Resource } from '../model/resource.js';

export type KmsKeyReference =
  /** No key named: the service's AWS-managed key (aws/s3, aws/rds ...). */
  | { kind: 'service-default' }
  | { kind: 'aws-managed-alias'; alias: string }
  | {
      kind: 'key';
      /** The key ARN when it can be built from the reference or the inventory. */
      keyArn: string | undefined;
      ownerAccountId: string;
      crossAccount: boolean;
      /** AWS or CUSTOMER; undefined when the key is not in the inventory and the reference does not tell. */
      manager: 'AWS' | 'CUSTOMER' | undefined;
      key: Resource<'AWS::KMS::Key'> | undefined;
    };

const ALIAS_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):([0-9]{12}):(alias\/.+)$/;

export function resolveKmsKeyReference(
  reference: string | null,
  owner: { accountId: string; region: string },
  inventory: Inventory,
): KmsKeyReference {
  if (reference === null || reference === '') return { kind: 'service-default' };

  const keyArn = reference.startsWith('arn:') ? KMS_KEY_ARN.exec(reference) : null;
  const aliasArn = keyArn === null && reference.startsWith('arn:') ? ALIAS_ARN.exec(reference) : null;
  let accountId = owner.accountId;
  let region = owner.region;
  let id = reference;
  if (keyArn) {
    [, , region = owner.region, accountId = owner.accountId, id = reference] = keyArn;
  } else if (aliasArn) {
    [, , region = owner.region, accountId = owner.accountId, id = reference] = aliasArn;
  }
  if (id.startsWith('alias/aws/')) return { kind: 'aws-managed-alias', alias: id };

  // A key ARN is the key's own ARN: looked up directly (the inventory indexes every key by ARN).
  const key = keyArn !== null ? inventory.get('AWS::KMS::Key', reference) : inventory.find('AWS::KMS::Key', accountId, region, id);
  const crossAccount = accountId !== owner.accountId;
  // AWS-managed keys cannot be used from another account, so a key shared across accounts is
  // customer managed even when we cannot read it.
  const manager = key?.config.manager ?? (crossAccount ? 'CUSTOMER' : undefined);
  return {
    kind: 'key',
    keyArn: key?.arn ?? (keyArn ? reference : undefined),
    ownerAccountId: accountId,
    crossAccount,
    manager,
    key,
  };
}
