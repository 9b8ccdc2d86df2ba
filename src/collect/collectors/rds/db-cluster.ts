/**
 * `AWS::RDS::DBCluster`, per region: every page of DescribeDBClusters, which carries everything
 * the model holds — tags included (`TagList`) — so one call per 100 clusters. DocumentDB and
 * Neptune clusters come back from the same API and are kept, their engine recorded: they are DB
 * clusters of the RDS API, and the insights decide what applies to them.
 */
import { DescribeDBClustersCommand, type DBCluster, type DBClusterMember, type Tag } from '@aws-sdk/client-rds';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { RdsDbClusterConfig, RdsDbClusterMember } from '../../../model/types/rds/db-cluster.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { RDS_CLUSTER_FIELDS } from './fields.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { rdsStorageKeyId } from './storage-key.js';
import { missing, reported } from '../../contract/reported.js';

type Ctx = CollectContext<'AWS::RDS::DBCluster'>;

/** DescribeDBClusters' MaxRecords is 20 to 100. */
const PAGE_SIZE = 100;

export default defineCollector({
  resourceType: 'AWS::RDS::DBCluster',
  service: 'rds',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeDBClusters',
      iamAction: 'rds:DescribeDBClusters',
      fills: RDS_CLUSTER_FIELDS,
      required: true,
      lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (marker) => new DescribeDBClustersCommand({ MaxRecords: PAGE_SIZE, ...(marker !== undefined ? { Marker: marker } : {}) }),
      items: (page) => page.DBClusters,
      next: (page) => ({ token: page.Marker, truncated: false }),
    });
    const call: CallRef = { service: 'rds', operation: 'DescribeDBClusters', region: ctx.region };
    for (const cluster of listedOnce(ctx, call, listed.items, (item) => item.DBClusterIdentifier, 'DBClusterIdentifier')) emitCluster(ctx, cluster, call);
  },
});

function emitCluster(ctx: Ctx, cluster: DBCluster, call: CallRef): void {
  const id = cluster.DBClusterIdentifier;
  if (id === undefined) return;
  const arn = cluster.DBClusterArn ?? arnFor('AWS::RDS::DBCluster', ctx.accountId, ctx.region, id, ctx.partition);
  const ref = { arn };
  const storageEncrypted = reported(ctx, call, cluster.StorageEncrypted, 'StorageEncrypted', ref);
  const config: CollectedConfig<RdsDbClusterConfig> = {
    engine: reported(ctx, call, cluster.Engine, 'Engine', ref),
    engineVersion: reported(ctx, call, cluster.EngineVersion, 'EngineVersion', ref),
    engineMode: cluster.EngineMode ?? null,
    status: reported(ctx, call, cluster.Status, 'Status', ref),
    storageEncrypted,
    kmsKeyId: rdsStorageKeyId(ctx, call, cluster.KmsKeyId, storageEncrypted, ref),
    multiAz: reported(ctx, call, cluster.MultiAZ, 'MultiAZ', ref),
    // The query protocol leaves an empty list out: none.
    availabilityZones: [...(cluster.AvailabilityZones ?? [])],
    members: members(ctx, call, cluster.DBClusterMembers ?? [], ref),
    // Reported for Multi-AZ DB clusters only; on Aurora each instance says whether it is public.
    publiclyAccessible: cluster.PubliclyAccessible ?? null,
    backupRetentionPeriod: reported(ctx, call, cluster.BackupRetentionPeriod, 'BackupRetentionPeriod', ref),
    deletionProtection: reported(ctx, call, cluster.DeletionProtection, 'DeletionProtection', ref),
    cloudwatchLogsExports: [...(cluster.EnabledCloudwatchLogsExports ?? [])],
    autoMinorVersionUpgrade: cluster.AutoMinorVersionUpgrade ?? null,
  };

  const created = isoDate(cluster.ClusterCreateTime);
  const resource = ctx.resource({
    arn,
    id,
    tags: tagMap<Tag>(
      cluster.TagList,
      (tag) => tag.Key,
      (tag) => tag.Value,
    ),
    config,
    createdAt: created,
  });
  ctx.emit(resource);
}

/** The member instances; a member without its identifier or role makes the list unknown, not shorter. */
function members(ctx: Ctx, call: CallRef, listed: readonly DBClusterMember[], ref: { arn: string }): Maybe<RdsDbClusterMember[]> {
  const out: RdsDbClusterMember[] = [];
  for (const member of listed) {
    if (member.DBInstanceIdentifier === undefined || member.IsClusterWriter === undefined)
      return missing(ctx, call, 'DBClusterMembers[].DBInstanceIdentifier or IsClusterWriter', ref);
    out.push({ instanceIdentifier: member.DBInstanceIdentifier, isWriter: member.IsClusterWriter });
  }
  return out;
}
