/** account insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import accessAnalyzerEnabled from './access-analyzer-enabled.js';
import cloudtrailMultiRegion from './cloudtrail-multi-region.js';
import configRecorderEnabled from './config-recorder-enabled.js';
import securityhubEnabled from './securityhub-enabled.js';

export const accountInsights: readonly Insight[] = [accessAnalyzerEnabled, cloudtrailMultiRegion, configRecorderEnabled, securityhubEnabled];
