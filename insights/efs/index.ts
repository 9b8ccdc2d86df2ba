/** efs insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import efsEncrypted from './efs-encrypted.js';

export const efsInsights: readonly Insight[] = [efsEncrypted];
