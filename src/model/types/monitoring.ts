/**
 * The monitoring chain CIS AWS section 5 asks for: CloudWatch Logs log groups with their metric
 * filters, CloudWatch metric alarms, and the SNS topics alarms notify with their subscriptions.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';

export const MetricTransformation = Type.Object(
  { metricName: Type.String(), metricNamespace: Type.String() },
  { additionalProperties: false },
);
export type MetricTransformation = Static<typeof MetricTransformation>;

export const MetricFilter = Type.Object(
  {
    filterName: Type.String(),
    /** As CloudWatch Logs stores it: `{ ($.eventName = CreateTrail) || ... }`; '' matches every event. */
    filterPattern: Type.String(),
    metricTransformations: Type.Array(MetricTransformation),
  },
  { additionalProperties: false },
);
export type MetricFilter = Static<typeof MetricFilter>;

/** `AWS::Logs::LogGroup`: id = the log group name. */
export const LogGroupConfig = Type.Object(
  {
    logGroupName: Type.String(),
    /** Null: the events never expire. */
    retentionInDays: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    /** Null: encrypted with a CloudWatch Logs service key. */
    kmsKeyId: Type.Union([Type.String(), Type.Null()]),
    metricFilters: MaybeSchema(Type.Array(MetricFilter)),
  },
  { additionalProperties: false },
);
export type LogGroupConfig = Static<typeof LogGroupConfig>;

/** A metric an alarm watches. */
export const AlarmMetric = Type.Object(
  { namespace: Type.String(), metricName: Type.String() },
  { additionalProperties: false },
);
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

export const SnsSubscription = Type.Object(
  {
    protocol: Type.String({ description: 'email, email-json, sms, sqs, lambda, http, https, application, firehose' }),
    endpoint: Type.String(),
    /** False while the endpoint has not confirmed (SubscriptionArn `PendingConfirmation`). */
    confirmed: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SnsSubscription = Static<typeof SnsSubscription>;

/** `AWS::SNS::Topic`: id = the topic name. */
export const SnsTopicConfig = Type.Object(
  { subscriptions: MaybeSchema(Type.Array(SnsSubscription)) },
  { additionalProperties: false },
);
export type SnsTopicConfig = Static<typeof SnsTopicConfig>;
