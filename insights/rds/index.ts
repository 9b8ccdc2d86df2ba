/** rds insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';

export const rdsInsights: readonly Insight[] = [];
