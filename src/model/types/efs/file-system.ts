/** `AWS::EFS::FileSystem`: DescribeFileSystems. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';
import { exampleKeyArn } from '../../example-defaults.js';

export const EfsFileSystemConfig = Type.Object(
  {
    fileSystemId: Type.String(),
    encrypted: MaybeSchema(Type.Boolean()),
    /** The key of an encrypted file system; null when unencrypted. */
    kmsKeyId: Type.Union([Type.String(), Type.Null()]),
    lifeCycleState: Type.String({ description: 'creating, available, updating, deleting, deleted, error' }),
    performanceMode: Type.String({ description: 'generalPurpose or maxIO' }),
    throughputMode: MaybeSchema(Type.String({ description: 'bursting, provisioned or elastic' })),
  },
  { additionalProperties: false },
);
export type EfsFileSystemConfig = Static<typeof EfsFileSystemConfig>;

export default defineResourceType({
  type: 'AWS::EFS::FileSystem',
  config: EfsFileSystemConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:elasticfilesystem:${region}:${accountId}:file-system/${id}`,
  example: {
    id: () => 'fs-0123456789abcdef0',
    config: ({ accountId, region, id }) => ({
      fileSystemId: id,
      encrypted: true,
      kmsKeyId: exampleKeyArn(region, accountId),
      lifeCycleState: 'available',
      performanceMode: 'generalPurpose',
      throughputMode: 'elastic',
    }),
  },
});
