/** `AWS::Logs::LogGroup`, with its metric filters: id = the log group name. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';
import { exampleKeyArn } from '../../example-defaults.js';

export const MetricTransformation = Type.Object({ metricName: Type.String(), metricNamespace: Type.String() }, { additionalProperties: false });
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

/** The example: a log group kept a year and encrypted with a customer key, without metric filters. */
export default defineResourceType({
  type: 'AWS::Logs::LogGroup',
  config: LogGroupConfig,
  // DescribeLogGroups' logGroupArn: without the `:*` that its `arn` and CloudTrail's CloudWatchLogsLogGroupArn carry.
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:logs:${region}:${accountId}:log-group:${id}`,
  placeholders: { '<log-group>': 'id' },
  example: {
    id: () => 'aws-cloudtrail-logs',
    config: ({ accountId, region, id }) => ({ logGroupName: id, retentionInDays: 365, kmsKeyId: exampleKeyArn(region, accountId), metricFilters: [] }),
  },
});
