/**
 * `AWS::EFS::FileSystem`, per region: every page of DescribeFileSystems (Marker / NextMarker),
 * whose descriptions carry the encryption, key, modes and tags of each file system.
 */
import { DescribeFileSystemsCommand, type FileSystemDescription } from '@aws-sdk/client-efs';
import { arnFor } from '../../../model/arn.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { nameTagOrId } from '../ec2/tags.js';
import { reported } from '../../contract/reported.js';

type Ctx = CollectContext<'AWS::EFS::FileSystem'>;

/** DescribeFileSystems returns 100 descriptions a page unless asked for fewer. */
const PAGE_SIZE = 100;

export default defineCollector({
  resourceType: 'AWS::EFS::FileSystem',
  service: 'efs',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeFileSystems',
      iamAction: 'elasticfilesystem:DescribeFileSystems',
      fills: ['fileSystemId', 'encrypted', 'kmsKeyId', 'lifeCycleState', 'performanceMode', 'throughputMode', 'name', 'tags', 'createdAt'],
      required: true,
      lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (marker) => new DescribeFileSystemsCommand({ MaxItems: PAGE_SIZE, ...(marker !== undefined ? { Marker: marker } : {}) }),
      items: (page) => page.FileSystems,
      next: (page) => ({ token: page.NextMarker, truncated: false }),
    });
    const call: CallRef = { service: 'efs', operation: 'DescribeFileSystems', region: ctx.region };
    for (const fileSystem of listedOnce(ctx, call, listed.items, (item) => item.FileSystemId, 'FileSystemId')) emitFileSystem(ctx, fileSystem, call);
  },
});

function emitFileSystem(ctx: Ctx, fileSystem: FileSystemDescription, call: CallRef): void {
  const fileSystemId = fileSystem.FileSystemId;
  if (fileSystemId === undefined) return;
  const arn = fileSystem.FileSystemArn ?? arnFor('AWS::EFS::FileSystem', ctx.accountId, ctx.region, fileSystemId, ctx.partition);
  const ref: ResourceRef = { arn };
  const tags = tagMap(
    fileSystem.Tags,
    (tag) => tag.Key,
    (tag) => tag.Value,
  );
  const created = isoDate(fileSystem.CreationTime);
  const resource = ctx.resource({
    arn,
    id: fileSystemId,
    name: nameTagOrId(tags, fileSystemId),
    tags,
    config: {
      fileSystemId,
      encrypted: reported(ctx, call, fileSystem.Encrypted, 'Encrypted', ref),
      // EFS names a key for encrypted file systems only.
      kmsKeyId: fileSystem.KmsKeyId ?? null,
      lifeCycleState: reported(ctx, call, fileSystem.LifeCycleState, 'LifeCycleState', ref),
      performanceMode: reported(ctx, call, fileSystem.PerformanceMode, 'PerformanceMode', ref),
      throughputMode: reported(ctx, call, fileSystem.ThroughputMode, 'ThroughputMode', ref),
    },
    createdAt: created,
  });
  ctx.emit(resource);
}
