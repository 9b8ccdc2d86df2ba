/**
 * The EFS file system collector against a mocked EFS: DescribeFileSystems pages (Marker /
 * NextMarker) shaped as the EFS API reference documents FileSystemDescription; errors as EFS raises
 * them (AccessDeniedException, HTTP 403, unmodelled: an EFSServiceException named by the code).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeFileSystemsCommand, EFSClient, EFSServiceException, type FileSystemDescription } from '@aws-sdk/client-efs';
import efsFileSystem from '../../../src/collect/collectors/efs/file-system.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const fsArn = (id: string, region = REGION) => `arn:aws:elasticfilesystem:${region}:${ACCOUNT}:file-system/${id}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;

function efsError(code: string, message: string, status: number): EFSServiceException {
  return new EFSServiceException({ name: code, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: 'req' }, message });
}

function accessDenied(): EFSServiceException {
  return efsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: elasticfilesystem:DescribeFileSystems on the specified resource`,
    403,
  );
}

const F = {
  shared: 'fs-0a1b2c3d4e5f60001',
  legacy: 'fs-0a1b2c3d4e5f60002',
  scratch: 'fs-0a1b2c3d4e5f60003',
  leaving: 'fs-0a1b2c3d4e5f60004',
};

function fileSystem(id: string, overrides: Partial<FileSystemDescription> = {}): FileSystemDescription {
  return {
    OwnerId: ACCOUNT,
    CreationToken: `token-${id}`,
    FileSystemId: id,
    FileSystemArn: fsArn(id),
    CreationTime: new Date('2025-06-02T10:20:30.000Z'),
    LifeCycleState: 'available',
    NumberOfMountTargets: 3,
    SizeInBytes: { Value: 6144, Timestamp: new Date('2026-02-28T23:00:00.000Z'), ValueInIA: 0, ValueInStandard: 6144, ValueInArchive: 0 },
    PerformanceMode: 'generalPurpose',
    Encrypted: true,
    KmsKeyId: KEY,
    ThroughputMode: 'elastic',
    Tags: [],
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
    ...overrides,
  };
}

let PAGES: Record<string, { fileSystems: FileSystemDescription[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      fileSystems: [
        fileSystem(F.shared, {
          Name: 'shared-home',
          Tags: [
            { Key: 'Name', Value: 'shared-home' },
            { Key: 'owner', Value: 'platform' },
          ],
        }),
      ],
      next: 'marker-2',
    },
    'marker-2': {
      fileSystems: [
        // Created before encryption was the console default, in the bursting mode of its day.
        fileSystem(F.legacy, { Encrypted: false, KmsKeyId: undefined, ThroughputMode: 'bursting', PerformanceMode: 'maxIO' }),
        // One zone storage, with provisioned throughput.
        fileSystem(F.scratch, {
          AvailabilityZoneName: 'eu-west-1a',
          AvailabilityZoneId: 'euw1-az1',
          ThroughputMode: 'provisioned',
          ProvisionedThroughputInMibps: 128,
        }),
      ],
      next: 'marker-3',
    },
    'marker-3': {
      fileSystems: [fileSystem(F.leaving, { LifeCycleState: 'deleting', NumberOfMountTargets: 0 })],
    },
  };
}

const efs = mockClient(EFSClient);

function wire(): void {
  efs.on(DescribeFileSystemsCommand).callsFake((input: { Marker?: string; MaxItems?: number }) => {
    expect(input.MaxItems).toBe(100);
    const page = PAGES[input.Marker ?? 'first'];
    if (page === undefined) throw efsError('BadRequest', 'Invalid marker', 400);
    // EFS echoes the marker it was given.
    return {
      ...(input.Marker !== undefined ? { Marker: input.Marker } : {}),
      FileSystems: page.fileSystems,
      ...(page.next !== undefined ? { NextMarker: page.next } : {}),
      $metadata,
    };
  });
}

beforeEach(() => {
  efs.reset();
  scenario();
  wire();
});

afterEach(() => {
  efs.reset();
});

describe('EFS file system collector', () => {
  it('reads every page by Marker and normalises a file system exactly', async () => {
    const { resources, coverage } = await runCollector(efsFileSystem);
    expect(coverage).toEqual([]);
    expect(efs.commandCalls(DescribeFileSystemsCommand).map((call) => call.args[0].input.Marker)).toEqual([undefined, 'marker-2', 'marker-3']);
    expect(await regionOf(() => efs.commandCalls(DescribeFileSystemsCommand)[0]!.thisValue)).toBe(REGION);
    expect(resources).toHaveLength(4);
    expect(byId(resources, F.shared)).toEqual({
      arn: fsArn(F.shared),
      type: 'AWS::EFS::FileSystem',
      accountId: ACCOUNT,
      region: REGION,
      id: F.shared,
      name: 'shared-home',
      tags: { Name: 'shared-home', owner: 'platform' },
      createdAt: '2025-06-02T10:20:30.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        fileSystemId: F.shared,
        encrypted: true,
        kmsKeyId: KEY,
        lifeCycleState: 'available',
        performanceMode: 'generalPurpose',
        throughputMode: 'elastic',
      },
    });
  });

  it('keeps an unencrypted file system with no key, and one being deleted, named by their ids', async () => {
    const { resources } = await runCollector(efsFileSystem);
    expect(byId(resources, F.legacy).config).toEqual({
      fileSystemId: F.legacy,
      encrypted: false,
      kmsKeyId: null,
      lifeCycleState: 'available',
      performanceMode: 'maxIO',
      throughputMode: 'bursting',
    });
    expect(byId(resources, F.legacy).name).toBe(F.legacy);
    expect(byId(resources, F.leaving).config.lifeCycleState).toBe('deleting');
  });

  it('collects each region with that region’s client', async () => {
    const { resources } = await runCollector(efsFileSystem, { regions: ['eu-west-1', 'us-east-1'] });
    expect(resources.filter((r) => r.region === 'us-east-1')).toHaveLength(4);
    const regions = await Promise.all(efs.commandCalls(DescribeFileSystemsCommand).map((call) => regionOf(() => call.thisValue)));
    expect([...new Set(regions)].sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('builds the ARN when the response has none', async () => {
    PAGES['marker-3']!.fileSystems[0] = fileSystem(F.leaving, { FileSystemArn: undefined });
    const { resources } = await runCollector(efsFileSystem);
    expect(byId(resources, F.leaving).arn).toBe(fsArn(F.leaving));
  });

  it('AccessDeniedException: no file systems, and coverage names the code', async () => {
    efs.on(DescribeFileSystemsCommand).rejects(accessDenied());
    const { resources, coverage } = await runCollector(efsFileSystem);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'efs',
        operation: 'DescribeFileSystems',
        resourceType: 'AWS::EFS::FileSystem',
        error: { code: 'AccessDeniedException', message: expect.stringContaining('not authorized to perform: elasticfilesystem:DescribeFileSystems') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the file systems already read; a repeated marker ends the list instead of looping', async () => {
    efs.on(DescribeFileSystemsCommand, { Marker: 'marker-3' }).rejects(efsError('ThrottlingException', 'Rate exceeded', 429));
    const failed = await runCollector(efsFileSystem);
    expect(failed.resources.map((r) => r.id)).toEqual([F.shared, F.legacy, F.scratch]);
    expect(failed.coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeFileSystems', error: expect.objectContaining({ code: 'ThrottlingException' }) }),
    ]);

    efs.reset();
    efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: [fileSystem(F.shared)], NextMarker: 'same', $metadata });
    const looping = await runCollector(efsFileSystem);
    expect(efs.commandCalls(DescribeFileSystemsCommand)).toHaveLength(2);
    expect(looping.resources.map((r) => r.id)).toEqual([F.shared]);
    expect(looping.coverage).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'RepeatedPageToken' }) })]);
  });

  it('a description without Encrypted leaves encryption unknown, never a default', async () => {
    PAGES['first']!.fileSystems[0] = fileSystem(F.shared, { Encrypted: undefined });
    const { resources, coverage } = await runCollector(efsFileSystem);
    expect(byId(resources, F.shared).config.encrypted).toEqual(unknown('UnexpectedResponse: efs:DescribeFileSystems'));
    expect(coverage).toEqual([
      expect.objectContaining({ resourceArn: fsArn(F.shared), error: { code: 'UnexpectedResponse', message: 'DescribeFileSystems returned no Encrypted' } }),
    ]);
  });

  it('keeps a file system answered without its lifecycle state: the state is unknown and coverage says so', async () => {
    PAGES['marker-2']!.fileSystems[1] = fileSystem(F.scratch, { LifeCycleState: undefined });
    const { resources, coverage } = await runCollector(efsFileSystem);
    expect(byId(resources, F.scratch).config.lifeCycleState).toEqual(unknown('UnexpectedResponse: efs:DescribeFileSystems'));
    expect(coverage).toEqual([expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'DescribeFileSystems returned no LifeCycleState' } })]);
  });
});
