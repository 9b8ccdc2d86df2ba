/**
 * The CloudTrail trail collector against a mocked CloudTrail: responses shaped as the CloudTrail API
 * reference documents them, errors as the SDK's service exceptions. The mock answers DescribeTrails
 * as CloudTrail does: shadow trails (multi-region trails of other regions, organization trails of
 * the management account) only when includeShadowTrails is not false.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccessDeniedException,
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  TrailNotFoundException,
  type GetEventSelectorsResponse,
  type ResourceTag,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import cloudTrailTrail from '../../../src/collect/collectors/cloudtrail/trail.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const MANAGEMENT_ACCOUNT = '999988887777';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const arn = (name: string, region = REGION, account = ACCOUNT) => `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function trail(name: string, overrides: Partial<Trail> = {}, region = REGION, account = ACCOUNT): Trail {
  return {
    Name: name,
    S3BucketName: 'cloudtrail-logs-111122223333',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: false,
    HomeRegion: region,
    TrailARN: arn(name, region, account),
    LogFileValidationEnabled: false,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
    ...overrides,
  };
}

/** Trails whose home is eu-west-1 in this account. */
const HOME: Trail[] = [
  trail('management-events', {
    IsMultiRegionTrail: true,
    LogFileValidationEnabled: true,
    KmsKeyId: KEY,
    S3KeyPrefix: 'trails',
    CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:cloudtrail:*`,
    CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`,
  }),
  // This account is the organization's management account: the organization trail is its own.
  trail('organization-trail', { IsMultiRegionTrail: true, IsOrganizationTrail: true, LogFileValidationEnabled: true, HasCustomEventSelectors: true }),
  trail('write-audit', { HasCustomEventSelectors: true }),
];

/** Shadow trails CloudTrail adds unless includeShadowTrails is false. */
const SHADOWS: Trail[] = [
  trail('global-trail', { IsMultiRegionTrail: true }, 'us-east-1'),
  trail('member-org-trail', { IsMultiRegionTrail: true, IsOrganizationTrail: true }, 'us-east-1', MANAGEMENT_ACCOUNT),
];

const SELECTORS: Record<string, GetEventSelectorsResponse> = {
  [arn('management-events')]: {
    TrailARN: arn('management-events'),
    EventSelectors: [
      {
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::trade-records-111122223333/', 'arn:aws:s3:::payroll-111122223333/'] }],
        ExcludeManagementEventSources: [],
      },
    ],
  },
  [arn('organization-trail')]: {
    TrailARN: arn('organization-trail'),
    AdvancedEventSelectors: [
      { Name: 'Management events selector', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      {
        Name: 'S3 data events but the trail bucket',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::cloudtrail-logs-111122223333/'] },
        ],
      },
    ],
  },
  [arn('write-audit')]: {
    TrailARN: arn('write-audit'),
    AdvancedEventSelectors: [
      {
        Name: 'Write-only management events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'readOnly', Equals: ['false'] },
        ],
      },
    ],
  },
};

/** ListTags in three pages; the first trail's tags span two of them. */
const TAG_PAGES: ResourceTag[][] = [
  [{ ResourceId: arn('management-events'), TagsList: [{ Key: 'owner', Value: 'security' }] }],
  [
    { ResourceId: arn('management-events'), TagsList: [{ Key: 'cost-center', Value: 'cc-100' }] },
    { ResourceId: arn('organization-trail'), TagsList: [] },
  ],
  [{ ResourceId: arn('write-audit'), TagsList: [{ Key: 'owner', Value: 'audit' }, { Key: 'ticket' }] }],
];

const cloudtrail = mockClient(CloudTrailClient);

function accessDenied(action: string): AccessDeniedException {
  return new AccessDeniedException({
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    $metadata: { httpStatusCode: 400, requestId: 'req' },
  });
}

function standardCloudTrail(home: Trail[] = HOME, shadows: Trail[] = SHADOWS): void {
  cloudtrail.on(DescribeTrailsCommand).callsFake((input: { includeShadowTrails?: boolean }) => ({
    trailList: input.includeShadowTrails === false ? home : [...home, ...shadows],
    $metadata,
  }));
  cloudtrail.on(GetTrailStatusCommand).callsFake((input: { Name: string }) => ({
    IsLogging: input.Name !== arn('write-audit'),
    LatestDeliveryTime: new Date('2026-03-01T08:55:00Z'),
    StartLoggingTime: new Date('2025-01-10T12:00:00Z'),
    ...(input.Name === arn('write-audit') ? { StopLoggingTime: new Date('2026-02-01T00:00:00Z') } : {}),
    $metadata,
  }));
  cloudtrail.on(GetEventSelectorsCommand).callsFake((input: { TrailName: string }) => {
    const found = SELECTORS[input.TrailName];
    if (found === undefined) throw new Error(`no selectors for ${input.TrailName}`);
    return { ...found, $metadata };
  });
  cloudtrail.on(ListTagsCommand).callsFake((input: { ResourceIdList: string[]; NextToken?: string }) => {
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('tags-', ''));
    const last = index === TAG_PAGES.length - 1;
    const page = (TAG_PAGES[index] ?? []).filter((entry) => input.ResourceIdList.includes(entry.ResourceId ?? ''));
    return { ResourceTagList: page, ...(last ? {} : { NextToken: `tags-${index + 1}` }), $metadata };
  });
}

beforeEach(() => {
  cloudtrail.reset();
  standardCloudTrail();
});

afterEach(() => {
  cloudtrail.reset();
});

describe('CloudTrail trail collector', () => {
  it('reports the trails whose home is the region, without shadow trails, and normalises a trail exactly', async () => {
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    expect(coverage).toEqual([]);
    expect(cloudtrail.commandCalls(DescribeTrailsCommand).map((call) => call.args[0].input)).toEqual([{ includeShadowTrails: false }]);
    expect(resources.map((r) => r.id)).toEqual(['management-events', 'organization-trail', 'write-audit']);
    expect(cloudtrail.commandCalls(ListTagsCommand)).toHaveLength(3);
    expect(byId(resources, 'management-events')).toEqual({
      arn: arn('management-events'),
      type: 'AWS::CloudTrail::Trail',
      accountId: ACCOUNT,
      region: REGION,
      id: 'management-events',
      name: 'management-events',
      tags: { owner: 'security', 'cost-center': 'cc-100' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        homeRegion: REGION,
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        logFileValidationEnabled: true,
        kmsKeyId: KEY,
        s3BucketName: 'cloudtrail-logs-111122223333',
        cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:cloudtrail:*`,
        isLogging: true,
        managementEvents: 'All',
        s3DataEvents: {
          read: { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::payroll-111122223333/', 'arn:aws:s3:::trade-records-111122223333/'] },
          write: { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::payroll-111122223333/', 'arn:aws:s3:::trade-records-111122223333/'] },
        },
      },
    });
  });

  it('asks for status and selectors by ARN', async () => {
    await runCollector(cloudTrailTrail);
    expect(
      cloudtrail
        .commandCalls(GetTrailStatusCommand)
        .map((call) => call.args[0].input.Name)
        .sort(),
    ).toEqual(HOME.map((t) => t.TrailARN).sort());
    expect(
      cloudtrail
        .commandCalls(GetEventSelectorsCommand)
        .map((call) => call.args[0].input.TrailName)
        .sort(),
    ).toEqual(HOME.map((t) => t.TrailARN).sort());
  });

  it('reads an organization trail owned by this account, with advanced event selectors', async () => {
    const { resources } = await runCollector(cloudTrailTrail);
    expect(byId(resources, 'organization-trail').config).toMatchObject({
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      managementEvents: 'All',
      kmsKeyId: null,
    });
    const everyBucketButTheLogs = { buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::cloudtrail-logs-111122223333/'] };
    expect(byId(resources, 'organization-trail').config.s3DataEvents).toEqual({ read: everyBucketButTheLogs, write: everyBucketButTheLogs });
    expect(byId(resources, 'organization-trail').tags).toEqual({});
    const writeAudit = byId(resources, 'write-audit');
    expect(writeAudit.config).toMatchObject({ isMultiRegionTrail: false, isLogging: false, managementEvents: 'WriteOnly', cloudWatchLogsLogGroupArn: null });
    expect(writeAudit.config.s3DataEvents).toEqual({ read: { buckets: 'none' }, write: { buckets: 'none' } });
    expect(writeAudit.tags).toEqual({ owner: 'audit', ticket: '' });
  });

  it('reports a multi-region trail in its home region only', async () => {
    cloudtrail.on(DescribeTrailsCommand).callsFake(async (input: { includeShadowTrails?: boolean }, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      const home = region === 'us-east-1' ? [SHADOWS[0] as Trail] : HOME;
      const shadows = region === 'us-east-1' ? HOME.filter((t) => t.IsMultiRegionTrail === true) : SHADOWS;
      return { trailList: input.includeShadowTrails === false ? home : [...home, ...shadows], $metadata };
    });
    cloudtrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }], $metadata });
    const { resources, coverage } = await runCollector(cloudTrailTrail, { regions: ['eu-west-1', 'us-east-1'] });
    expect(coverage).toEqual([]);
    expect(resources.map((r) => [r.region, r.arn])).toEqual([
      ['eu-west-1', arn('management-events')],
      ['eu-west-1', arn('organization-trail')],
      ['eu-west-1', arn('write-audit')],
      ['us-east-1', arn('global-trail', 'us-east-1')],
    ]);
    expect(byId(resources, 'global-trail').config.homeRegion).toBe('us-east-1');
  });

  it('leaves another account’s organization trail to that account’s scan, should CloudTrail return it', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({
      trailList: [...HOME, trail('member-org-trail', { IsMultiRegionTrail: true, IsOrganizationTrail: true }, REGION, MANAGEMENT_ACCOUNT)],
      $metadata,
    });
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    expect(resources.map((r) => r.id)).toEqual(['management-events', 'organization-trail', 'write-audit']);
    expect(coverage).toEqual([]);
    expect(cloudtrail.commandCalls(GetTrailStatusCommand, { Name: arn('member-org-trail', REGION, MANAGEMENT_ACCOUNT) })).toHaveLength(0);
  });

  it('AccessDenied on one trail’s status: isLogging is unknown, coverage names the trail, the rest is collected', async () => {
    cloudtrail.on(GetTrailStatusCommand, { Name: arn('management-events') }).rejects(accessDenied('cloudtrail:GetTrailStatus'));
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    const denied = byId(resources, 'management-events');
    expect(denied.config.isLogging).toEqual(unknown('AccessDeniedException: cloudtrail:GetTrailStatus'));
    expect(denied.config.managementEvents).toBe('All');
    expect(byId(resources, 'organization-trail').config.isLogging).toBe(true);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'cloudtrail',
        operation: 'GetTrailStatus',
        resourceType: 'AWS::CloudTrail::Trail',
        resourceArn: arn('management-events'),
        error: { code: 'AccessDeniedException', message: expect.stringContaining('cloudtrail:GetTrailStatus') },
        count: 1,
      },
    ]);
  });

  it('a trail deleted after the listing leaves its selectors unknown', async () => {
    cloudtrail
      .on(GetEventSelectorsCommand, { TrailName: arn('write-audit') })
      .rejects(new TrailNotFoundException({ message: `Unknown trail: ${arn('write-audit')} for the user: ${ACCOUNT}`, $metadata: { httpStatusCode: 400 } }));
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    expect(byId(resources, 'write-audit').config.managementEvents).toEqual(unknown('TrailNotFoundException: cloudtrail:GetEventSelectors'));
    expect(byId(resources, 'write-audit').config.s3DataEvents).toEqual(unknown('TrailNotFoundException: cloudtrail:GetEventSelectors'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GetEventSelectors', resourceArn: arn('write-audit') })]);
  });

  it('tags that cannot be listed are unknown for the trails of that call', async () => {
    cloudtrail.on(ListTagsCommand).rejects(accessDenied('cloudtrail:ListTags'));
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    for (const r of resources) expect(r.tags).toEqual(unknown('AccessDeniedException: cloudtrail:ListTags'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListTags', count: 1 })]);
  });

  it('lists tags 20 trails a call', async () => {
    const many = Array.from({ length: 25 }, (_, i) => trail(`trail-${String(i).padStart(2, '0')}`));
    standardCloudTrail(many, []);
    cloudtrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }], $metadata });
    cloudtrail.on(ListTagsCommand).callsFake((input: { ResourceIdList: string[] }) => ({
      ResourceTagList: input.ResourceIdList.map((id) => ({ ResourceId: id, TagsList: [{ Key: 'owner', Value: 'platform' }] })),
      $metadata,
    }));
    const { resources } = await runCollector(cloudTrailTrail);
    expect(resources).toHaveLength(25);
    expect(cloudtrail.commandCalls(ListTagsCommand).map((call) => call.args[0].input.ResourceIdList?.length)).toEqual([20, 5]);
    for (const r of resources) expect(r.tags).toEqual({ owner: 'platform' });
  });

  it('DescribeTrails denied: no trails, and coverage says so', async () => {
    cloudtrail.on(DescribeTrailsCommand).rejects(accessDenied('cloudtrail:DescribeTrails'));
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeTrails', resourceType: 'AWS::CloudTrail::Trail', count: 1 })]);
  });

  it('a region without trails has none, and nothing is missing', async () => {
    standardCloudTrail([], SHADOWS);
    const { resources, coverage } = await runCollector(cloudTrailTrail);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([]);
    expect(sentOperations(cloudtrail.send.getCalls())).toEqual(['DescribeTrails']);
  });

  it('runs only the operations the selected fields need; the other fields are NotCollected', async () => {
    const { resources, coverage } = await runCollector(cloudTrailTrail, { fields: ['isLogging'] });
    expect(new Set(sentOperations(cloudtrail.send.getCalls()))).toEqual(new Set(['DescribeTrails', 'GetTrailStatus']));
    const t = byId(resources, 'management-events');
    expect(t.config.isLogging).toBe(true);
    expect(t.config.managementEvents).toEqual(unknown('NotCollected: cloudtrail:GetEventSelectors'));
    expect(t.config.s3DataEvents).toEqual(unknown('NotCollected: cloudtrail:GetEventSelectors'));
    expect(t.tags).toEqual(unknown('NotCollected: cloudtrail:ListTags'));
    expect(coverage).toEqual([]);
  });

  it('reads the S3 data events from the same GetEventSelectors call as the management events', async () => {
    const { resources, coverage } = await runCollector(cloudTrailTrail, { fields: ['s3DataEvents'] });
    expect(new Set(sentOperations(cloudtrail.send.getCalls()))).toEqual(new Set(['DescribeTrails', 'GetEventSelectors']));
    expect(cloudtrail.commandCalls(GetEventSelectorsCommand)).toHaveLength(HOME.length);
    const t = byId(resources, 'management-events');
    expect(t.config.s3DataEvents).toEqual(expect.objectContaining({ write: { buckets: 'prefixes', arnPrefixes: expect.any(Array) } }));
    expect(t.config.managementEvents).toBe('All');
    expect(t.config.isLogging).toEqual(unknown('NotCollected: cloudtrail:GetTrailStatus'));
    expect(coverage).toEqual([]);
  });

  it('sends exactly the operations it declares', async () => {
    await runCollector(cloudTrailTrail);
    expect([...new Set(sentOperations(cloudtrail.send.getCalls()))].sort()).toEqual(cloudTrailTrail.operations.map((op) => op.operation).sort());
  });
});
