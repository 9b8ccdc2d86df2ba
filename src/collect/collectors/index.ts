/**
 * The registry of collectors, sorted by resource type: what `vigil collect` runs and what
 * `vigil iam-policy --scan` computes its policy from.
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { DeclaresOperations } from '../collector.js';
import accountS3PublicAccessBlock from './account-s3-public-access-block.js';
import kmsKey from './kms-key.js';
import s3Bucket from './s3-bucket.js';

export const resourceCollectors = [kmsKey, s3Bucket] as const;

export const settingsCollectors = [accountS3PublicAccessBlock] as const;

/** Every collector, as far as permissions go. */
export const allCollectors: readonly (DeclaresOperations & { readonly resourceType: ResourceType })[] = [
  ...settingsCollectors,
  ...resourceCollectors,
];
