/**
 * `AWS::RDS::DBCluster` from its configuration item: DescribeDBClusters' DBCluster as the AWS SDK
 * for Java serialises it, which spells the `DB` prefixes in lower case (`dbclusterIdentifier`,
 * `dbclusterArn`, `dbclusterMembers[].dbinstanceIdentifier`, `isClusterWriter` or `clusterWriter`)
 * unlike the DB instance item's `dBInstanceIdentifier`; the `dB…` spelling is read too. The item's
 * `resourceId` is the DbClusterResourceId (`cluster-…`); the model names a cluster by its
 * identifier, as the API does. A setting the item leaves out is NotInConfig, never a default —
 * except where RDS itself reports nothing for the cluster's kind (PubliclyAccessible outside
 * Multi-AZ DB clusters), which the API collector reads as null too.
 */
import { rdsClusterKind } from '../../../analysis/rds-engine.js';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { RdsDbClusterConfig, RdsDbClusterMember } from '../../../model/types/rds/db-cluster.js';
import type { Maybe } from '../../../model/unknown.js';
import type { FieldOf } from '../../contract/collector.js';
import { RDS_CLUSTER_FIELDS } from './fields.js';
import { bool, int, jsonObject, list, str, type ConfigItem, type Json } from '../../config-source/config-item.js';
import { configResource, leftOut, notInConfig, UNEXPECTED_CONFIG_ITEM, type NormaliseContext, type Normalised } from '../../config-source/normaliser.js';

type Field = FieldOf<'AWS::RDS::DBCluster'>;

/** Config records what DescribeDBClusters answers. */
export const RDS_CLUSTER_CONFIG_FILLS: readonly Field[] = RDS_CLUSTER_FIELDS;

/** The first of the spellings the object holds a value for (null counts as none). */
function property(object: Json | undefined, ...names: readonly string[]): unknown {
  for (const name of names) {
    const value = object?.[name];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

export function normaliseRdsDbCluster(item: ConfigItem, ctx: NormaliseContext): Normalised<'AWS::RDS::DBCluster'> {
  const c = item.configuration;
  const id = str(property(c, 'dbclusterIdentifier', 'dBClusterIdentifier')) ?? item.resourceName;
  const arn =
    str(property(c, 'dbclusterArn', 'dBClusterArn')) ??
    item.arn ??
    (id !== undefined ? arnFor('AWS::RDS::DBCluster', item.accountId, item.awsRegion, id, ctx.partition) : item.resourceId);
  if (id === undefined) return leftOut(arn, UNEXPECTED_CONFIG_ITEM, `the item of ${item.resourceId} has no dbclusterIdentifier`);

  const missing: Field[] = [];
  const reported = <V>(value: V | undefined, field: Field & keyof RdsDbClusterConfig): Maybe<V> => {
    if (value !== undefined) return value;
    missing.push(field);
    return notInConfig(field);
  };

  const engine = str(c['engine']);
  const storageEncrypted = reported(bool(c['storageEncrypted']), 'storageEncrypted');
  const kmsKey = str(c['kmsKeyId']);
  const publiclyAccessible = bool(c['publiclyAccessible']);
  const config: CollectedConfig<RdsDbClusterConfig> = {
    engine: reported(engine, 'engine'),
    engineVersion: reported(str(c['engineVersion']), 'engineVersion'),
    engineMode: str(c['engineMode']) ?? null,
    status: reported(str(c['status']), 'status'),
    storageEncrypted,
    // RDS names a key for encrypted storage only; an encrypted cluster without one is not the AWS-managed key.
    kmsKeyId: kmsKey !== undefined ? kmsKey : storageEncrypted === false ? null : reported<string>(undefined, 'kmsKeyId'),
    multiAz: reported(bool(c['multiAZ']), 'multiAz'),
    availabilityZones: strings(c['availabilityZones']),
    members: members(c['dbclusterMembers'] ?? c['dBClusterMembers'], reported),
    publiclyAccessible:
      publiclyAccessible !== undefined
        ? publiclyAccessible
        : // Reported for Multi-AZ DB clusters only; a cluster of unknown engine may be one.
          engine === undefined || rdsClusterKind(engine) === 'multi-az-db-cluster'
          ? reported<boolean>(undefined, 'publiclyAccessible')
          : null,
    backupRetentionPeriod: reported(int(c['backupRetentionPeriod']), 'backupRetentionPeriod'),
    deletionProtection: reported(bool(c['deletionProtection']), 'deletionProtection'),
    cloudwatchLogsExports: strings(c['enabledCloudwatchLogsExports']),
    autoMinorVersionUpgrade: reported(bool(c['autoMinorVersionUpgrade']), 'autoMinorVersionUpgrade'),
  };

  const resource = configResource(item, ctx, { type: 'AWS::RDS::DBCluster', arn, id, name: id, config, createdAt: c['clusterCreateTime'] });
  return { ok: true, resource, missing };
}

/** A list of strings; Config writes an empty list as null or leaves it out. */
function strings(value: unknown): string[] {
  return (list(value) ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : []));
}

/** The member instances; a member without its identifier or role makes the list NotInConfig, not shorter. */
function members(value: unknown, reported: <V>(value: V | undefined, field: Field & keyof RdsDbClusterConfig) => Maybe<V>): Maybe<RdsDbClusterMember[]> {
  const out: RdsDbClusterMember[] = [];
  for (const entry of list(value) ?? []) {
    const member = jsonObject(entry);
    const instanceIdentifier = str(property(member, 'dbinstanceIdentifier', 'dBInstanceIdentifier'));
    const isWriter = bool(property(member, 'isClusterWriter', 'clusterWriter'));
    if (instanceIdentifier === undefined || isWriter === undefined) return reported<RdsDbClusterMember[]>(undefined, 'members');
    out.push({ instanceIdentifier, isWriter });
  }
  return out;
}
