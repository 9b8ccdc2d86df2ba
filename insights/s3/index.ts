/** s3 insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';

export const s3Insights: readonly Insight[] = [];
