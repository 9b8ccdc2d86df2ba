/**
 * The storage key of an RDS instance or cluster, from the same response: RDS reports a key for
 * encrypted storage only, so unencrypted storage has none (null). Encrypted storage without one is
 * a response the collector cannot read: null would claim the AWS-managed key.
 */
import type { ResourceType } from '../../../model/resource-types.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, ResourceRef, SettingsContext } from '../../contract/collect-context.js';
import { missing } from '../../contract/reported.js';

export function rdsStorageKeyId<T extends ResourceType>(
  ctx: SettingsContext<T>,
  call: CallRef,
  kmsKeyId: string | undefined,
  storageEncrypted: Maybe<boolean>,
  resource: ResourceRef,
): Maybe<string | null> {
  if (kmsKeyId !== undefined) return kmsKeyId;
  if (storageEncrypted === false) return null;
  return missing(ctx, call, 'KmsKeyId', resource);
}
