/**
 * `AWS::RDS::DBCluster`, as DescribeDBClusters returns it: Aurora clusters, Multi-AZ DB clusters
 * (MySQL, PostgreSQL) and the DocumentDB and Neptune clusters the same API lists. Encryption,
 * backups, Multi-AZ and log exports of their member instances are settings of the cluster.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';
import { exampleKeyArn } from '../../example-defaults.js';

export const RdsDbClusterMember = Type.Object(
  {
    instanceIdentifier: Type.String(),
    /** The writer (primary) instance; the others are readers. */
    isWriter: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RdsDbClusterMember = Static<typeof RdsDbClusterMember>;

export const RdsDbClusterConfig = Type.Object(
  {
    /** aurora-mysql, aurora-postgresql, mysql and postgres (Multi-AZ DB clusters), docdb, neptune ... */
    engine: Type.String(),
    engineVersion: Type.String(),
    /**
     * provisioned (also Aurora Serverless v2 and Multi-AZ DB clusters), serverless (Aurora
     * Serverless v1), parallelquery, global, multimaster; null when RDS reports none (DocumentDB).
     */
    engineMode: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    storageEncrypted: MaybeSchema(Type.Boolean()),
    /** The storage key's ARN as RDS reports it; null for unencrypted storage. */
    kmsKeyId: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    /** RDS's own judgement: true for a Multi-AZ DB cluster, and for an Aurora cluster with a reader in another Availability Zone. */
    multiAz: MaybeSchema(Type.Boolean()),
    /** Where instances of the cluster can be created (Aurora storage spans them). */
    availabilityZones: MaybeSchema(Type.Array(Type.String())),
    members: MaybeSchema(Type.Array(RdsDbClusterMember)),
    /** Multi-AZ DB clusters only; null when RDS reports none (Aurora: a setting of each instance). */
    publiclyAccessible: MaybeSchema(Type.Union([Type.Boolean(), Type.Null()])),
    backupRetentionPeriod: MaybeSchema(Type.Integer({ minimum: 0 })),
    deletionProtection: MaybeSchema(Type.Boolean()),
    /** Log types exported to CloudWatch Logs: audit, error, general, slowquery, postgresql, instance, iam-db-auth-error ... */
    cloudwatchLogsExports: MaybeSchema(Type.Array(Type.String())),
    /** null when RDS reports none for the cluster (on Aurora it is also a setting of each instance). */
    autoMinorVersionUpgrade: MaybeSchema(Type.Union([Type.Boolean(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type RdsDbClusterConfig = Static<typeof RdsDbClusterConfig>;

/** The example: an encrypted Aurora PostgreSQL cluster with a writer and a reader in another zone. */
export default defineResourceType({
  type: 'AWS::RDS::DBCluster',
  config: RdsDbClusterConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:rds:${region}:${accountId}:cluster:${id}`,
  placeholders: { '<db-cluster-id>': 'id' },
  example: {
    id: () => 'example-cluster',
    config: ({ accountId, region, id }) => ({
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      engineMode: 'provisioned',
      status: 'available',
      storageEncrypted: true,
      kmsKeyId: exampleKeyArn(region, accountId),
      multiAz: true,
      availabilityZones: [`${region}a`, `${region}b`, `${region}c`],
      members: [
        { instanceIdentifier: `${id}-1`, isWriter: true },
        { instanceIdentifier: `${id}-2`, isWriter: false },
      ],
      publiclyAccessible: null,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      cloudwatchLogsExports: ['postgresql'],
      autoMinorVersionUpgrade: true,
    }),
  },
});
