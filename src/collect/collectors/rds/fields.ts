/**
 * The fields one DescribeDBInstances or DescribeDBClusters answer fills: what the API collectors
 * declare and the AWS Config normalisers read from the items, which carry the same.
 */
import type { FieldOf } from '../../contract/collector.js';

/** The fields one DescribeDBInstances answer fills. */
export const RDS_INSTANCE_FIELDS = [
  'engine',
  'engineVersion',
  'instanceClass',
  'status',
  'publiclyAccessible',
  'endpoint',
  'storageEncrypted',
  'kmsKeyId',
  'multiAz',
  'backupRetentionPeriod',
  'deletionProtection',
  'cloudwatchLogsExports',
  'vpcSecurityGroupIds',
  'clusterIdentifier',
  'readReplicaSourceIdentifier',
  'autoMinorVersionUpgrade',
  'name',
  'tags',
  'createdAt',
] as const satisfies readonly FieldOf<'AWS::RDS::DBInstance'>[];

/** The fields one DescribeDBClusters answer fills. */
export const RDS_CLUSTER_FIELDS = [
  'engine',
  'engineVersion',
  'engineMode',
  'status',
  'storageEncrypted',
  'kmsKeyId',
  'multiAz',
  'availabilityZones',
  'members',
  'publiclyAccessible',
  'backupRetentionPeriod',
  'deletionProtection',
  'cloudwatchLogsExports',
  'autoMinorVersionUpgrade',
  'name',
  'tags',
  'createdAt',
] as const satisfies readonly FieldOf<'AWS::RDS::DBCluster'>[];
