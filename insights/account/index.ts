/** account insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';

export const accountInsights: readonly Insight[] = [];
