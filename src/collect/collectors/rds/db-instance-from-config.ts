/**
 * `AWS::RDS::DBInstance` from its configuration item: DescribeDBInstances' DBInstance in camelCase
 * (`dBInstanceIdentifier`, `dBInstanceStatus`, `multiAZ`, `vpcSecurityGroups`,
 * `enabledCloudwatchLogsExports` ...). The item's `resourceId` is the instance's DbiResourceId
 * (`db-…`); the model names an instance by its identifier, as the API does. A setting the item
 * leaves out (an item recorded before RDS had it, such as `deletionProtection`) is NotInConfig,
 * never a default.
 */
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { RdsDbInstanceConfig } from '../../../model/types/rds/db-instance.js';
import type { Maybe } from '../../../model/unknown.js';
import type { FieldOf } from '../../contract/collector.js';
import { RDS_INSTANCE_FIELDS } from './fields.js';
import { bool, int, jsonObject, list, str, type ConfigItem } from '../../config-source/config-item.js';
import { configResource, leftOut, notInConfig, UNEXPECTED_CONFIG_ITEM, type NormaliseContext, type Normalised } from '../../config-source/normaliser.js';

type Field = FieldOf<'AWS::RDS::DBInstance'>;

/** Config records what DescribeDBInstances answers. */
export const RDS_INSTANCE_CONFIG_FILLS: readonly Field[] = RDS_INSTANCE_FIELDS;

export function normaliseRdsDbInstance(item: ConfigItem, ctx: NormaliseContext): Normalised<'AWS::RDS::DBInstance'> {
  const c = item.configuration;
  const id = str(c['dBInstanceIdentifier']) ?? item.resourceName;
  const arn =
    str(c['dBInstanceArn']) ??
    item.arn ??
    (id !== undefined ? arnFor('AWS::RDS::DBInstance', item.accountId, item.awsRegion, id, ctx.partition) : item.resourceId);
  if (id === undefined) return leftOut(arn, UNEXPECTED_CONFIG_ITEM, `the item of ${item.resourceId} has no dBInstanceIdentifier`);

  const missing: Field[] = [];
  const reported = <V>(value: V | undefined, field: Field & keyof RdsDbInstanceConfig): Maybe<V> => {
    if (value !== undefined) return value;
    missing.push(field);
    return notInConfig(field);
  };

  const storageEncrypted = reported(bool(c['storageEncrypted']), 'storageEncrypted');
  const endpoint = jsonObject(c['endpoint']);
  const address = str(endpoint?.['address']);
  const port = int(endpoint?.['port']);
  const kmsKey = str(c['kmsKeyId']);
  const config: CollectedConfig<RdsDbInstanceConfig> = {
    engine: reported(str(c['engine']), 'engine'),
    engineVersion: reported(str(c['engineVersion']), 'engineVersion'),
    instanceClass: reported(str(c['dBInstanceClass']), 'instanceClass'),
    status: reported(str(c['dBInstanceStatus']), 'status'),
    publiclyAccessible: reported(bool(c['publiclyAccessible']), 'publiclyAccessible'),
    // No endpoint while the instance is being created.
    endpoint: address !== undefined && port !== undefined ? { address, port } : null,
    storageEncrypted,
    // RDS names a key for encrypted storage only; an encrypted instance without one is not the AWS-managed key.
    kmsKeyId: kmsKey !== undefined ? kmsKey : storageEncrypted === false ? null : reported<string>(undefined, 'kmsKeyId'),
    multiAz: reported(bool(c['multiAZ']), 'multiAz'),
    backupRetentionPeriod: reported(int(c['backupRetentionPeriod']), 'backupRetentionPeriod'),
    deletionProtection: reported(bool(c['deletionProtection']), 'deletionProtection'),
    cloudwatchLogsExports: (list(c['enabledCloudwatchLogsExports']) ?? []).flatMap((log) => (typeof log === 'string' ? [log] : [])),
    vpcSecurityGroupIds: (list(c['vpcSecurityGroups']) ?? []).flatMap((group) => {
      const groupId = str(jsonObject(group)?.['vpcSecurityGroupId']);
      return groupId !== undefined ? [groupId] : [];
    }),
    clusterIdentifier: str(c['dBClusterIdentifier']) ?? null,
    readReplicaSourceIdentifier: str(c['readReplicaSourceDBInstanceIdentifier']) ?? str(c['readReplicaSourceDBClusterIdentifier']) ?? null,
    autoMinorVersionUpgrade: reported(bool(c['autoMinorVersionUpgrade']), 'autoMinorVersionUpgrade'),
  };

  const resource = configResource(item, ctx, { type: 'AWS::RDS::DBInstance', arn, id, name: id, config, createdAt: c['instanceCreateTime'] });
  return { ok: true, resource, missing };
}
