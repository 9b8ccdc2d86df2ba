/** iam insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';

export const iamInsights: readonly Insight[] = [];
