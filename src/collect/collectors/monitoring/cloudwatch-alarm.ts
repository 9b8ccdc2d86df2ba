/**
 * `AWS::CloudWatch::Alarm`, per region: every metric alarm of DescribeAlarms (all pages; composite
 * alarms watch other alarms, not metrics, and are not asked for) and, as the selection asks, each
 * alarm's tags. An alarm's metrics are the metric of a single-metric alarm, or every metric a
 * metric-math alarm reads through a MetricStat; math expressions themselves name no metric.
 */
import {
  DescribeAlarmsCommand,
  ListTagsForResourceCommand,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import type { Resource, Tags } from '../../../model/resource.js';
import type { AlarmMetric, MetricAlarmConfig } from '../../../model/types/monitoring.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../collect-context.js';
import { defineCollector } from '../../collector.js';
import { tagMap, uniqueBy } from '../../normalise.js';
import { readAllPages } from '../../paginate.js';
import { Absent, leftOut, present, UNEXPECTED_RESPONSE } from '../compute/reported.js';

type Ctx = CollectContext<'AWS::CloudWatch::Alarm'>;

/** DescribeAlarms' MaxRecords is 1 to 100. */
const PAGE_SIZE = 100;

const STATES: ReadonlySet<string> = new Set<MetricAlarmConfig['stateValue']>(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

function isState(value: string): value is MetricAlarmConfig['stateValue'] {
  return STATES.has(value);
}

/** The metrics the alarm watches, each once. */
export function alarmMetrics(alarm: MetricAlarm): AlarmMetric[] {
  const metrics: AlarmMetric[] = [];
  const add = (namespace: string | undefined, metricName: string | undefined): void => {
    if (namespace === undefined || metricName === undefined) return;
    if (!metrics.some((m) => m.namespace === namespace && m.metricName === metricName)) metrics.push({ namespace, metricName });
  };
  add(alarm.Namespace, alarm.MetricName);
  for (const query of alarm.Metrics ?? []) add(query.MetricStat?.Metric?.Namespace, query.MetricStat?.Metric?.MetricName);
  return metrics;
}

async function tags(ctx: Ctx, arn: string): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTagsForResource')) return ctx.notCollected('ListTagsForResource');
  // Not paginated: an alarm has at most 50 tags.
  const outcome = await ctx.send(new ListTagsForResourceCommand({ ResourceARN: arn }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn });
  return tagMap(outcome.value.Tags, (t) => t.Key, (t) => t.Value);
}

export default defineCollector({
  resourceType: 'AWS::CloudWatch::Alarm',
  service: 'cloudwatch',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeAlarms',
      iamAction: 'cloudwatch:DescribeAlarms',
      fills: ['alarmName', 'actionsEnabled', 'alarmActions', 'metrics', 'stateValue', 'name'],
      required: true,
    },
    { operation: 'ListTagsForResource', iamAction: 'cloudwatch:ListTagsForResource', fills: ['tags'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.MetricAlarms,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'cloudwatch', operation: 'DescribeAlarms', region: ctx.region };
    await Promise.all(uniqueBy(listed.items, (a) => a.AlarmArn).map((alarm) => collectAlarm(ctx, alarm, call)));
  },
});

async function collectAlarm(ctx: Ctx, alarm: MetricAlarm, call: CallRef): Promise<void> {
  const arn = alarm.AlarmArn;
  if (arn === undefined) {
    leftOut(ctx, call, String(alarm.AlarmName), new Absent('AlarmArn'), {});
    return;
  }
  const required = present({ AlarmName: alarm.AlarmName, ActionsEnabled: alarm.ActionsEnabled, StateValue: alarm.StateValue });
  if (required instanceof Absent) {
    leftOut(ctx, call, arn, required, { arn });
    return;
  }
  const state = required.StateValue;
  if (!isState(state)) {
    ctx.unreadable(call, UNEXPECTED_RESPONSE, `DescribeAlarms returned StateValue ${state} for ${arn}; it is left out`, { arn });
    return;
  }
  const resource: Resource<'AWS::CloudWatch::Alarm'> = {
    arn,
    type: 'AWS::CloudWatch::Alarm',
    accountId: ctx.accountId,
    region: ctx.region,
    id: required.AlarmName,
    name: required.AlarmName,
    tags: await tags(ctx, arn),
    source: 'api',
    observedAt: ctx.now().toISOString(),
    config: {
      alarmName: required.AlarmName,
      actionsEnabled: required.ActionsEnabled,
      alarmActions: alarm.AlarmActions ?? [],
      metrics: alarmMetrics(alarm),
      stateValue: state,
    },
  };
  ctx.emit(resource);
}
