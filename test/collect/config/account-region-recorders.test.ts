/**
 * The AWS Config recorders of a region (`AWS::Account::Region` configRecorders) against a mocked
 * Config: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus as the Config API
 * reference documents them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConfigServiceClient,
  ConfigServiceServiceException,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  NoSuchConfigurationRecorderException,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
} from '@aws-sdk/client-config-service';
import accountRegionConfigRecorders from '../../../src/collect/collectors/config/account-region-recorders.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, expectValid, regionOf, runSettings, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;

function recorder(overrides: Partial<ConfigurationRecorder> = {}): ConfigurationRecorder {
  return {
    arn: `arn:aws:config:${REGION}:${ACCOUNT}:configuration-recorder/default/abcdefghijklmnop`,
    name: 'default',
    roleARN: ROLE,
    recordingGroup: {
      allSupported: true,
      includeGlobalResourceTypes: true,
      resourceTypes: [],
      exclusionByResourceTypes: { resourceTypes: [] },
      recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
    },
    recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
    recordingScope: 'PAID',
    ...overrides,
  };
}

function status(overrides: Partial<ConfigurationRecorderStatus> = {}): ConfigurationRecorderStatus {
  return {
    arn: `arn:aws:config:${REGION}:${ACCOUNT}:configuration-recorder/default/abcdefghijklmnop`,
    name: 'default',
    lastStartTime: new Date('2025-06-01T10:00:00Z'),
    recording: true,
    lastStatus: 'Success',
    lastStatusChangeTime: new Date('2026-03-01T08:00:00Z'),
    ...overrides,
  };
}

const config = mockClient(ConfigServiceClient);

function mockConfig(recorders: ConfigurationRecorder[], statuses: ConfigurationRecorderStatus[]): void {
  config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: recorders, $metadata });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: statuses, $metadata });
}

afterEach(() => {
  config.reset();
});

describe('the AWS Config recorders of a region', () => {
  it('reads the recorder and its status in the region and normalises them exactly', async () => {
    const regions: string[] = [];
    config.on(DescribeConfigurationRecordersCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      regions.push(await regionOf(getClient));
      return { ConfigurationRecorders: [recorder()], $metadata };
    });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [status()], $metadata });
    const { settings, coverage } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(regions).toEqual([REGION]);
    expect(settings).toEqual({
      configRecorders: [{ name: 'default', recording: true, allSupported: true, includeGlobalResourceTypes: true, lastStatus: 'SUCCESS' }],
    });
    expect(coverage).toEqual([]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('a region with no recorder has an empty list, and the status is not asked for', async () => {
    mockConfig([], []);
    const { settings, coverage } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({ configRecorders: [] });
    expect(coverage).toEqual([]);
    expect(sentOperations(config.send.getCalls())).toEqual(['DescribeConfigurationRecorders']);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('NoSuchConfigurationRecorder is "no recorder", not a failure', async () => {
    mockConfig([recorder()], []);
    config.on(DescribeConfigurationRecorderStatusCommand).rejects(
      new NoSuchConfigurationRecorderException({
        message: "Cannot find configuration recorder with the specified name 'default'.",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const { settings, coverage } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({ configRecorders: [] });
    expect(coverage).toEqual([]);
  });

  it('a stopped recorder of selected types whose delivery failed', async () => {
    mockConfig(
      [
        recorder({
          recordingGroup: {
            allSupported: false,
            includeGlobalResourceTypes: false,
            resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup'],
            recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
          },
        }),
      ],
      [
        status({
          recording: false,
          lastStatus: 'Failure',
          lastErrorCode: 'NoSuchBucket',
          lastErrorMessage: 'The specified bucket does not exist',
          lastStopTime: new Date('2026-02-01T00:00:00Z'),
        }),
      ],
    );
    const { settings } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({
      configRecorders: [{ name: 'default', recording: false, allSupported: false, includeGlobalResourceTypes: false, lastStatus: 'FAILURE' }],
    });
  });

  it('a recorder that excludes some types does not record all supported types, whatever allSupported says', async () => {
    mockConfig(
      [
        recorder({
          recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: false,
            exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::NetworkInterface'] },
            recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
          },
          recordingMode: { recordingFrequency: 'DAILY' },
        }),
      ],
      [status({ lastStatus: 'Pending' })],
    );
    const { settings } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({
      configRecorders: [{ name: 'default', recording: true, allSupported: false, includeGlobalResourceTypes: false, lastStatus: 'PENDING' }],
    });
  });

  it('a recorder that has not delivered yet has no last status; a recorder from before recording strategies is read from allSupported', async () => {
    mockConfig(
      [
        recorder({
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: false },
          recordingMode: undefined,
          recordingScope: undefined,
          arn: undefined,
        }),
      ],
      [status({ lastStatus: 'NotApplicable' })],
    );
    const { settings } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({
      configRecorders: [{ name: 'default', recording: true, allSupported: true, includeGlobalResourceTypes: false, lastStatus: null }],
    });
  });

  it('a recorder linked to another service is not the account’s recorder', async () => {
    mockConfig(
      [recorder({ name: 'AWSConfigurationRecorderForCloudWatch', servicePrincipal: 'telemetry.cloudwatch.amazonaws.com', recordingScope: 'INTERNAL' })],
      [status({ name: 'AWSConfigurationRecorderForCloudWatch', servicePrincipal: 'telemetry.cloudwatch.amazonaws.com' })],
    );
    const { settings } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({ configRecorders: [] });
  });

  it('a status it cannot read makes the list unknown', async () => {
    mockConfig([recorder()], [status({ lastStatus: 'Exploded' as 'Success' })]);
    const { settings, coverage } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({ configRecorders: unknown('UnexpectedResponse: config:DescribeConfigurationRecorderStatus') });
    expect(coverage).toEqual([expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'recorder default has last status Exploded' } })]);
  });

  it('AccessDenied on the status: the recorders are unknown, and coverage names the region', async () => {
    mockConfig([recorder()], []);
    config.on(DescribeConfigurationRecorderStatusCommand).rejects(
      new ConfigServiceServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: config:DescribeConfigurationRecorderStatus`,
      }),
    );
    const { settings, coverage } = await runSettings(accountRegionConfigRecorders, { homeRegion: REGION });
    expect(settings).toEqual({ configRecorders: unknown('AccessDeniedException: config:DescribeConfigurationRecorderStatus') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'config',
        operation: 'DescribeConfigurationRecorderStatus',
        resourceType: 'AWS::Account::Region',
        resourceArn: `arn:aws::${REGION}:${ACCOUNT}`,
        error: { code: 'AccessDeniedException', message: expect.stringContaining('config:DescribeConfigurationRecorderStatus') },
        count: 1,
      },
    ]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('a disabled opt-in region is unknown, not "no recorder"', async () => {
    config.on(DescribeConfigurationRecordersCommand).rejects(
      new ConfigServiceServiceException({
        name: 'UnrecognizedClientException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'The security token included in the request is invalid.',
      }),
    );
    const { settings, coverage } = await runSettings(accountRegionConfigRecorders, { homeRegion: 'me-south-1' });
    expect(settings).toEqual({ configRecorders: unknown('UnrecognizedClientException: config:DescribeConfigurationRecorders') });
    expect(coverage).toEqual([expect.objectContaining({ region: 'me-south-1', operation: 'DescribeConfigurationRecorders' })]);
  });

  it('is not read when no selected insight needs it', async () => {
    const { settings } = await runSettings(accountRegionConfigRecorders, { fields: ['trailArns'] });
    expect(settings).toEqual({ configRecorders: unknown('NotCollected: config:DescribeConfigurationRecorders') });
    expect(config.send.callCount).toBe(0);
  });
});
