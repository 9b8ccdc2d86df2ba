/**
 * EFS (REST-JSON): DescribeFileSystems (`GET /2015-02-01/file-systems`), the region's file systems,
 * at most 100 a page, paged by `Marker` / `NextMarker`; the answer echoes the `Marker` it was given.
 * Timestamps are epoch seconds.
 */
import type { FileSystem, SyntheticAccount } from './account.js';
import { epoch, page, pageSize, queryParam, restJsonError, restJsonReply, restOperation, type RestRoutes, type ServiceHandler } from './wire.js';

export const EFS_ROUTES: RestRoutes = { 'GET /2015-02-01/file-systems': 'DescribeFileSystems' };

function fileSystem(accountId: string, now: string, f: FileSystem): Record<string, unknown> {
  const standard = Math.floor(f.sizeBytes * 0.8);
  return {
    OwnerId: accountId,
    CreationToken: `quickCreated-${f.id.slice(3)}`,
    FileSystemId: f.id,
    FileSystemArn: `arn:aws:elasticfilesystem:${f.region}:${accountId}:file-system/${f.id}`,
    CreationTime: epoch(f.createdAt),
    LifeCycleState: 'available',
    Name: f.name,
    NumberOfMountTargets: f.mountTargets,
    SizeInBytes: { Value: f.sizeBytes, Timestamp: epoch(now) - 3600, ValueInIA: f.sizeBytes - standard, ValueInStandard: standard, ValueInArchive: 0 },
    PerformanceMode: f.performanceMode,
    Encrypted: f.encrypted,
    ...(f.kmsKey !== undefined ? { KmsKeyId: f.kmsKey } : {}),
    ThroughputMode: f.throughputMode,
    ...(f.throughputMode === 'provisioned' ? { ProvisionedThroughputInMibps: 128 } : {}),
    Tags: Object.entries(f.tags).map(([Key, Value]) => ({ Key, Value })),
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
  };
}

export function efs(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const operation = restOperation(EFS_ROUTES, request);
    if (operation !== 'DescribeFileSystems')
      return restJsonError('BadRequest', { ErrorCode: 'BadRequest', Message: `the fake EFS does not answer ${operation}` }, 400);
    const marker = queryParam(request, 'Marker');
    const { items, next } = page(
      account.fileSystems.filter((f) => f.region === region),
      marker,
      pageSize(queryParam(request, 'MaxItems'), 100, 100),
    );
    return restJsonReply({
      ...(marker !== undefined ? { Marker: marker } : {}),
      FileSystems: items.map((f) => fileSystem(account.accountId, account.now, f)),
      ...(next !== undefined ? { NextMarker: next } : {}),
    });
  };
}
