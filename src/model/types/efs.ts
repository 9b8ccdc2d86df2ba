/** `AWS::EFS::FileSystem`: DescribeFileSystems. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';

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
