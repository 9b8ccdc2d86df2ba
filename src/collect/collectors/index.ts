/**
 * The registry of collectors, sorted by resource type: what `vigil collect` runs and what
 * `vigil iam-policy --scan` computes its policy from.
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { AnyResourceCollector, AnySettingsCollector, DeclaresOperations } from '../collector.js';
import accountS3PublicAccessBlock from './account-s3-public-access-block.js';
import { computeResourceCollectors, computeSettingsCollectors } from './compute/index.js';
import { iamResourceCollectors, iamSettingsCollectors } from './iam/index.js';
import kmsKey from './kms-key.js';
import kmsSharedKey from './kms-shared-key.js';
import { monitoringResourceCollectors } from './monitoring/index.js';
import { operationsResourceCollectors, operationsSettingsCollectors } from './operations/index.js';
import s3Bucket from './s3-bucket.js';
import { storageResourceCollectors, storageSettingsCollectors } from './storage/index.js';

const byType = (a: { resourceType: string }, b: { resourceType: string }) => a.resourceType.localeCompare(b.resourceType);

export const resourceCollectors: readonly AnyResourceCollector[] = [
  kmsKey,
  kmsSharedKey,
  s3Bucket,
  ...iamResourceCollectors,
  ...computeResourceCollectors,
  ...monitoringResourceCollectors,
  ...operationsResourceCollectors,
  ...storageResourceCollectors,
].sort(byType);

export const settingsCollectors: readonly AnySettingsCollector[] = [
  accountS3PublicAccessBlock,
  ...iamSettingsCollectors,
  ...computeSettingsCollectors,
  ...operationsSettingsCollectors,
  ...storageSettingsCollectors,
].sort(byType);

/** Every collector, as far as permissions go. */
export const allCollectors: readonly (DeclaresOperations & { readonly resourceType: ResourceType })[] = [
  ...settingsCollectors,
  ...resourceCollectors,
];
