/**
 * `AWS::RDS::DBInstance`, per region: every page of DescribeDBInstances, which carries everything
 * the model holds — tags included (`TagList`) — so one call per 100 instances. Aurora, DocumentDB
 * and Neptune instances come back from the same API and are kept: the insights tell cluster
 * members by `clusterIdentifier`.
 */
import { DescribeDBInstancesCommand, type DBInstance, type Tag } from '@aws-sdk/client-rds';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { RdsDbInstanceConfig } from '../../../model/types/rds/db-instance.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { RDS_INSTANCE_FIELDS } from './fields.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { rdsStorageKeyId } from './storage-key.js';
import { reported } from '../../contract/reported.js';

type Ctx = CollectContext<'AWS::RDS::DBInstance'>;

/** DescribeDBInstances' MaxRecords is 20 to 100. */
const PAGE_SIZE = 100;

export default defineCollector({
  resourceType: 'AWS::RDS::DBInstance',
  service: 'rds',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeDBInstances',
      iamAction: 'rds:DescribeDBInstances',
      fills: RDS_INSTANCE_FIELDS,
      required: true,
      lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (marker) => new DescribeDBInstancesCommand({ MaxRecords: PAGE_SIZE, ...(marker !== undefined ? { Marker: marker } : {}) }),
      items: (page) => page.DBInstances,
      next: (page) => ({ token: page.Marker, truncated: false }),
    });
    const call: CallRef = { service: 'rds', operation: 'DescribeDBInstances', region: ctx.region };
    for (const db of listedOnce(ctx, call, listed.items, (item) => item.DBInstanceIdentifier, 'DBInstanceIdentifier')) emitInstance(ctx, db, call);
  },
});

function emitInstance(ctx: Ctx, db: DBInstance, call: CallRef): void {
  const id = db.DBInstanceIdentifier;
  if (id === undefined) return;
  const arn = db.DBInstanceArn ?? arnFor('AWS::RDS::DBInstance', ctx.accountId, ctx.region, id, ctx.partition);
  const ref = { arn };
  const storageEncrypted = reported(ctx, call, db.StorageEncrypted, 'StorageEncrypted', ref);
  const config: CollectedConfig<RdsDbInstanceConfig> = {
    engine: reported(ctx, call, db.Engine, 'Engine', ref),
    engineVersion: reported(ctx, call, db.EngineVersion, 'EngineVersion', ref),
    instanceClass: reported(ctx, call, db.DBInstanceClass, 'DBInstanceClass', ref),
    status: reported(ctx, call, db.DBInstanceStatus, 'DBInstanceStatus', ref),
    publiclyAccessible: reported(ctx, call, db.PubliclyAccessible, 'PubliclyAccessible', ref),
    // No endpoint while the instance is being created.
    endpoint: db.Endpoint?.Address !== undefined && db.Endpoint.Port !== undefined ? { address: db.Endpoint.Address, port: db.Endpoint.Port } : null,
    storageEncrypted,
    kmsKeyId: rdsStorageKeyId(ctx, call, db.KmsKeyId, storageEncrypted, ref),
    multiAz: reported(ctx, call, db.MultiAZ, 'MultiAZ', ref),
    backupRetentionPeriod: reported(ctx, call, db.BackupRetentionPeriod, 'BackupRetentionPeriod', ref),
    deletionProtection: reported(ctx, call, db.DeletionProtection, 'DeletionProtection', ref),
    // The query protocol leaves an empty list out: no exports.
    cloudwatchLogsExports: [...(db.EnabledCloudwatchLogsExports ?? [])],
    vpcSecurityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((group) => (group.VpcSecurityGroupId !== undefined ? [group.VpcSecurityGroupId] : [])),
    clusterIdentifier: db.DBClusterIdentifier ?? null,
    readReplicaSourceIdentifier: db.ReadReplicaSourceDBInstanceIdentifier ?? db.ReadReplicaSourceDBClusterIdentifier ?? null,
    autoMinorVersionUpgrade: reported(ctx, call, db.AutoMinorVersionUpgrade, 'AutoMinorVersionUpgrade', ref),
  };

  const created = isoDate(db.InstanceCreateTime);
  const resource = ctx.resource({
    arn,
    id,
    tags: tagMap<Tag>(
      db.TagList,
      (tag) => tag.Key,
      (tag) => tag.Value,
    ),
    config,
    createdAt: created,
  });
  ctx.emit(resource);
}
