/**
 * Whether the storage of an RDS DB instance or DB cluster is encrypted at rest, and with which
 * key: the judgement the instance and cluster insights share. Both read `storageEncrypted` and,
 * once it is true, `kmsKeyId` — RDS names the key of encrypted storage only, by its ARN, and the
 * AWS-managed key aws/rds fails a customer-managed-key rule like any other AWS-managed key.
 */
import type { Inventory } from '../../src/engine/inventory.js';
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import { isUnknown, type Maybe } from '../../src/model/unknown.js';
import { judgeCustomerManagedKey, type CustomerManagedKeyParams } from './customer-managed-key.js';
import { resolveKmsKeyReference } from '../../src/analysis/kms-key-reference.js';

export interface RdsStorage {
  readonly storageEncrypted: Maybe<boolean>;
  readonly kmsKeyId: Maybe<string | null>;
  /** The account and region of the instance or cluster, which a bare key id or alias belongs to. */
  readonly owner: { readonly accountId: string; readonly region: string };
}

/** Pass when the storage is encrypted at rest; an unreadable flag is an error. */
export function judgeStorageEncrypted(storageEncrypted: Maybe<boolean>, verdict: VerdictFactory): Verdict {
  if (isUnknown(storageEncrypted)) return verdict.unreadable('storage encryption', storageEncrypted);
  return storageEncrypted ? verdict.pass('the storage is encrypted at rest') : verdict.fail('the storage is not encrypted at rest', { storageEncrypted });
}

/** Pass when the storage is encrypted with an acceptable customer-managed key (see customer-managed-key.ts). */
export function judgeStorageKey(storage: RdsStorage, params: CustomerManagedKeyParams, inventory: Inventory, verdict: VerdictFactory): Verdict {
  const { storageEncrypted } = storage;
  if (isUnknown(storageEncrypted)) return verdict.unreadable('storage encryption', storageEncrypted);
  if (!storageEncrypted) return verdict.fail('the storage is not encrypted, so no customer-managed key protects it', { storageEncrypted });
  const { kmsKeyId } = storage;
  if (isUnknown(kmsKeyId)) return verdict.unreadable('KMS key id', kmsKeyId);
  return judgeCustomerManagedKey(
    {
      keyId: kmsKeyId,
      key: resolveKmsKeyReference(kmsKeyId, storage.owner, inventory),
      subject: 'the storage is encrypted',
      serviceKey: 'aws/rds',
      evidence: { storageEncrypted, kmsKeyId },
    },
    params,
    verdict,
  );
}
