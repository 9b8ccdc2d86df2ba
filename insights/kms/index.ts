/** KMS insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import kmsKeyImportedMaterialExpiry from './kms-key-imported-material-expiry.js';
import kmsKeyPendingDeletion from './kms-key-pending-deletion.js';
import kmsKeyPolicyPublic from './kms-key-policy-public.js';
import kmsKeyRotation from './kms-key-rotation.js';
import kmsSharedKeyImportedMaterial from './kms-shared-key-imported-material.js';
import kmsSharedKeyUsable from './kms-shared-key-usable.js';

export const kmsInsights: readonly Insight[] = [
  kmsKeyImportedMaterialExpiry,
  kmsKeyPendingDeletion,
  kmsKeyPolicyPublic,
  kmsKeyRotation,
  kmsSharedKeyImportedMaterial,
  kmsSharedKeyUsable,
];
