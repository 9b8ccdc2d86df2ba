/** `AWS::RDS::DBInstance`, as DescribeDBInstances returns it. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';
import { exampleKeyArn } from '../../example-defaults.js';

export const RdsDbInstanceConfig = Type.Object(
  {
    /** Engine name as RDS reports it: oracle-ee, mysql, mariadb, postgres, sqlserver-se, aurora-postgresql ... */
    engine: Type.String(),
    engineVersion: Type.String(),
    instanceClass: Type.String(),
    status: Type.String(),
    publiclyAccessible: MaybeSchema(Type.Boolean()),
    endpoint: Type.Union([Type.Object({ address: Type.String(), port: Type.Integer() }, { additionalProperties: false }), Type.Null()]),
    storageEncrypted: MaybeSchema(Type.Boolean()),
    kmsKeyId: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    multiAz: MaybeSchema(Type.Boolean()),
    backupRetentionPeriod: MaybeSchema(Type.Integer({ minimum: 0 })),
    deletionProtection: MaybeSchema(Type.Boolean()),
    /** Log types exported to CloudWatch Logs: audit, error, general, slowquery, postgresql, upgrade, agent, alert, listener, trace ... */
    cloudwatchLogsExports: MaybeSchema(Type.Array(Type.String())),
    vpcSecurityGroupIds: MaybeSchema(Type.Array(Type.String())),
    /** The Aurora cluster this instance belongs to; encryption, backups and Multi-AZ are then cluster settings. */
    clusterIdentifier: Type.Union([Type.String(), Type.Null()]),
    /** Set on read replicas. */
    readReplicaSourceIdentifier: Type.Union([Type.String(), Type.Null()]),
    /** Minor engine upgrades are applied in the maintenance window; on Aurora, only when every instance of the cluster says so. */
    autoMinorVersionUpgrade: MaybeSchema(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RdsDbInstanceConfig = Static<typeof RdsDbInstanceConfig>;

export default defineResourceType({
  type: 'AWS::RDS::DBInstance',
  config: RdsDbInstanceConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:rds:${region}:${accountId}:db:${id}`,
  placeholders: { '<db-instance-id>': 'id' },
  example: {
    id: () => 'example-db',
    config: ({ accountId, region, id }) => ({
      engine: 'postgres',
      engineVersion: '16.4',
      instanceClass: 'db.m6g.large',
      status: 'available',
      publiclyAccessible: false,
      endpoint: { address: `${id}.abcdefghijkl.${region}.rds.amazonaws.com`, port: 5432 },
      storageEncrypted: true,
      kmsKeyId: exampleKeyArn(region, accountId),
      multiAz: true,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      vpcSecurityGroupIds: [],
      clusterIdentifier: null,
      readReplicaSourceIdentifier: null,
      autoMinorVersionUpgrade: true,
    }),
  },
});
