/**
 * CloudWatch (JSON 1.0, `GraniteServiceVersion20100801.*`: the protocol the SDK's CloudWatch client
 * speaks — query-compatible, so errors also carry `x-amzn-query-error`): DescribeAlarms, the
 * region's metric alarms, at most 100 a page (`MaxRecords`, `NextToken`), and an alarm's tags.
 * Timestamps are epoch seconds.
 */
import type { Alarm, SyntheticAccount } from './account.js';
import { epoch, jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type Reply, type ServiceHandler } from './wire.js';

interface Input {
  AlarmTypes?: string[];
  MaxRecords?: number;
  NextToken?: string;
  ResourceARN?: string;
}

function error(code: string, message: string, status = 400): Reply {
  const reply = jsonError(code, message, '1.0', status);
  return { ...reply, headers: { ...reply.headers, 'x-amzn-query-error': `${code};Sender` } };
}

function metricAlarm(arn: string, a: Alarm): Record<string, unknown> {
  const metric = a.expression === undefined ? a.metrics[0] : undefined;
  return {
    AlarmName: a.name,
    AlarmArn: arn,
    AlarmDescription: `${a.name} watches ${a.metrics.map((m) => `${m.namespace} ${m.metricName}`).join(', ')}`,
    AlarmConfigurationUpdatedTimestamp: epoch(a.updatedAt),
    ActionsEnabled: a.actionsEnabled,
    OKActions: [],
    AlarmActions: a.actions,
    InsufficientDataActions: [],
    StateValue: a.state,
    StateReason:
      a.state === 'ALARM'
        ? 'Threshold Crossed: 1 datapoint was greater than or equal to the threshold.'
        : 'Threshold Crossed: no datapoint was greater than or equal to the threshold.',
    StateUpdatedTimestamp: epoch(a.updatedAt),
    ...(metric !== undefined ? { MetricName: metric.metricName, Namespace: metric.namespace, Statistic: 'Sum', Dimensions: [], Period: 300 } : {}),
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    ...(a.expression !== undefined
      ? {
          Metrics: [
            ...a.metrics.map((m, i) => ({
              Id: `m${i + 1}`,
              MetricStat: { Metric: { Namespace: m.namespace, MetricName: m.metricName, Dimensions: [] }, Period: 300, Stat: 'Sum' },
              ReturnData: false,
            })),
            { Id: 'e1', Expression: a.expression, Label: 'Expression1', ReturnData: true },
          ],
        }
      : {}),
    StateTransitionedTimestamp: epoch(a.updatedAt),
  };
}

export function cloudwatch(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const alarms = account.alarms.filter((a) => a.region === region);
    const arn = (a: Alarm) => `arn:aws:cloudwatch:${region}:${account.accountId}:alarm:${a.name}`;
    const reply = (body: unknown) => jsonReply(body, '1.0');
    const operation = jsonOperation(request);
    switch (operation) {
      case 'DescribeAlarms': {
        // Without AlarmTypes, DescribeAlarms lists metric alarms only; the account has no composite ones.
        const metricAlarms = input.AlarmTypes === undefined || input.AlarmTypes.includes('MetricAlarm') ? alarms : [];
        const { items, next } = page(metricAlarms, input.NextToken, pageSize(input.MaxRecords, 50, 100));
        return reply({
          MetricAlarms: items.map((a) => metricAlarm(arn(a), a)),
          ...(input.AlarmTypes?.includes('CompositeAlarm') === true ? { CompositeAlarms: [] } : {}),
          ...(next !== undefined ? { NextToken: next } : {}),
        });
      }
      case 'ListTagsForResource': {
        const alarm = alarms.find((a) => arn(a) === input.ResourceARN);
        if (alarm === undefined) return error('ResourceNotFoundException', `${String(input.ResourceARN)} does not exist`, 404);
        return reply({ Tags: Object.entries(alarm.tags).map(([Key, Value]) => ({ Key, Value })) });
      }
      default:
        return error('InvalidAction', `the fake CloudWatch does not answer ${operation}`);
    }
  };
}
