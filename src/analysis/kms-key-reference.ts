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

/** What the text of a reference says on its own: a key or alias ARN names its account, region and id. */
interface ReadReference {
  readonly keyArn: boolean;
  /** From a key or alias ARN; undefined for a bare key id or alias name, which are the owner's. */
  readonly accountId: string | undefined;
  readonly region: string | undefined;
  readonly id: string;
}

/** References repeat across a scan (a bank key named by thousands of buckets): each text is read once. Bounded. */
const readReferences = new Map<string, ReadReference>();
const MAX_READ_REFERENCES = 16_384;

function readReference(reference: string): ReadReference {
  let read = readReferences.get(reference);
  if (read !== undefined) return read;
  const keyArn = reference.startsWith('arn:') ? KMS_KEY_ARN.exec(reference) : null;
  const match = keyArn ?? (reference.startsWith('arn:') ? ALIAS_ARN.exec(reference) : null);
  read = { keyArn: keyArn !== null, accountId: match?.[3], region: match?.[2], id: match?.[4] ?? reference };
  if (readReferences.size >= MAX_READ_REFERENCES) readReferences.clear();
  readReferences.set(reference, read);
  return read;
}

export function resolveKmsKeyReference(reference: string | null, owner: { accountId: string; region: string }, inventory: Inventory): KmsKeyReference {
  if (reference === null || reference === '') return SERVICE_DEFAULT;

  const read = readReference(reference);
  const accountId = read.accountId ?? owner.accountId;
  const region = read.region ?? owner.region;
  const { id } = read;
  if (id.startsWith('alias/aws/')) return { kind: 'aws-managed-alias', alias: id };

  // A key ARN is the key's own ARN: looked up directly (the inventory indexes every key by ARN).
  const key = read.keyArn ? inventory.get('AWS::KMS::Key', reference) : inventory.find('AWS::KMS::Key', accountId, region, id);
  const crossAccount = accountId !== owner.accountId;
  // AWS-managed keys cannot be used from another account, so a key shared across accounts is
  // customer managed even when we cannot read it.
  const manager = key?.config.manager ?? (crossAccount ? 'CUSTOMER' : undefined);
  return {
    kind: 'key',
    keyArn: key?.arn ?? (read.keyArn ? reference : undefined),
    ownerAccountId: accountId,
    crossAccount,
    manager,
    key,
  };
}

const SERVICE_DEFAULT: KmsKeyReference = Object.freeze({ kind: 'service-default' });
