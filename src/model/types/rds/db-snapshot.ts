/** `AWS::RDS::DBSnapshot`: DescribeDBSnapshots plus the `restore` attribute of manual snapshots. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { DEFAULT_TIME } from '../../example-defaults.js';

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

export default defineResourceType({
  type: 'AWS::RDS::DBSnapshot',
  config: RdsDbSnapshotConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:rds:${region}:${accountId}:snapshot:${id}`,
  placeholders: { '<snapshot-id>': 'id' },
  example: {
    id: () => 'example-db-manual-2026-01-15',
    config: () => ({
      dbInstanceIdentifier: 'example-db',
      snapshotType: 'manual',
      engine: 'postgres',
      status: 'available',
      encrypted: true,
      kmsKeyId: null,
      restoreAccounts: [],
      snapshotCreateTime: DEFAULT_TIME,
    }),
  },
});
