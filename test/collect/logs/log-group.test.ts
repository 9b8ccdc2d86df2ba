/**
 * The log group collector against a mocked CloudWatch Logs: DescribeLogGroups in three pages and
 * one region-wide DescribeMetricFilters listing in two, shaped as the CloudWatch Logs API reference
 * documents them (camelCase members, `arn` with `:*`, `logGroupArn` without, creationTime in epoch
 * milliseconds); errors as the SDK's service exceptions (AccessDeniedException).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccessDeniedException,
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  ListTagsForResourceCommand,
  ServiceUnavailableException,
  type LogGroup,
  type MetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import logsLogGroup from '../../../src/collect/collectors/logs/log-group.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const groupArn = (name: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const CREATED = Date.parse('2025-02-03T04:05:06.000Z');

const TRAIL_GROUP = 'aws-cloudtrail-logs-111122223333-org';
const AUDIT_GROUP = '/aws/rds/instance/ledger/audit';
const LAMBDA_GROUP = '/aws/lambda/settlement';
const ERROR_GROUP = '/aws/rds/instance/ledger/error';

function group(name: string, overrides: Partial<LogGroup> = {}): LogGroup {
  return {
    logGroupName: name,
    creationTime: CREATED,
    retentionInDays: 365,
    metricFilterCount: 0,
    arn: `${groupArn(name)}:*`,
    storedBytes: 123456,
    logGroupClass: 'STANDARD',
    logGroupArn: groupArn(name),
    ...overrides,
  };
}

function filter(logGroupName: string, filterName: string, filterPattern: string, metricName: string): MetricFilter {
  return {
    filterName,
    filterPattern,
    metricTransformations: [{ metricName, metricNamespace: 'CISBenchmark', metricValue: '1', defaultValue: 0 }],
    creationTime: CREATED,
    logGroupName,
    applyOnTransformedLogs: false,
  };
}

const UNAUTHORIZED_PATTERN =
  '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
const ROOT_PATTERN = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';

/** DescribeLogGroups in three pages (a test may change them; beforeEach restores them). */
let GROUP_PAGES: { groups: LogGroup[]; next?: string }[];

function groupPages(): typeof GROUP_PAGES {
  return [
    { groups: [group(TRAIL_GROUP, { kmsKeyId: KEY, metricFilterCount: 2 }), group(AUDIT_GROUP, { metricFilterCount: 1 })], next: 'groups-1' },
    // No retention: the events never expire.
    { groups: [group(LAMBDA_GROUP, { retentionInDays: undefined })], next: 'groups-2' },
    { groups: [group(ERROR_GROUP, { retentionInDays: 7 })] },
  ];
}

/** DescribeMetricFilters for the whole region, in two pages. */
const FILTER_PAGES: { filters: MetricFilter[]; next?: string }[] = [
  {
    filters: [
      filter(TRAIL_GROUP, 'unauthorized-api-calls', UNAUTHORIZED_PATTERN, 'UnauthorizedAPICalls'),
      filter(AUDIT_GROUP, 'audit-grants', '"GRANT"', 'AuditGrants'),
    ],
    next: 'filters-1',
  },
  // A filter of a log group deleted since the listing is dropped with it.
  { filters: [filter(TRAIL_GROUP, 'root-usage', ROOT_PATTERN, 'RootUsage'), filter('/aws/deleted', 'old', '', 'Old')] },
];

const logs = mockClient(CloudWatchLogsClient);

function accessDenied(action: string): AccessDeniedException {
  return new AccessDeniedException({
    $metadata: { httpStatusCode: 400 },
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action}`,
  });
}

function wire(): void {
  logs.on(DescribeLogGroupsCommand).callsFake((input: { nextToken?: string; limit?: number }) => {
    expect(input.limit).toBe(50);
    const page = GROUP_PAGES[input.nextToken === undefined ? 0 : Number(input.nextToken.replace('groups-', ''))];
    if (page === undefined) throw new Error(`unexpected token ${input.nextToken}`);
    return { logGroups: page.groups, ...(page.next !== undefined ? { nextToken: page.next } : {}), $metadata };
  });
  logs.on(DescribeMetricFiltersCommand).callsFake((input: { nextToken?: string; limit?: number; logGroupName?: string }) => {
    expect(input.limit).toBe(50);
    expect(input.logGroupName).toBeUndefined();
    const page = FILTER_PAGES[input.nextToken === undefined ? 0 : Number(input.nextToken.replace('filters-', ''))];
    if (page === undefined) throw new Error(`unexpected token ${input.nextToken}`);
    return { metricFilters: page.filters, ...(page.next !== undefined ? { nextToken: page.next } : {}), $metadata };
  });
  logs.on(ListTagsForResourceCommand).callsFake((input: { resourceArn: string }) => ({
    tags: input.resourceArn === groupArn(TRAIL_GROUP) ? { owner: 'security', 'cost-center': '4711' } : {},
    $metadata,
  }));
}

beforeEach(() => {
  logs.reset();
  GROUP_PAGES = groupPages();
  wire();
});

afterEach(() => {
  logs.reset();
});

describe('log group collector', () => {
  it('reads every page and normalises a log group with its metric filters exactly', async () => {
    const { resources, coverage } = await runCollector(logsLogGroup);
    expect(coverage).toEqual([]);
    expect(logs.commandCalls(DescribeLogGroupsCommand).map((call) => call.args[0].input.nextToken)).toEqual([undefined, 'groups-1', 'groups-2']);
    expect(logs.commandCalls(DescribeMetricFiltersCommand).map((call) => call.args[0].input.nextToken)).toEqual([undefined, 'filters-1']);
    expect(resources.map((r) => r.id).sort()).toEqual([AUDIT_GROUP, ERROR_GROUP, LAMBDA_GROUP, TRAIL_GROUP].sort());
    expect(byId(resources, TRAIL_GROUP)).toEqual({
      arn: groupArn(TRAIL_GROUP),
      type: 'AWS::Logs::LogGroup',
      accountId: ACCOUNT,
      region: REGION,
      id: TRAIL_GROUP,
      name: TRAIL_GROUP,
      tags: { owner: 'security', 'cost-center': '4711' },
      createdAt: '2025-02-03T04:05:06.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        logGroupName: TRAIL_GROUP,
        retentionInDays: 365,
        kmsKeyId: KEY,
        metricFilters: [
          {
            filterName: 'unauthorized-api-calls',
            filterPattern: UNAUTHORIZED_PATTERN,
            metricTransformations: [{ metricName: 'UnauthorizedAPICalls', metricNamespace: 'CISBenchmark' }],
          },
          { filterName: 'root-usage', filterPattern: ROOT_PATTERN, metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CISBenchmark' }] },
        ],
      },
    });
  });

  it('groups the region-wide filters by log group; a group without filters has none; no retention is null', async () => {
    const { resources } = await runCollector(logsLogGroup);
    expect(byId(resources, AUDIT_GROUP).config.metricFilters).toEqual([
      { filterName: 'audit-grants', filterPattern: '"GRANT"', metricTransformations: [{ metricName: 'AuditGrants', metricNamespace: 'CISBenchmark' }] },
    ]);
    expect(byId(resources, LAMBDA_GROUP).config).toEqual({ logGroupName: LAMBDA_GROUP, retentionInDays: null, kmsKeyId: null, metricFilters: [] });
    expect(byId(resources, ERROR_GROUP).config.retentionInDays).toBe(7);
    expect(
      logs
        .commandCalls(ListTagsForResourceCommand)
        .map((call) => call.args[0].input.resourceArn)
        .sort(),
    ).toEqual([AUDIT_GROUP, ERROR_GROUP, LAMBDA_GROUP, TRAIL_GROUP].map(groupArn).sort());
  });

  it('builds the ARN without :* when the response has only `arn`', async () => {
    GROUP_PAGES[2] = { groups: [group(ERROR_GROUP, { logGroupArn: undefined })] };
    const { resources } = await runCollector(logsLogGroup);
    expect(byId(resources, ERROR_GROUP).arn).toBe(groupArn(ERROR_GROUP));
  });

  it('AccessDeniedException on DescribeMetricFilters: every group is kept with its filters unknown, and coverage names the call', async () => {
    logs.on(DescribeMetricFiltersCommand).rejects(accessDenied('logs:DescribeMetricFilters'));
    const { resources, coverage } = await runCollector(logsLogGroup);
    expect(resources).toHaveLength(4);
    for (const resource of resources) expect(resource.config.metricFilters).toEqual(unknown('AccessDeniedException: logs:DescribeMetricFilters'));
    expect(byId(resources, TRAIL_GROUP).config.retentionInDays).toBe(365);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'logs',
        operation: 'DescribeMetricFilters',
        resourceType: 'AWS::Logs::LogGroup',
        error: { code: 'AccessDeniedException', message: expect.stringContaining('logs:DescribeMetricFilters') },
        count: 1,
      },
    ]);
  });

  it('a failing second page of filters makes every group’s filters unknown, not short', async () => {
    logs
      .on(DescribeMetricFiltersCommand, { nextToken: 'filters-1' })
      .rejects(new ServiceUnavailableException({ $metadata: { httpStatusCode: 503 }, message: 'Service unavailable' }));
    const { resources } = await runCollector(logsLogGroup);
    expect(byId(resources, TRAIL_GROUP).config.metricFilters).toEqual(unknown('ServiceUnavailableException: logs:DescribeMetricFilters'));
    expect(byId(resources, LAMBDA_GROUP).config.metricFilters).toEqual(unknown('ServiceUnavailableException: logs:DescribeMetricFilters'));
  });

  it('a filter the model cannot hold makes the filters unknown and is named in coverage', async () => {
    logs.on(DescribeMetricFiltersCommand).resolves({
      metricFilters: [
        {
          ...filter(TRAIL_GROUP, 'broken', ROOT_PATTERN, 'RootUsage'),
          metricTransformations: [{ metricName: 'RootUsage', metricNamespace: undefined, metricValue: '1' }],
        },
      ],
      $metadata,
    });
    const { resources, coverage } = await runCollector(logsLogGroup);
    expect(byId(resources, TRAIL_GROUP).config.metricFilters).toEqual(unknown('UnexpectedResponse: logs:DescribeMetricFilters'));
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeMetricFilters', error: { code: 'UnexpectedResponse', message: expect.stringContaining('broken') } }),
    ]);
  });

  it('AccessDeniedException on DescribeLogGroups: no groups, and coverage names the call', async () => {
    logs.on(DescribeLogGroupsCommand).rejects(accessDenied('logs:DescribeLogGroups'));
    const { resources, coverage } = await runCollector(logsLogGroup);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeLogGroups', error: expect.objectContaining({ code: 'AccessDeniedException' }) })]);
  });

  it('tags that cannot be read are unknown for that group only', async () => {
    logs.on(ListTagsForResourceCommand, { resourceArn: groupArn(TRAIL_GROUP) }).rejects(accessDenied('logs:ListTagsForResource'));
    const { resources, coverage } = await runCollector(logsLogGroup);
    expect(byId(resources, TRAIL_GROUP).tags).toEqual(unknown('AccessDeniedException: logs:ListTagsForResource'));
    expect(byId(resources, AUDIT_GROUP).tags).toEqual({});
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListTagsForResource', resourceArn: groupArn(TRAIL_GROUP) })]);
  });

  it('runs only what the selection reads: retention alone needs neither filters nor tags', async () => {
    const { resources } = await runCollector(logsLogGroup, { fields: ['retentionInDays'] });
    expect([...new Set(sentOperations(logs.send.getCalls()))]).toEqual(['DescribeLogGroups']);
    expect(byId(resources, TRAIL_GROUP).config.metricFilters).toEqual(unknown('NotCollected: logs:DescribeMetricFilters'));
    expect(byId(resources, TRAIL_GROUP).tags).toEqual(unknown('NotCollected: logs:ListTagsForResource'));
  });
});
