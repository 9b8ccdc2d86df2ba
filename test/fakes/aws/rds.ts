/**
 * RDS (query protocol; list members named by their shape: `<DBInstance>`, `<DBCluster>`,
 * `<DBSnapshot>`, `<Tag>` …): DescribeDBInstances, DescribeDBClusters and DescribeDBSnapshots, each
 * paged by `MaxRecords` / `Marker`, and the restore attribute of one snapshot.
 */
import type { DbCluster, DbInstance, DbSnapshot, SyntheticAccount } from './account.js';
import { formParams, list, page, pageSize, queryError, queryReply, strings, val, type ServiceHandler } from './wire.js';

const NS = 'http://rds.amazonaws.com/doc/2014-10-31/';

const tagList = (tags: Readonly<Record<string, string>>) => list('TagList', Object.entries(tags), ([k, v]) => val('Key', k) + val('Value', v), 'Tag');

function dbInstance(accountId: string, db: DbInstance): string {
  const logs = db.engine === 'mysql' ? ['audit', 'error'] : ['postgresql'];
  return (
    val('DBInstanceIdentifier', db.id) +
    val('DBInstanceClass', db.instanceClass) +
    val('Engine', db.engine) +
    val('DBInstanceStatus', 'available') +
    val('MasterUsername', 'admin') +
    `<Endpoint>${val('Address', `${db.id}.c9akciq32.${db.region}.rds.amazonaws.com`)}${val('Port', db.engine === 'mysql' ? 3306 : 5432)}${val('HostedZoneId', 'Z2R2ITUGPM61AM')}</Endpoint>` +
    val('AllocatedStorage', 100) +
    val('InstanceCreateTime', db.createdAt) +
    val('BackupRetentionPeriod', db.backupDays) +
    list('VpcSecurityGroups', ['sg-0123456789abcdef0'], (id) => val('VpcSecurityGroupId', id) + val('Status', 'active'), 'VpcSecurityGroupMembership') +
    val('AvailabilityZone', `${db.region}a`) +
    val('MultiAZ', db.multiAz) +
    val('EngineVersion', db.engineVersion) +
    val('PubliclyAccessible', db.public) +
    val('StorageEncrypted', db.encrypted) +
    val('KmsKeyId', db.kmsKey) +
    val('DbiResourceId', `db-${db.id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`) +
    val('DBInstanceArn', `arn:aws:rds:${db.region}:${accountId}:db:${db.id}`) +
    val('DBClusterIdentifier', db.cluster) +
    val('DeletionProtection', db.multiAz) +
    val('AutoMinorVersionUpgrade', db.id.length % 3 !== 0) +
    (db.id.length % 2 === 0 ? strings('EnabledCloudwatchLogsExports', logs) : '') +
    tagList(db.tags)
  );
}

function dbCluster(accountId: string, c: DbCluster): string {
  return (
    val('AllocatedStorage', 1) +
    strings('AvailabilityZones', [`${c.region}a`, `${c.region}b`, `${c.region}c`], 'AvailabilityZone') +
    val('BackupRetentionPeriod', c.backupDays) +
    val('DBClusterIdentifier', c.id) +
    val('DBClusterParameterGroup', 'default.aurora-postgresql16') +
    val('DBSubnetGroup', 'default') +
    val('Status', 'available') +
    val('Endpoint', `${c.id}.cluster-c9akciq32.${c.region}.rds.amazonaws.com`) +
    val('ReaderEndpoint', `${c.id}.cluster-ro-c9akciq32.${c.region}.rds.amazonaws.com`) +
    val('MultiAZ', c.multiAz) +
    val('Engine', c.engine) +
    val('EngineVersion', c.engineVersion) +
    val('Port', 5432) +
    val('MasterUsername', 'admin') +
    list(
      'DBClusterMembers',
      c.members.map((id, i) => ({ id, writer: i === 0 })),
      (m) => val('DBInstanceIdentifier', m.id) + val('IsClusterWriter', m.writer) + val('DBClusterParameterGroupStatus', 'in-sync') + val('PromotionTier', 1),
      'DBClusterMember',
    ) +
    list('VpcSecurityGroups', ['sg-0123456789abcdef0'], (id) => val('VpcSecurityGroupId', id) + val('Status', 'active'), 'VpcSecurityGroupMembership') +
    val('HostedZoneId', 'Z29XKXDKYMONMX') +
    val('StorageEncrypted', c.encrypted) +
    val('KmsKeyId', c.kmsKey) +
    val('DbClusterResourceId', `cluster-${c.id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`) +
    val('DBClusterArn', `arn:aws:rds:${c.region}:${accountId}:cluster:${c.id}`) +
    val('ClusterCreateTime', c.createdAt) +
    val('EngineMode', 'provisioned') +
    val('DeletionProtection', c.multiAz) +
    val('AutoMinorVersionUpgrade', true) +
    (c.members.length % 2 === 0 ? strings('EnabledCloudwatchLogsExports', ['postgresql']) : '') +
    tagList(c.tags)
  );
}

function dbSnapshot(accountId: string, s: DbSnapshot): string {
  return (
    val('DBSnapshotIdentifier', s.id) +
    val('DBInstanceIdentifier', s.instance) +
    val('SnapshotCreateTime', s.createdAt) +
    val('Engine', s.engine) +
    val('AllocatedStorage', 100) +
    val('Status', 'available') +
    val('SnapshotType', s.type) +
    val('Encrypted', s.encrypted) +
    val('KmsKeyId', s.kmsKey) +
    val('DBSnapshotArn', `arn:aws:rds:${s.region}:${accountId}:snapshot:${s.id}`) +
    tagList(s.tags)
  );
}

export function rds(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const params = formParams(request);
    const action = params.get('Action') ?? '';
    const size = pageSize(params.get('MaxRecords'), 100, 100);
    switch (action) {
      case 'DescribeDBInstances': {
        const { items, next } = page(
          account.dbInstances.filter((db) => db.region === region),
          params.get('Marker'),
          size,
        );
        return queryReply(NS, action, list('DBInstances', items, (db) => dbInstance(account.accountId, db), 'DBInstance') + val('Marker', next));
      }
      case 'DescribeDBClusters': {
        const { items, next } = page(
          account.dbClusters.filter((c) => c.region === region),
          params.get('Marker'),
          size,
        );
        return queryReply(NS, action, list('DBClusters', items, (c) => dbCluster(account.accountId, c), 'DBCluster') + val('Marker', next));
      }
      case 'DescribeDBSnapshots': {
        // IncludeShared / IncludePublic false: the account's own snapshots only, which is all there is here.
        const { items, next } = page(
          account.dbSnapshots.filter((s) => s.region === region),
          params.get('Marker'),
          size,
        );
        return queryReply(NS, action, list('DBSnapshots', items, (s) => dbSnapshot(account.accountId, s), 'DBSnapshot') + val('Marker', next));
      }
      case 'DescribeDBSnapshotAttributes': {
        const id = params.get('DBSnapshotIdentifier');
        const snapshot = account.dbSnapshots.find((s) => s.id === id && s.region === region);
        if (snapshot === undefined) return queryError(NS, 'DBSnapshotNotFound', `DBSnapshot ${String(id)} not found.`, 404);
        return queryReply(
          NS,
          action,
          `<DBSnapshotAttributesResult>${val('DBSnapshotIdentifier', snapshot.id)}` +
            list(
              'DBSnapshotAttributes',
              [snapshot.restore],
              (values) => val('AttributeName', 'restore') + strings('AttributeValues', values, 'AttributeValue'),
              'DBSnapshotAttribute',
            ) +
            `</DBSnapshotAttributesResult>`,
        );
      }
      default:
        return queryError(NS, 'InvalidAction', `the fake RDS does not answer ${action}`);
    }
  };
}
