/** account insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import cloudtrailMultiRegion from './cloudtrail-multi-region.js';
import configRecorderEnabled from './config-recorder-enabled.js';

export const accountInsights: readonly Insight[] = [cloudtrailMultiRegion, configRecorderEnabled];
