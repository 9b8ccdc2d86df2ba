/**
 * The RDS DB cluster collector against a mocked RDS: DescribeDBClusters pages (Marker) shaped as
 * the RDS API reference documents DBCluster, after the SDK's deserialisation — an Aurora cluster,
 * a Multi-AZ DB cluster, an Aurora Serverless v1 cluster and a DocumentDB cluster, which the same
 * API lists.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeDBClustersCommand, RDSClient, type DBCluster } from '@aws-sdk/client-rds';
import rdsDbCluster from '../../../src/collect/collectors/rds/db-cluster.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, rdsAccessDenied } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const clusterArn = (id: string, region = REGION) => `arn:aws:rds:${region}:${ACCOUNT}:cluster:${id}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A DBCluster with what an Aurora PostgreSQL cluster reports; overrides per case. */
function dbCluster(id: string, overrides: Partial<DBCluster> = {}, region = REGION): DBCluster {
  return {
    AllocatedStorage: 1,
    AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
    BackupRetentionPeriod: 7,
    DBClusterIdentifier: id,
    DBClusterParameterGroup: 'default.aurora-postgresql16',
    DBSubnetGroup: 'default',
    Status: 'available',
    EarliestRestorableTime: new Date('2026-02-22T09:00:00Z'),
    Endpoint: `${id}.cluster-c9akciq32.${region}.rds.amazonaws.com`,
    ReaderEndpoint: `${id}.cluster-ro-c9akciq32.${region}.rds.amazonaws.com`,
    MultiAZ: false,
    Engine: 'aurora-postgresql',
    EngineVersion: '16.4',
    LatestRestorableTime: new Date('2026-03-01T08:55:00Z'),
    Port: 5432,
    MasterUsername: 'ledger_admin',
    PreferredBackupWindow: '02:00-02:30',
    PreferredMaintenanceWindow: 'sun:04:00-sun:04:30',
    ReadReplicaIdentifiers: [],
    DBClusterMembers: [{ DBInstanceIdentifier: `${id}-1`, IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync', PromotionTier: 1 }],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' }],
    HostedZoneId: 'Z29XKXDKYMONMX',
    StorageEncrypted: false,
    DbClusterResourceId: `cluster-${id.toUpperCase().replace(/-/g, '')}`,
    DBClusterArn: clusterArn(id, region),
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    ClusterCreateTime: new Date('2024-05-02T14:10:00Z'),
    EngineMode: 'provisioned',
    DeletionProtection: false,
    HttpEndpointEnabled: false,
    CopyTagsToSnapshot: true,
    CrossAccountClone: false,
    DomainMemberships: [],
    TagList: [],
    AutoMinorVersionUpgrade: true,
    NetworkType: 'IPV4',
    ...overrides,
  };
}

let PAGES: Record<string, { clusters: DBCluster[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      clusters: [
        dbCluster('ledger-aurora', {
          MultiAZ: true,
          StorageEncrypted: true,
          KmsKeyId: KEY_ARN,
          BackupRetentionPeriod: 14,
          DeletionProtection: true,
          EnabledCloudwatchLogsExports: ['postgresql'],
          DBClusterMembers: [
            { DBInstanceIdentifier: 'ledger-aurora-1', IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync', PromotionTier: 1 },
            { DBInstanceIdentifier: 'ledger-aurora-2', IsClusterWriter: false, DBClusterParameterGroupStatus: 'in-sync', PromotionTier: 1 },
          ],
          TagList: [
            { Key: 'data-classification', Value: 'confidential' },
            { Key: 'owner', Value: 'payments' },
          ],
        }),
      ],
      next: 'marker-2',
    },
    'marker-2': {
      clusters: [
        // A Multi-AZ DB cluster (RDS for MySQL): a writer and two readable standbys; it reports PubliclyAccessible.
        dbCluster('orders-maz', {
          Engine: 'mysql',
          EngineVersion: '8.0.39',
          Port: 3306,
          MultiAZ: true,
          StorageEncrypted: true,
          KmsKeyId: KEY_ARN,
          DBClusterInstanceClass: 'db.m6gd.large',
          StorageType: 'io1',
          Iops: 1000,
          AllocatedStorage: 100,
          PubliclyAccessible: false,
          AutoMinorVersionUpgrade: false,
          EnabledCloudwatchLogsExports: ['error', 'slowquery'],
          DBClusterMembers: [
            { DBInstanceIdentifier: 'orders-maz-instance-1', IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync' },
            { DBInstanceIdentifier: 'orders-maz-instance-2', IsClusterWriter: false, DBClusterParameterGroupStatus: 'in-sync' },
            { DBInstanceIdentifier: 'orders-maz-instance-3', IsClusterWriter: false, DBClusterParameterGroupStatus: 'in-sync' },
          ],
        }),
        // Aurora Serverless v1: no member instances (the query protocol leaves the empty list out), no minor-upgrade flag.
        dbCluster('reports-serverless', {
          Engine: 'aurora-mysql',
          EngineVersion: '5.7.mysql_aurora.2.11.4',
          EngineMode: 'serverless',
          Capacity: 2,
          ScalingConfigurationInfo: { MinCapacity: 1, MaxCapacity: 8, AutoPause: true, SecondsUntilAutoPause: 300, TimeoutAction: 'RollbackCapacityChange' },
          StorageEncrypted: true,
          KmsKeyId: KEY_ARN,
          BackupRetentionPeriod: 1,
          DBClusterMembers: undefined,
          AutoMinorVersionUpgrade: undefined,
          TagList: undefined,
        }),
      ],
      next: 'marker-3',
    },
    'marker-3': {
      clusters: [
        // DocumentDB, as DescribeDBClusters lists it: no engine mode, being created, so no creation time yet.
        dbCluster('sessions-docdb', {
          Engine: 'docdb',
          EngineVersion: '5.0.0',
          EngineMode: undefined,
          Status: 'creating',
          Port: 27017,
          DBClusterParameterGroup: 'default.docdb5.0',
          DBClusterMembers: [],
          ClusterCreateTime: undefined,
          AutoMinorVersionUpgrade: undefined,
        }),
      ],
    },
  };
}

const rds = mockClient(RDSClient);

function wire(): void {
  rds.on(DescribeDBClustersCommand).callsFake((input: { Marker?: string; MaxRecords?: number }) => {
    expect(input.MaxRecords).toBe(100);
    const page = PAGES[input.Marker ?? 'first'];
    if (page === undefined) throw new Error(`unexpected marker ${input.Marker}`);
    return { DBClusters: page.clusters, ...(page.next !== undefined ? { Marker: page.next } : {}), $metadata };
  });
}

beforeEach(() => {
  rds.reset();
  scenario();
  wire();
});

afterEach(() => {
  rds.reset();
});

describe('RDS DB cluster collector', () => {
  it('reads every page and normalises a fully configured Aurora cluster exactly', async () => {
    const { resources, coverage } = await runCollector(rdsDbCluster);
    expect(coverage).toEqual([]);
    expect(rds.commandCalls(DescribeDBClustersCommand).map((call) => call.args[0].input.Marker)).toEqual([undefined, 'marker-2', 'marker-3']);
    expect(resources.map((r) => r.id)).toEqual(['ledger-aurora', 'orders-maz', 'reports-serverless', 'sessions-docdb']);
    expect(byId(resources, 'ledger-aurora')).toEqual({
      arn: clusterArn('ledger-aurora'),
      type: 'AWS::RDS::DBCluster',
      accountId: ACCOUNT,
      region: REGION,
      id: 'ledger-aurora',
      name: 'ledger-aurora',
      tags: { 'data-classification': 'confidential', owner: 'payments' },
      createdAt: '2024-05-02T14:10:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        engine: 'aurora-postgresql',
        engineVersion: '16.4',
        engineMode: 'provisioned',
        status: 'available',
        storageEncrypted: true,
        kmsKeyId: KEY_ARN,
        multiAz: true,
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
        members: [
          { instanceIdentifier: 'ledger-aurora-1', isWriter: true },
          { instanceIdentifier: 'ledger-aurora-2', isWriter: false },
        ],
        publiclyAccessible: null,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        cloudwatchLogsExports: ['postgresql'],
        autoMinorVersionUpgrade: true,
      },
    });
  });

  it('a Multi-AZ DB cluster reports whether it is public; Serverless v1 has no members and no minor-upgrade flag', async () => {
    const { resources } = await runCollector(rdsDbCluster);
    expect(byId(resources, 'orders-maz').config).toMatchObject({
      engine: 'mysql',
      multiAz: true,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: false,
      cloudwatchLogsExports: ['error', 'slowquery'],
      members: [
        { instanceIdentifier: 'orders-maz-instance-1', isWriter: true },
        { instanceIdentifier: 'orders-maz-instance-2', isWriter: false },
        { instanceIdentifier: 'orders-maz-instance-3', isWriter: false },
      ],
    });
    const serverless = byId(resources, 'reports-serverless');
    expect(serverless.tags).toEqual({});
    expect(serverless.config).toMatchObject({
      engineMode: 'serverless',
      members: [],
      autoMinorVersionUpgrade: null,
      publiclyAccessible: null,
      cloudwatchLogsExports: [],
    });
  });

  it('keeps a DocumentDB cluster with its engine; without an engine mode it is null, and being created it has no creation date', async () => {
    const { resources } = await runCollector(rdsDbCluster);
    const docdb = byId(resources, 'sessions-docdb');
    expect(docdb.config).toMatchObject({ engine: 'docdb', engineMode: null, status: 'creating', storageEncrypted: false, kmsKeyId: null, members: [] });
    expect(docdb).not.toHaveProperty('createdAt');
  });

  it('a field the response leaves out is unknown and in coverage, never a default; the rest is collected', async () => {
    PAGES['first']!.clusters[0] = dbCluster('ledger-aurora', {
      MultiAZ: undefined,
      StorageEncrypted: true,
      KmsKeyId: undefined,
      DBClusterMembers: [{ DBInstanceIdentifier: 'ledger-aurora-1', DBClusterParameterGroupStatus: 'in-sync' }],
    });
    const { resources, coverage } = await runCollector(rdsDbCluster);
    const cluster = byId(resources, 'ledger-aurora');
    const unread = unknown('UnexpectedResponse: rds:DescribeDBClusters');
    expect(cluster.config.multiAz).toEqual(unread);
    // Encrypted but no key named: null would claim the AWS-managed key.
    expect(cluster.config.kmsKeyId).toEqual(unread);
    // A member whose role is not reported: the list is unknown, not a cluster without a writer.
    expect(cluster.config.members).toEqual(unread);
    expect(cluster.config.storageEncrypted).toBe(true);
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 'rds',
        operation: 'DescribeDBClusters',
        resourceArn: clusterArn('ledger-aurora'),
        count: 3,
        error: expect.objectContaining({ code: 'UnexpectedResponse' }),
      }),
    ]);
    expect(resources).toHaveLength(4);
  });

  it('a cluster answered without engine or status is kept: those fields are unknown and coverage names it', async () => {
    PAGES['marker-3']!.clusters[0] = dbCluster('sessions-docdb', { Engine: undefined, Status: undefined });
    const { resources, coverage } = await runCollector(rdsDbCluster);
    const kept = byId(resources, 'sessions-docdb');
    expect(kept.config.engine).toEqual(unknown('UnexpectedResponse: rds:DescribeDBClusters'));
    expect(kept.config.status).toEqual(unknown('UnexpectedResponse: rds:DescribeDBClusters'));
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeDBClusters',
        resourceArn: clusterArn('sessions-docdb'),
        count: 2,
        error: { code: 'UnexpectedResponse', message: 'DescribeDBClusters returned no Engine' },
      }),
    ]);
  });

  it('AccessDenied on DescribeDBClusters: no clusters, and coverage says the region was not read', async () => {
    rds.on(DescribeDBClustersCommand).rejects(rdsAccessDenied('rds:DescribeDBClusters', clusterArn('*')));
    const { resources, coverage } = await runCollector(rdsDbCluster);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'rds',
        operation: 'DescribeDBClusters',
        resourceType: 'AWS::RDS::DBCluster',
        error: { code: 'AccessDenied', message: expect.stringContaining('is not authorized to perform: rds:DescribeDBClusters') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the clusters already read and records the incomplete list', async () => {
    rds.on(DescribeDBClustersCommand, { Marker: 'marker-3' }).rejects(rdsAccessDenied('rds:DescribeDBClusters', clusterArn('*')));
    const { resources, coverage } = await runCollector(rdsDbCluster);
    expect(resources.map((r) => r.id)).toEqual(['ledger-aurora', 'orders-maz', 'reports-serverless']);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeDBClusters', error: expect.objectContaining({ code: 'AccessDenied' }) })]);
  });

  it('collects every region with that region’s client', async () => {
    rds.on(DescribeDBClustersCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      return { DBClusters: [dbCluster(`cluster-${region}`, {}, region)], $metadata };
    });
    const { resources, coverage } = await runCollector(rdsDbCluster, { regions: ['eu-west-1', 'eu-central-1'] });
    expect(coverage).toEqual([]);
    expect(resources.map((r) => [r.region, r.arn])).toEqual([
      ['eu-central-1', clusterArn('cluster-eu-central-1', 'eu-central-1')],
      ['eu-west-1', clusterArn('cluster-eu-west-1', 'eu-west-1')],
    ]);
  });

  it('makes one call per page whatever the selection, and sends exactly the operations it declares', async () => {
    await runCollector(rdsDbCluster, { fields: ['storageEncrypted'] });
    expect(sentOperations(rds.send.getCalls())).toEqual(['DescribeDBClusters', 'DescribeDBClusters', 'DescribeDBClusters']);
    rds.resetHistory();
    await runCollector(rdsDbCluster);
    expect([...new Set(sentOperations(rds.send.getCalls()))].sort()).toEqual(rdsDbCluster.operations.map((op) => op.operation).sort());
  });
});
