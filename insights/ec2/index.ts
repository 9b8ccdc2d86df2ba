/** ec2 insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';

export const ec2Insights: readonly Insight[] = [];
