/** Insights that apply the organisation's own policies from the configuration, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import regionAllowed from './region-allowed.js';
import tagsRequired from './tags-required.js';

export const organisationInsights: readonly Insight[] = [regionAllowed, tagsRequired];
