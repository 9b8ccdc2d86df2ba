/**
 * RDS (query protocol; list members named by their shape: `<DBInstance>`, `<DBCluster>`,
 * `<DBSnapshot>`, `<Tag>` …): DescribeDBInstances, DescribeDBClusters and DescribeDBSnapshots, each
 * paged by `MaxRecords` / `Marker` (DescribeDBSnapshots also by `DBSnapshotIdentifier`), and the
 * restore attribute of one snapshot. ModifyDBInstance (public accessibility), CreateDBSnapshot
 * (available at once), DeleteDBInstance (refused under deletion protection) and AddTagsToResource
 * change the account.
 */
import type { DbCluster, DbInstance, DbSnapshot, SyntheticAccount } from './account.js';
import { add, change, remove } from './state.js';
import { formParams, list, page, pageSize, queryEmptyReply, queryError, queryReply, strings, val, type Reply, type ServiceHandler } from './wire.js';

const NS = 'http://rds.amazonaws.com/doc/2014-10-31/';

const tagList = (tags: Readonly<Record<string, string>>) => list('TagList', Object.entries(tags), ([k, v]) => val('Key', k) + val('Value', v), 'Tag');

/** The fake's deletion protection: multi-AZ instances have it (as DescribeDBInstances says). */
const deletionProtected = (db: DbInstance) => db.multiAz;

function dbInstance(accountId: string, db: DbInstance, status = 'available'): string {
  const logs = db.engine === 'mysql' ? ['audit', 'error'] : ['postgresql'];
  return (
    val('DBInstanceIdentifier', db.id) +
    val('DBInstanceClass', db.instanceClass) +
    val('Engine', db.engine) +
    val('DBInstanceStatus', status) +
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
    val('DeletionProtection', deletionProtected(db)) +
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

const instanceNotFound = (id: string | null) => queryError(NS, 'DBInstanceNotFound', `DBInstance ${String(id)} not found.`, 404);

/** The calls that change the account's instances and snapshots. */
function write(account: SyntheticAccount, action: string, params: URLSearchParams, region: string): Reply | undefined {
  const id = params.get('DBInstanceIdentifier');
  const db = account.dbInstances.find((x) => x.id === id && x.region === region);
  switch (action) {
    case 'ModifyDBInstance': {
      if (db === undefined) return instanceNotFound(id);
      const publicly = params.get('PubliclyAccessible');
      if (publicly !== null) change(db, { public: publicly === 'true' });
      return queryReply(NS, action, `<DBInstance>${dbInstance(account.accountId, db)}</DBInstance>`);
    }
    case 'CreateDBSnapshot': {
      if (db === undefined) return instanceNotFound(id);
      const snapshotId = params.get('DBSnapshotIdentifier') ?? '';
      if (account.dbSnapshots.some((s) => s.id === snapshotId && s.region === region))
        return queryError(NS, 'DBSnapshotAlreadyExists', `Cannot create the snapshot because a snapshot with the identifier ${snapshotId} already exists.`);
      const snapshot: DbSnapshot = {
        id: snapshotId,
        region,
        instance: db.id,
        engine: db.engine,
        type: 'manual',
        encrypted: db.encrypted,
        kmsKey: db.kmsKey,
        restore: [],
        createdAt: account.now,
        tags: {},
      };
      add(account.dbSnapshots, snapshot);
      return queryReply(NS, action, `<DBSnapshot>${dbSnapshot(account.accountId, snapshot)}</DBSnapshot>`);
    }
    case 'DeleteDBInstance': {
      if (db === undefined) return instanceNotFound(id);
      if (deletionProtected(db))
        return queryError(NS, 'InvalidParameterCombination', 'Cannot delete protected DB Instance, please disable deletion protection and try again.');
      if (params.get('SkipFinalSnapshot') !== 'true' && params.get('FinalDBSnapshotIdentifier') === null)
        return queryError(NS, 'InvalidParameterCombination', 'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.');
      remove(account.dbInstances, db);
      return queryReply(NS, action, `<DBInstance>${dbInstance(account.accountId, db, 'deleting')}</DBInstance>`);
    }
    case 'AddTagsToResource': {
      const arn = params.get('ResourceName');
      const tagged = account.dbInstances.find((x) => `arn:aws:rds:${x.region}:${account.accountId}:db:${x.id}` === arn);
      if (tagged === undefined) return instanceNotFound(arn);
      const tags = { ...tagged.tags };
      for (let i = 1; params.has(`Tags.Tag.${i}.Key`) || params.has(`Tags.member.${i}.Key`); i++) {
        const at = params.has(`Tags.Tag.${i}.Key`) ? `Tags.Tag.${i}` : `Tags.member.${i}`;
        tags[params.get(`${at}.Key`)!] = params.get(`${at}.Value`) ?? '';
      }
      change(tagged, { tags });
      return queryEmptyReply(NS, action);
    }
    default:
      return undefined;
  }
}

export function rds(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const params = formParams(request);
    const action = params.get('Action') ?? '';
    const size = pageSize(params.get('MaxRecords'), 100, 100);
    const changed = write(account, action, params, region);
    if (changed !== undefined) return changed;
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
        const named = params.get('DBSnapshotIdentifier');
        if (named !== null && !account.dbSnapshots.some((s) => s.id === named && s.region === region))
          return queryError(NS, 'DBSnapshotNotFound', `DBSnapshot ${named} not found.`, 404);
        const { items, next } = page(
          account.dbSnapshots.filter((s) => s.region === region && (named === null || s.id === named)),
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
