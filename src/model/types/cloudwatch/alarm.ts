/** `AWS::CloudWatch::Alarm` (metric alarms): id = the alarm name. */
import { Type, type Static } from '@sinclair/typebox';
import { defineResourceType } from '../../resource-type.js';

/** A metric an alarm watches. */
export const AlarmMetric = Type.Object({ namespace: Type.String(), metricName: Type.String() }, { additionalProperties: false });
export type AlarmMetric = Static<typeof AlarmMetric>;

/** `AWS::CloudWatch::Alarm` (metric alarms): id = the alarm name. */
export const MetricAlarmConfig = Type.Object(
  {
    alarmName: Type.String(),
    actionsEnabled: Type.Boolean(),
    /** ARNs notified or run on the transition to ALARM: SNS topics, Auto Scaling policies, EC2 and Systems Manager actions. */
    alarmActions: Type.Array(Type.String()),
    /** The watched metric of a single-metric alarm; each MetricStat metric of a metric-math alarm. */
    metrics: Type.Array(AlarmMetric),
    stateValue: Type.Union([Type.Literal('OK'), Type.Literal('ALARM'), Type.Literal('INSUFFICIENT_DATA')]),
  },
  { additionalProperties: false },
);
export type MetricAlarmConfig = Static<typeof MetricAlarmConfig>;

/** The example: an enabled metric alarm on one metric that notifies the topic of the SNS topic example. */
export default defineResourceType({
  type: 'AWS::CloudWatch::Alarm',
  config: MetricAlarmConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${id}`,
  example: {
    id: () => 'unauthorized-api-calls',
    config: ({ accountId, region, id }) => ({
      alarmName: id,
      actionsEnabled: true,
      alarmActions: [`arn:aws:sns:${region}:${accountId}:security-alerts`],
      metrics: [{ namespace: 'CISBenchmark', metricName: 'UnauthorizedAPICalls' }],
      stateValue: 'OK',
    }),
  },
});
