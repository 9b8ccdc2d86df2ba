/**
 * The registry of built-in insights: explicit, no globbing. Each service folder keeps its own
 * sorted list; this module joins them and sorts by id.
 */
import type { Insight } from '../src/engine/define-insight.js';
import { accountInsights } from './account/index.js';
import { cloudtrailInsights } from './cloudtrail/index.js';
import { cloudwatchInsights } from './cloudwatch/index.js';
import { ec2Insights } from './ec2/index.js';
import { efsInsights } from './efs/index.js';
import { iamInsights } from './iam/index.js';
import { kmsInsights } from './kms/index.js';
import { organisationInsights } from './organisation/index.js';
import { rdsInsights } from './rds/index.js';
import { s3Insights } from './s3/index.js';
import { wafv2Insights } from './wafv2/index.js';

export const builtinInsights: readonly Insight[] = [
  ...accountInsights,
  ...cloudtrailInsights,
  ...cloudwatchInsights,
  ...ec2Insights,
  ...efsInsights,
  ...iamInsights,
  ...kmsInsights,
  ...organisationInsights,
  ...rdsInsights,
  ...s3Insights,
  ...wafv2Insights,
].sort((a, b) => a.id.localeCompare(b.id));
