/**
 * `AWS::CloudWatch::Alarm`, per region: every metric alarm of DescribeAlarms (all pages; composite
 * alarms watch other alarms, not metrics, and are not asked for) and, as the selection asks, each
 * alarm's tags. An alarm's metrics are the metric of a single-metric alarm, or every metric a
 * metric-math alarm reads through a MetricStat; math expressions themselves name no metric.
 */
import { DescribeAlarmsCommand, ListTagsForResourceCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { arnFor } from '../../../model/arn.js';
import type { Tags } from '../../../model/resource.js';
import type { AlarmMetric, MetricAlarmConfig } from '../../../model/types/cloudwatch/alarm.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { absentFrom, leftOut, missing, reported } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

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
  return tagMap(
    outcome.value.Tags,
    (t) => t.Key,
    (t) => t.Value,
  );
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
      lists: true,
    },
    { operation: 'ListTagsForResource', iamAction: 'cloudwatch:ListTagsForResource', fills: ['tags'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) =>
        new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.MetricAlarms,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'cloudwatch', operation: 'DescribeAlarms', region: ctx.region };
    await Promise.all(
      listedOnce(ctx, call, listed.items, (a) => (a.AlarmName === undefined ? undefined : (a.AlarmArn ?? a.AlarmName)), 'AlarmName').map((alarm) =>
        collectAlarm(ctx, alarm, call),
      ),
    );
  },
});

async function collectAlarm(ctx: Ctx, alarm: MetricAlarm, call: CallRef): Promise<void> {
  const name = alarm.AlarmName;
  const arn = alarm.AlarmArn ?? (name !== undefined ? arnFor('AWS::CloudWatch::Alarm', ctx.accountId, ctx.region, name, ctx.partition) : undefined);
  if (arn === undefined || name === undefined) {
    // Neither an ARN and a name to tell the alarm by: there is no resource to keep a finding on.
    leftOut(ctx, call, absentFrom(call, arn === undefined ? 'AlarmArn, AlarmName' : 'AlarmName', String(arn ?? name)), arn !== undefined ? { arn } : {});
    return;
  }
  const ref = { arn };
  // A string, not the SDK's enum: AWS may answer a state newer than the model.
  const state: string | undefined = alarm.StateValue;
  const resource = ctx.resource({
    arn,
    id: name,
    tags: await tags(ctx, arn),
    config: {
      alarmName: name,
      actionsEnabled: reported(ctx, call, alarm.ActionsEnabled, 'ActionsEnabled', ref),
      alarmActions: alarm.AlarmActions ?? [],
      metrics: alarmMetrics(alarm),
      stateValue:
        state === undefined
          ? missing(ctx, call, 'StateValue', ref)
          : isState(state)
            ? state
            : ctx.unreadable(call, UNEXPECTED_RESPONSE, `DescribeAlarms returned StateValue ${state}, which the model does not know`, ref),
    },
  });
  ctx.emit(resource);
}
