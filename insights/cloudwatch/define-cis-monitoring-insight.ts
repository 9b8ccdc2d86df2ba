/**
 * The one factory behind the fifteen CIS AWS 5.x monitoring insights beside it: each
 * is judged per region on the same chain (src/analysis/monitoring/region-monitoring.ts) and differs only in the CIS filter
 * pattern its metric filter must match, so an insight file holds its id, title, pattern key,
 * severity, rationale and remediation, and nothing else.
 */
import { Type } from '@sinclair/typebox';
import { defineInsight, type Insight, type Remediation } from '../../src/engine/define-insight.js';
import type { Severity } from '../../src/model/severity.js';
import { onlyAllowedRegionsParam, outsideJudgedRegions } from '../judges/region-policy.js';
import type { FilterCriterion } from '../../src/analysis/monitoring/alarm-chain.js';
import { chainVerdict } from '../judges/chain-verdict.js';
import { cisFilterPatterns, type CisPatternKey } from '../../src/analysis/monitoring/cis-filter-patterns.js';
import { matchFilterPattern } from '../../src/analysis/monitoring/filter-pattern.js';
import { REGION_MONITORING_READS, regionMonitoring, regionTrailPaths } from '../../src/analysis/monitoring/region-monitoring.js';

export interface CisMonitoringInsightDefinition {
  readonly id: string;
  readonly title: string;
  readonly pattern: CisPatternKey;
  readonly severity: Severity;
  readonly rationale: string;
  readonly remediation: Remediation;
}

const ACCEPTED = { accepted: true } as const;

/** Accepts the metric filters whose pattern matches the CIS pattern (filter-pattern.ts). */
export function cisPatternCriterion(key: CisPatternKey): FilterCriterion {
  const required = cisFilterPatterns[key];
  return {
    description: `matching the CIS ${required.control} pattern`,
    accepts(filter) {
      const match = matchFilterPattern(filter.filterPattern, required);
      return match.matches ? ACCEPTED : { accepted: false, why: match.why };
    },
  };
}

export function defineCisMonitoringInsight(definition: CisMonitoringInsightDefinition): Insight {
  const { control, pattern } = cisFilterPatterns[definition.pattern];
  const criterion = cisPatternCriterion(definition.pattern);
  return defineInsight({
    id: definition.id,
    title: definition.title,
    resourceType: 'AWS::Account::Region',
    severity: definition.severity,
    description:
      `Checks that the region is logged by a multi-region CloudTrail trail that is logging, records all management events and delivers to a CloudWatch Logs log group (in any scanned account); that the log group has a metric filter matching the CIS ${control} pattern \`${pattern}\` ` +
      "(every term present, in any order, grouping, spacing or quoting, and no extra && condition that could hide events); and that a CloudWatch alarm on the filter's metric, with actions enabled, notifies an SNS topic with at least one confirmed subscription. " +
      'Every enabled region is judged unless onlyAllowedRegions limits it to the allowed regions.',
    rationale: definition.rationale,
    remediation: definition.remediation,
    reads: REGION_MONITORING_READS,
    params: Type.Object({ onlyAllowedRegions: onlyAllowedRegionsParam }, { additionalProperties: false }),
    evaluate(region, { params, settings, memo, verdict }) {
      const outside = outsideJudgedRegions(region.region, settings, params.onlyAllowedRegions, verdict);
      if (outside !== undefined) return outside;
      return chainVerdict(regionMonitoring(memo.of(regionTrailPaths, region), criterion), verdict, 'monitoring');
    },
  });
}
