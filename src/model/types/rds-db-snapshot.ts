/** `AWS::RDS::DBSnapshot`: DescribeDBSnapshots plus the `restore` attribute of manual snapshots. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';
import { IsoDate } from '../common.js';

export const RdsDbSnapshotConfig = Type.Object(
  {
    dbInstanceIdentifier: Type.String(),
    snapshotType: Type.String({ description: 'manual, automated, shared, public, awsbackup' }),
    engine: Type.String(),
    status: Type.String(),
    encrypted: MaybeSchema(Type.Boolean()),
    kmsKeyId: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    /** Values of the `restore` attribute: account ids, or `all` when the snapshot is public. */
    restoreAccounts: MaybeSchema(Type.Array(Type.String())),
    snapshotCreateTime: Type.Union([IsoDate, Type.Null()]),
  },
  { additionalProperties: false },
);
export type RdsDbSnapshotConfig = Static<typeof RdsDbSnapshotConfig>;
