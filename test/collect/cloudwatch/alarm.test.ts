/**
 * The metric alarm collector against a mocked CloudWatch: DescribeAlarms (AlarmTypes MetricAlarm)
 * in three pages, shaped as the CloudWatch API reference documents MetricAlarm and MetricDataQuery;
 * errors as the SDK raises them (CloudWatch's access denied is an unmodelled `AccessDenied`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchClient, CloudWatchServiceException, DescribeAlarmsCommand, ListTagsForResourceCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import cloudWatchAlarm from '../../../src/collect/collectors/cloudwatch/alarm.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const alarmArn = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`;
const UPDATED = new Date('2025-06-01T08:00:00Z');

function alarm(name: string, overrides: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    AlarmName: name,
    AlarmArn: alarmArn(name),
    AlarmDescription: 'CIS AWS Foundations monitoring',
    AlarmConfigurationUpdatedTimestamp: UPDATED,
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [TOPIC],
    InsufficientDataActions: [],
    StateValue: 'OK',
    StateReason: 'Threshold Crossed: 1 datapoint [0.0 (01/06/25 08:00:00)] was not greater than or equal to the threshold (1.0).',
    StateUpdatedTimestamp: UPDATED,
    MetricName: 'UnauthorizedAPICalls',
    Namespace: 'CISBenchmark',
    Statistic: 'Sum',
    Dimensions: [],
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    ...overrides,
  };
}

/** A metric-math alarm: its metrics are in Metrics, none at the top level. */
const mathAlarm = alarm('sign-in-anomalies', {
  MetricName: undefined,
  Namespace: undefined,
  Statistic: undefined,
  Period: undefined,
  Metrics: [
    {
      Id: 'm1',
      MetricStat: { Metric: { Namespace: 'CISBenchmark', MetricName: 'ConsoleSigninFailures', Dimensions: [] }, Period: 300, Stat: 'Sum' },
      ReturnData: false,
    },
    {
      Id: 'm2',
      MetricStat: { Metric: { Namespace: 'CISBenchmark', MetricName: 'ConsoleSigninWithoutMfa', Dimensions: [] }, Period: 300, Stat: 'Sum' },
      ReturnData: false,
    },
    { Id: 'e1', Expression: 'm1 + m2', Label: 'Sign-in anomalies', ReturnData: true },
  ],
});

let PAGES: { alarms: MetricAlarm[]; next?: string }[];

function scenario(): void {
  PAGES = [
    { alarms: [alarm('unauthorized-api-calls'), mathAlarm], next: 'alarms-1' },
    // Actions switched off, and an Auto Scaling action rather than a topic.
    { alarms: [alarm('root-usage', { ActionsEnabled: false, MetricName: 'RootUsage', StateValue: 'INSUFFICIENT_DATA' })], next: 'alarms-2' },
    {
      alarms: [
        alarm('cpu-high', {
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
          Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }],
          AlarmActions: [
            `arn:aws:autoscaling:${REGION}:${ACCOUNT}:scalingPolicy:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d:autoScalingGroupName/web:policyName/scale-out`,
          ],
          StateValue: 'ALARM',
        }),
      ],
    },
  ];
}

const cloudwatch = mockClient(CloudWatchClient);

function cloudwatchError(code: string, message: string, status: number): CloudWatchServiceException {
  return new CloudWatchServiceException({ name: code, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

const accessDenied = (action: string) =>
  cloudwatchError(
    'AccessDenied',
    `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    403,
  );

function wire(): void {
  cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { NextToken?: string; MaxRecords?: number; AlarmTypes?: string[] }) => {
    expect(input.MaxRecords).toBe(100);
    expect(input.AlarmTypes).toEqual(['MetricAlarm']);
    const page = PAGES[input.NextToken === undefined ? 0 : Number(input.NextToken.replace('alarms-', ''))];
    if (page === undefined) throw cloudwatchError('InvalidNextToken', 'The service returned an error: invalid token', 400);
    return { MetricAlarms: page.alarms, CompositeAlarms: [], ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
  cloudwatch.on(ListTagsForResourceCommand).callsFake((input: { ResourceARN: string }) => ({
    Tags: input.ResourceARN === alarmArn('unauthorized-api-calls') ? [{ Key: 'owner', Value: 'security' }] : [],
    $metadata,
  }));
}

beforeEach(() => {
  cloudwatch.reset();
  scenario();
  wire();
});

afterEach(() => {
  cloudwatch.reset();
});

describe('metric alarm collector', () => {
  it('reads every page of metric alarms and normalises a single-metric alarm exactly', async () => {
    const { resources, coverage } = await runCollector(cloudWatchAlarm);
    expect(coverage).toEqual([]);
    expect(cloudwatch.commandCalls(DescribeAlarmsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'alarms-1', 'alarms-2']);
    expect(resources.map((r) => r.id).sort()).toEqual(['cpu-high', 'root-usage', 'sign-in-anomalies', 'unauthorized-api-calls']);
    expect(byId(resources, 'unauthorized-api-calls')).toEqual({
      arn: alarmArn('unauthorized-api-calls'),
      type: 'AWS::CloudWatch::Alarm',
      accountId: ACCOUNT,
      region: REGION,
      id: 'unauthorized-api-calls',
      name: 'unauthorized-api-calls',
      tags: { owner: 'security' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        alarmName: 'unauthorized-api-calls',
        actionsEnabled: true,
        alarmActions: [TOPIC],
        metrics: [{ namespace: 'CISBenchmark', metricName: 'UnauthorizedAPICalls' }],
        stateValue: 'OK',
      },
    });
  });

  it('a metric-math alarm watches each metric its MetricStat queries read; expressions name none', async () => {
    const { resources } = await runCollector(cloudWatchAlarm);
    expect(byId(resources, 'sign-in-anomalies').config.metrics).toEqual([
      { namespace: 'CISBenchmark', metricName: 'ConsoleSigninFailures' },
      { namespace: 'CISBenchmark', metricName: 'ConsoleSigninWithoutMfa' },
    ]);
  });

  it('keeps disabled actions, other action kinds and every state as reported', async () => {
    const { resources } = await runCollector(cloudWatchAlarm);
    expect(byId(resources, 'root-usage').config).toMatchObject({ actionsEnabled: false, stateValue: 'INSUFFICIENT_DATA' });
    expect(byId(resources, 'cpu-high').config).toMatchObject({
      alarmActions: [expect.stringMatching(/^arn:aws:autoscaling:/)],
      metrics: [{ namespace: 'AWS/EC2', metricName: 'CPUUtilization' }],
      stateValue: 'ALARM',
    });
  });

  it('AccessDenied on DescribeAlarms: no alarms, and coverage names the code', async () => {
    cloudwatch.on(DescribeAlarmsCommand).rejects(accessDenied('cloudwatch:DescribeAlarms'));
    const { resources, coverage } = await runCollector(cloudWatchAlarm);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'cloudwatch',
        operation: 'DescribeAlarms',
        resourceType: 'AWS::CloudWatch::Alarm',
        error: { code: 'AccessDenied', message: expect.stringContaining('cloudwatch:DescribeAlarms') },
        count: 1,
      },
    ]);
  });

  it('a failing later page keeps the alarms read and records the gap', async () => {
    cloudwatch.on(DescribeAlarmsCommand, { NextToken: 'alarms-2' }).rejects(cloudwatchError('Throttling', 'Rate exceeded', 400));
    const { resources, coverage } = await runCollector(cloudWatchAlarm);
    expect(resources.map((r) => r.id).sort()).toEqual(['root-usage', 'sign-in-anomalies', 'unauthorized-api-calls']);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeAlarms', error: expect.objectContaining({ code: 'Throttling' }) })]);
  });

  it('an alarm answered without its actions flag or state keeps them unknown, never defaulted, and coverage names it', async () => {
    PAGES[2] = { alarms: [alarm('cpu-high', { ActionsEnabled: undefined, StateValue: undefined })] };
    const { resources, coverage } = await runCollector(cloudWatchAlarm);
    const kept = byId(resources, 'cpu-high');
    expect(kept.config.actionsEnabled).toEqual(unknown('UnexpectedResponse: cloudwatch:DescribeAlarms'));
    expect(kept.config.stateValue).toEqual(unknown('UnexpectedResponse: cloudwatch:DescribeAlarms'));
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: alarmArn('cpu-high'),
        count: 2,
        error: { code: 'UnexpectedResponse', message: expect.stringContaining('ActionsEnabled') },
      }),
    ]);
  });

  it('tags that cannot be read are unknown', async () => {
    cloudwatch.on(ListTagsForResourceCommand).rejects(accessDenied('cloudwatch:ListTagsForResource'));
    const { resources } = await runCollector(cloudWatchAlarm);
    expect(byId(resources, 'unauthorized-api-calls').tags).toEqual(unknown('AccessDenied: cloudwatch:ListTagsForResource'));
  });

  it('runs only DescribeAlarms when the selection reads no tags', async () => {
    const { resources } = await runCollector(cloudWatchAlarm, { fields: ['metrics', 'alarmActions', 'actionsEnabled'] });
    expect([...new Set(sentOperations(cloudwatch.send.getCalls()))]).toEqual(['DescribeAlarms']);
    expect(byId(resources, 'unauthorized-api-calls').tags).toEqual(unknown('NotCollected: cloudwatch:ListTagsForResource'));
  });
});
