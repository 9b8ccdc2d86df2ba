/**
 * A complete CIS 5.x monitoring chain to build insight cases from: the default multi-region trail
 * (home eu-west-1) delivers to a log group whose metric filter publishes CISBenchmark/<metric>, an
 * alarm on that metric notifies the security-alerts topic, which has a confirmed subscriber. A case
 * replaces the pieces that matter to it; `cisMonitoringCases` gives every CIS insight its own
 * pass, fail, error and not-applicable cases for its pattern.
 */
import { expect } from 'vitest';
import { cisFilterPatterns, type CisPatternKey } from '../../../src/analysis/monitoring/cis-filter-patterns.js';
import { termsOf } from '../../../src/analysis/monitoring/filter-pattern.js';
import { accountRegion, cloudTrail, DEFAULT_ACCOUNT, DEFAULT_REGION, logGroup, metricAlarm, snsTopic } from '../../../src/model/builders.js';
import type { CoverageEntry } from '../../../src/snapshot/coverage.js';
import type { AnyResource, Resource } from '../../../src/model/resource.js';
import type { MetricFilter } from '../../../src/model/types/logs/log-group.js';
import { unknown } from '../../../src/model/unknown.js';
import { cisBenchmarkTexts } from '../../analysis/monitoring/cis-benchmark-texts.js';
import { parseOne, printPattern, withoutTerm } from '../../analysis/monitoring/pattern-text.js';
import type { InsightCase } from '../../support/insight-tester.js';

export const LOG_GROUP = 'aws-cloudtrail-logs-organization';
export const NAMESPACE = 'CISBenchmark';
export const METRIC = 'CisMetric';

export const logGroupArn = (name = LOG_GROUP, accountId = DEFAULT_ACCOUNT, region = DEFAULT_REGION) =>
  `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;

export function metricFilter(filterPattern: string, overrides: Partial<MetricFilter> = {}): MetricFilter {
  return { filterName: 'cis-filter', filterPattern, metricTransformations: [{ metricName: METRIC, metricNamespace: NAMESPACE }], ...overrides };
}

export interface World {
  trail: Resource<'AWS::CloudTrail::Trail'>;
  logGroup: Resource<'AWS::Logs::LogGroup'>;
  alarm: Resource<'AWS::CloudWatch::Alarm'>;
  topic: Resource<'AWS::SNS::Topic'>;
}

/** The complete chain, with the filter pattern given. */
export function world(filterPattern: string): World {
  return {
    trail: cloudTrail({ cloudWatchLogsLogGroupArn: logGroupArn() }),
    logGroup: logGroup({ metricFilters: [metricFilter(filterPattern)] }, { id: LOG_GROUP }),
    alarm: metricAlarm({ metrics: [{ namespace: NAMESPACE, metricName: METRIC }] }, { id: 'cis-alarm' }),
    topic: snsTopic(),
  };
}

export const inventoryOf = (w: World, ...more: AnyResource[]): AnyResource[] => [w.trail, w.logGroup, w.alarm, w.topic, ...more];

/** The region evaluated: us-east-1, logged by the multi-region trail whose home is eu-west-1. */
export const usEast1 = (...trails: { arn: string }[]) => accountRegion({ trailArns: trails.map((t) => t.arn) }, { region: 'us-east-1' });

/** DescribeAlarms denied in the log group's account and region, as collection records it in coverage. */
export const alarmsDenied: CoverageEntry = {
  accountId: DEFAULT_ACCOUNT,
  region: DEFAULT_REGION,
  service: 'cloudwatch',
  operation: 'DescribeAlarms',
  resourceType: 'AWS::CloudWatch::Alarm',
  error: { code: 'AccessDenied', message: 'User is not authorized to perform: cloudwatch:DescribeAlarms' },
};

/** The pass, fail, error and not-applicable cases every CIS 5.x insight has, for its own pattern. */
export function cisMonitoringCases(key: CisPatternKey): InsightCase[] {
  const { pattern } = cisFilterPatterns[key];
  const { control, text } = cisBenchmarkTexts[key];
  const expr = parseOne(pattern);
  const [firstTerm] = [...termsOf(expr)];
  const lacking = withoutTerm(expr, firstTerm as string);
  const otherKey = (Object.keys(cisFilterPatterns) as CisPatternKey[]).find((k) => k !== key) as CisPatternKey;
  const complete = world(text);
  const region = usEast1(complete.trail);
  const withPattern = (filterPattern: string) => {
    const w = world(filterPattern);
    return inventoryOf(w);
  };
  return [
    {
      name: `the CIS ${control} pattern verbatim, with an alarm notifying a subscribed topic`,
      resource: region,
      inventory: inventoryOf(complete),
      status: 'pass',
      reason:
        /trail .*organization-trail → log group .* → metric filter cis-filter → metric CISBenchmark\/CisMetric → alarm cis-alarm → topic .*security-alerts → subscription email security@example.com/,
    },
    {
      name: 'the pattern reordered, re-spaced and quoted',
      resource: region,
      inventory: withPattern(printPattern(expr, { reverse: true, quote: true })),
      status: 'pass',
    },
    {
      name: `the pattern without (${firstTerm as string})`,
      resource: region,
      inventory: withPattern(lacking === undefined ? '' : printPattern(lacking)),
      status: 'fail',
      reason: /has no metric filter matching the CIS/,
    },
    {
      name: `a filter for another control (${cisBenchmarkTexts[otherKey].control})`,
      resource: region,
      inventory: withPattern(cisBenchmarkTexts[otherKey].text),
      status: 'fail',
      evidence: { missing: [expect.stringContaining(`no metric filter matching the CIS ${control} pattern`)] },
    },
    {
      name: 'metric filters unreadable',
      resource: region,
      inventory: inventoryOf({
        ...complete,
        logGroup: logGroup({ metricFilters: unknown('AccessDeniedException: logs:DescribeMetricFilters') }, { id: LOG_GROUP }),
      }),
      status: 'error',
      reason: /metric filters of log group .* could not be read \(AccessDeniedException/,
    },
    {
      name: 'DescribeAlarms denied where the log group lives: no alarm is seen, and that is no proof there is none',
      resource: region,
      inventory: [complete.trail, complete.logGroup, complete.topic],
      coverage: [alarmsDenied],
      status: 'error',
      reason: /alarms of .* in eu-west-1 could not all be listed \(cloudwatch:DescribeAlarms failed .*AccessDenied/,
    },
    {
      name: 'a later page of DescribeAlarms failed, but the alarms listed already prove the chain',
      resource: region,
      inventory: inventoryOf(complete),
      coverage: [alarmsDenied],
      status: 'pass',
    },
    {
      name: 'region outside the allowed regions',
      resource: region,
      inventory: inventoryOf(complete),
      settings: { allowedRegions: ['eu-west-1'] },
      params: { onlyAllowedRegions: true },
      status: 'not-applicable',
    },
  ];
}
