/** KMS insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import kmsKeyRotation from './kms-key-rotation.js';

export const kmsInsights: readonly Insight[] = [kmsKeyRotation];
