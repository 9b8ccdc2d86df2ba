/**
 * The SDK command of every AWS call a bot may send, by service and operation: an explicit table,
 * not a lookup by name in the SDK's exports, so a plan can only ever send an operation an action
 * of this codebase plans (or the waits and reads the runtime makes), and a new one is a line here.
 */
import { DeleteAccessKeyCommand, TagUserCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { EnableKeyRotationCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import {
  AddTagsToResourceCommand,
  CreateDBClusterSnapshotCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  ModifyDBInstanceCommand,
} from '@aws-sdk/client-rds';
import {
  DeleteBucketPolicyCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand as PutBucketPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import type { ActionService } from '../actions/define-action.js';

/** A command class of any client: built from the call's input, sent by that service's client. */
export type CommandClass = new (input: never) => object;

export const sdkCommands: { readonly [S in ActionService]: Readonly<Record<string, CommandClass>> } = {
  iam: {
    DeleteAccessKey: DeleteAccessKeyCommand,
    TagUser: TagUserCommand,
    UpdateAccessKey: UpdateAccessKeyCommand,
  },
  kms: {
    EnableKeyRotation: EnableKeyRotationCommand,
    TagResource: TagResourceCommand,
  },
  rds: {
    AddTagsToResource: AddTagsToResourceCommand,
    CreateDBClusterSnapshot: CreateDBClusterSnapshotCommand,
    CreateDBSnapshot: CreateDBSnapshotCommand,
    DeleteDBInstance: DeleteDBInstanceCommand,
    DescribeDBClusterSnapshots: DescribeDBClusterSnapshotsCommand,
    DescribeDBSnapshots: DescribeDBSnapshotsCommand,
    ModifyDBInstance: ModifyDBInstanceCommand,
  },
  s3: {
    DeleteBucketPolicy: DeleteBucketPolicyCommand,
    PutBucketAcl: PutBucketAclCommand,
    PutBucketPolicy: PutBucketPolicyCommand,
    PutBucketTagging: PutBucketTaggingCommand,
    PutPublicAccessBlock: PutBucketPublicAccessBlockCommand,
  },
  s3control: {
    PutPublicAccessBlock: PutAccountPublicAccessBlockCommand,
  },
};

/** The command class of the call, or undefined when no action sends it. */
export function sdkCommandOf(service: string, operation: string): CommandClass | undefined {
  const table = (sdkCommands as Readonly<Record<string, Readonly<Record<string, CommandClass>>>>)[service];
  return table !== undefined && Object.hasOwn(table, operation) ? table[operation] : undefined;
}
