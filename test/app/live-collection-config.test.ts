/**
 * `vigil collect --source config`: the types AWS Config normalises come from SelectResourceConfig,
 * what Config lacks is read from S3 (ownership controls) or named in coverage (a key policy), and a
 * region whose recorder does not record everything is named in coverage rather than read as empty.
 */
import { join } from 'node:path';
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetBucketOwnershipControlsCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectLive } from '../../src/app/live-collection.js';
import { AwsClients } from '../../src/collect/aws/aws-clients.js';
import { readSnapshot } from '../../src/snapshot/snapshot-reader.js';
import type { AnyCollectedResource } from '../../src/model/resource.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);
const s3 = mockClient(S3Client);
const kms = mockClient(KMSClient);
afterEach(() => {
  sts.reset();
  config.reset();
  s3.reset();
  kms.reset();
});

const ACCOUNT = '123456789012';
const $metadata = { httpStatusCode: 200 };

async function regionOf(getClient: () => unknown): Promise<string> {
  return (getClient() as { config: { region: () => Promise<string> } }).config.region();
}

function mockAws(): void {
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, UserId: 'AIDAEXAMPLE' });
  config.on(DescribeConfigurationRecordersCommand).callsFake(async (_input, getClient) =>
    (await regionOf(getClient)) === 'eu-west-1'
      ? {
          ConfigurationRecorders: [
            {
              name: 'default',
              roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
              recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] },
            },
          ],
          $metadata,
        }
      : { ConfigurationRecorders: [], $metadata },
  );
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({
    ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }],
    $metadata,
  });
  config.on(SelectResourceConfigCommand).callsFake(async (input: { Expression: string }, getClient) => {
    const region = await regionOf(getClient);
    if (region !== 'eu-west-1' || !input.Expression.includes("'AWS::S3::Bucket'")) return { Results: [], $metadata };
    const item = {
      resourceId: 'trade-records',
      resourceName: 'trade-records',
      resourceType: 'AWS::S3::Bucket',
      arn: 'arn:aws:s3:::trade-records',
      accountId: ACCOUNT,
      awsRegion: 'eu-west-1',
      configuration: { name: 'trade-records', owner: { displayName: null, id: 'owner-id' }, creationDate: '2025-01-01T00:00:00.000Z' },
      supplementaryConfiguration: { BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: null } },
      tags: [{ key: 'purpose', value: 'trade-records', tag: 'purpose=trade-records' }],
      configurationItemCaptureTime: '2026-05-31T22:00:00.000Z',
      configurationItemStatus: 'OK',
    };
    return { Results: [JSON.stringify(item)], QueryInfo: { SelectFields: [] }, $metadata };
  });
  s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }, $metadata });
}

describe('collecting with the AWS Config source', () => {
  it('reads buckets from Config, fills from S3 what Config lacks, and names the region Config does not cover', async () => {
    mockAws();
    const out = join(tempDir(), 'config.jsonl');
    const result = await collectLive({
      config: undefined,
      accounts: [],
      regions: ['eu-west-1', 'us-east-1'],
      concurrency: 1,
      selection: new Map([['AWS::S3::Bucket', new Set(['versioning', 'objectOwnership', 'tags'])]]),
      source: 'config',
      out,
      log: { emit: () => {} },
      clock: () => new Date('2026-06-01T12:00:00Z'),
      clients: new AwsClients({ defaultCredentials: { accessKeyId: 'AK', secretAccessKey: 'secret' }, retryDelay: () => 1 }),
      homeRegion: 'eu-west-1',
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const seen: AnyCollectedResource[] = [];
    const read = await readSnapshot(out, (resource) => seen.push(resource));
    expect(read.ok, JSON.stringify(read)).toBe(true);
    if (!read.ok) return;
    expect(read.value.header.collector.source).toBe('config');
    const bucket = seen.find((r) => r.type === 'AWS::S3::Bucket');
    expect(bucket).toMatchObject({
      arn: 'arn:aws:s3:::trade-records',
      source: 'config',
      tags: { purpose: 'trade-records' },
      config: { versioning: { status: 'Enabled' }, objectOwnership: 'BucketOwnerEnforced' },
    });
    expect(s3.commandCalls(GetBucketOwnershipControlsCommand).map((c) => c.args[0].input.Bucket)).toEqual(['trade-records']);
    expect(read.value.header.coverage).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        service: 'config',
        operation: 'SelectResourceConfig',
        error: expect.objectContaining({ code: 'NotRecorded' }),
      }),
    ]);
  });

  async function collectAuto(regions: string[]) {
    mockAws();
    s3.on(ListBucketsCommand).resolves({ Buckets: [], Owner: { ID: 'owner-id' }, $metadata });
    const out = join(tempDir(), 'auto.jsonl');
    const result = await collectLive({
      config: undefined,
      accounts: [],
      regions,
      concurrency: 1,
      selection: new Map([['AWS::S3::Bucket', new Set(['versioning', 'objectOwnership'])]]),
      source: 'auto',
      out,
      log: { emit: () => {} },
      clock: () => new Date('2026-06-01T12:00:00Z'),
      clients: new AwsClients({ defaultCredentials: { accessKeyId: 'AK', secretAccessKey: 'secret' }, retryDelay: () => 1 }),
      homeRegion: 'eu-west-1',
    });
    expect(result.ok).toBe(true);
    const read = await readSnapshot(out, () => {});
    return read.ok ? read.value.header : undefined;
  }

  it('auto: reads from Config when every region of the account records everything', async () => {
    const header = await collectAuto(['eu-west-1']);
    expect(header?.collector.source).toBe('auto');
    expect(config.commandCalls(SelectResourceConfigCommand).length).toBeGreaterThan(0);
    expect(s3.commandCalls(ListBucketsCommand)).toHaveLength(0);
    expect(header?.coverage).toEqual([]);
  });

  it('auto: reads from the APIs when a region does not record everything, without a coverage gap', async () => {
    const header = await collectAuto(['eu-west-1', 'us-east-1']);
    expect(config.commandCalls(SelectResourceConfigCommand)).toHaveLength(0);
    expect(s3.commandCalls(ListBucketsCommand).length).toBeGreaterThan(0);
    expect(header?.coverage).toEqual([]);
  });

  it('auto decides per type: Config for the types the recorder records, the APIs for the others', async () => {
    mockAws();
    // The recorder records KMS keys only (an inclusion list), in every region collected.
    config.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        {
          name: 'default',
          roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
          recordingGroup: {
            allSupported: false,
            includeGlobalResourceTypes: false,
            resourceTypes: ['AWS::KMS::Key'],
            recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
          },
        },
      ],
      $metadata,
    });
    s3.on(ListBucketsCommand).resolves({ Buckets: [], Owner: { ID: 'owner-id' }, $metadata });
    const out = join(tempDir(), 'auto-per-type.jsonl');
    const result = await collectLive({
      config: undefined,
      accounts: [],
      regions: ['eu-west-1'],
      concurrency: 1,
      selection: new Map([
        ['AWS::S3::Bucket', new Set(['versioning'])],
        ['AWS::KMS::Key', new Set(['keyState'])],
      ]),
      source: 'auto',
      out,
      log: { emit: () => {} },
      clock: () => new Date('2026-06-01T12:00:00Z'),
      clients: new AwsClients({ defaultCredentials: { accessKeyId: 'AK', secretAccessKey: 'secret' }, retryDelay: () => 1 }),
      homeRegion: 'eu-west-1',
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const queried = config.commandCalls(SelectResourceConfigCommand).map((c) => /resourceType = '([^']+)'/.exec(c.args[0].input.Expression ?? '')?.[1]);
    expect(queried).toEqual(['AWS::KMS::Key']);
    expect(s3.commandCalls(ListBucketsCommand)).toHaveLength(1);
    expect(kms.commandCalls(ListKeysCommand)).toHaveLength(0);
  });

  describe('with a configuration aggregator', () => {
    const OTHER = '210987654321';
    const aggregatorConfig = { configAggregator: { name: 'org-aggregator', region: 'eu-west-1' } };

    function bucketItem(accountId: string, name: string): string {
      return JSON.stringify({
        resourceId: name,
        resourceName: name,
        resourceType: 'AWS::S3::Bucket',
        arn: `arn:aws:s3:::${name}`,
        accountId,
        awsRegion: 'eu-west-1',
        configuration: { name, owner: { displayName: null, id: 'owner-id' }, creationDate: '2025-01-01T00:00:00.000Z' },
        supplementaryConfiguration: { BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: null } },
        tags: [],
        configurationItemCaptureTime: '2026-05-31T22:00:00.000Z',
        configurationItemStatus: 'OK',
      });
    }

    async function collectWithAggregator(out: string) {
      return collectLive({
        config: aggregatorConfig,
        accounts: [],
        regions: ['eu-west-1'],
        concurrency: 1,
        selection: new Map([['AWS::S3::Bucket', new Set(['versioning'])]]),
        source: 'config',
        out,
        log: { emit: () => {} },
        clock: () => new Date('2026-06-01T12:00:00Z'),
        clients: new AwsClients({ defaultCredentials: { accessKeyId: 'AK', secretAccessKey: 'secret' }, retryDelay: () => 1 }),
        homeRegion: 'eu-west-1',
      });
    }

    it('reads each type once for the organisation, every page, instead of each account and region', async () => {
      mockAws();
      const pages: Record<string, { results: string[]; next?: string }> = {
        first: { results: [bucketItem(ACCOUNT, 'trade-records')], next: 'agg-2' },
        'agg-2': { results: [bucketItem(ACCOUNT, 'ingest-landing')], next: 'agg-3' },
        'agg-3': { results: [bucketItem(ACCOUNT, 'audit-archive')] },
      };
      config
        .on(SelectAggregateResourceConfigCommand)
        .callsFake(async (input: { Expression: string; ConfigurationAggregatorName: string; NextToken?: string; Limit?: number }, getClient) => {
          expect(await regionOf(getClient)).toBe('eu-west-1');
          expect(input.ConfigurationAggregatorName).toBe('org-aggregator');
          expect(input.Limit).toBe(100);
          // Only the targeted accounts are asked for.
          expect(input.Expression).toContain(`accountId = '${ACCOUNT}'`);
          expect(input.Expression).not.toContain(OTHER);
          const page = pages[input.NextToken ?? 'first']!;
          return { Results: page.results, ...(page.next !== undefined ? { NextToken: page.next } : {}), QueryInfo: { SelectFields: [] }, $metadata };
        });
      const out = join(tempDir(), 'aggregated.jsonl');
      const result = await collectWithAggregator(out);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(config.commandCalls(SelectAggregateResourceConfigCommand)).toHaveLength(3);
      expect(config.commandCalls(SelectResourceConfigCommand)).toHaveLength(0);
      const seen: AnyCollectedResource[] = [];
      await readSnapshot(out, (resource) => seen.push(resource));
      expect(seen.filter((r) => r.type === 'AWS::S3::Bucket').map((r) => [r.id, r.accountId, r.source])).toEqual([
        ['audit-archive', ACCOUNT, 'config'],
        ['ingest-landing', ACCOUNT, 'config'],
        ['trade-records', ACCOUNT, 'config'],
      ]);
    });

    it('a query the aggregator cannot answer whole falls back to each account’s own Config, and is named in coverage', async () => {
      mockAws();
      config.on(SelectAggregateResourceConfigCommand).rejects(
        Object.assign(new Error('The configuration aggregator does not exist'), {
          name: 'NoSuchConfigurationAggregatorException',
          $metadata: { httpStatusCode: 400 },
        }),
      );
      const out = join(tempDir(), 'aggregator-failed.jsonl');
      const result = await collectWithAggregator(out);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(config.commandCalls(SelectResourceConfigCommand).length).toBeGreaterThan(0);
      const seen: AnyCollectedResource[] = [];
      const read = await readSnapshot(out, (resource) => seen.push(resource));
      expect(seen.some((r) => r.id === 'trade-records')).toBe(true);
      expect(read.ok && read.value.header.coverage).toEqual([
        expect.objectContaining({
          operation: 'SelectAggregateResourceConfig',
          error: expect.objectContaining({ code: 'NoSuchConfigurationAggregatorException' }),
        }),
      ]);
    });
  });
});
