/** What the bucket-level and account-level Block Public Access actions share: the four settings, all on. */
import type { PublicAccessBlock } from '../../model/common.js';

/** The PublicAccessBlockConfiguration both PutPublicAccessBlock calls (S3, S3 Control) take. */
export const ALL_SETTINGS_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } as const;

/** Every one of the four settings is on; null (no configuration) has them all off. */
export function allSettingsOn(block: PublicAccessBlock | null): boolean {
  return block !== null && block.blockPublicAcls && block.ignorePublicAcls && block.blockPublicPolicy && block.restrictPublicBuckets;
}
