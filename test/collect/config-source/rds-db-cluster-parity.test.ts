/**
 * The same DB clusters through both sources: DescribeDBClusters (mocked RDS) and their
 * configuration items (mocked AWS Config, whose resourceId is the DbClusterResourceId and whose
 * configuration spells the `DB` prefixes as the Config resource schema does: `dbclusterIdentifier`,
 * `dbclusterMembers[].dbinstanceIdentifier`) give equal resources but for where and when they were
 * read; a setting an item lacks is NotInConfig.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DescribeDBClustersCommand, RDSClient, type DBCluster } from '@aws-sdk/client-rds';
import rdsDbCluster from '../../../src/collect/collectors/rds/db-cluster.js';
import { configCollector } from '../../../src/collect/config-source/config-collectors.js';
import { notInConfig, notInConfigFields } from '../../../src/collect/config-source/normaliser.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, runCollector } from '../support/harness.js';
import { $metadata, answerSelect, CAPTURED_AT, configItem, withoutProvenance } from './config-items.js';

const REGION = 'eu-west-1';
const clusterArn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${id}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

interface Cluster {
  readonly api: DBCluster;
  readonly configuration: Record<string, unknown>;
  readonly tags: Record<string, string>;
}

/** The fields every cluster reports, in both shapes. */
function cluster(id: string, api: Partial<DBCluster>, configuration: Record<string, unknown>, tags: Record<string, string> = {}): Cluster {
  const resourceId = `cluster-${id.toUpperCase().replace(/-/g, '')}`;
  return {
    tags,
    api: {
      AllocatedStorage: 1,
      AvailabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
      BackupRetentionPeriod: 7,
      DBClusterIdentifier: id,
      DBClusterParameterGroup: 'default.aurora-postgresql16',
      DBSubnetGroup: 'default',
      Status: 'available',
      Endpoint: `${id}.cluster-c9akciq32.${REGION}.rds.amazonaws.com`,
      ReaderEndpoint: `${id}.cluster-ro-c9akciq32.${REGION}.rds.amazonaws.com`,
      MultiAZ: false,
      Engine: 'aurora-postgresql',
      EngineVersion: '16.4',
      Port: 5432,
      MasterUsername: 'ledger_admin',
      DBClusterMembers: [{ DBInstanceIdentifier: `${id}-1`, IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync', PromotionTier: 1 }],
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' }],
      HostedZoneId: 'Z29XKXDKYMONMX',
      StorageEncrypted: false,
      DbClusterResourceId: resourceId,
      DBClusterArn: clusterArn(id),
      ClusterCreateTime: new Date('2024-05-02T14:10:00Z'),
      EngineMode: 'provisioned',
      DeletionProtection: false,
      AutoMinorVersionUpgrade: true,
      TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      ...api,
    },
    configuration: {
      allocatedStorage: 1,
      availabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
      backupRetentionPeriod: 7,
      dbclusterIdentifier: id,
      dbclusterParameterGroup: 'default.aurora-postgresql16',
      dbsubnetGroup: 'default',
      status: 'available',
      endpoint: `${id}.cluster-c9akciq32.${REGION}.rds.amazonaws.com`,
      readerEndpoint: `${id}.cluster-ro-c9akciq32.${REGION}.rds.amazonaws.com`,
      multiAZ: false,
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      port: 5432,
      masterUsername: 'ledger_admin',
      dbclusterMembers: [{ dbinstanceIdentifier: `${id}-1`, isClusterWriter: true, dbclusterParameterGroupStatus: 'in-sync', promotionTier: 1 }],
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', status: 'active' }],
      hostedZoneId: 'Z29XKXDKYMONMX',
      storageEncrypted: false,
      kmsKeyId: null,
      dbClusterResourceId: resourceId,
      dbclusterArn: clusterArn(id),
      clusterCreateTime: '2024-05-02T14:10:00.000Z',
      engineMode: 'provisioned',
      deletionProtection: false,
      autoMinorVersionUpgrade: true,
      enabledCloudwatchLogsExports: [],
      ...configuration,
    },
  };
}

let CLUSTERS: Cluster[];

function scenario(): void {
  CLUSTERS = [
    cluster(
      'ledger-aurora',
      {
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
      },
      {
        multiAZ: true,
        storageEncrypted: true,
        kmsKeyId: KEY_ARN,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        enabledCloudwatchLogsExports: ['postgresql'],
        dbclusterMembers: [
          { dbinstanceIdentifier: 'ledger-aurora-1', isClusterWriter: true, dbclusterParameterGroupStatus: 'in-sync', promotionTier: 1 },
          { dbinstanceIdentifier: 'ledger-aurora-2', isClusterWriter: false, dbclusterParameterGroupStatus: 'in-sync', promotionTier: 1 },
        ],
      },
      { 'data-classification': 'confidential', owner: 'payments' },
    ),
    cluster(
      'orders-maz',
      { Engine: 'mysql', EngineVersion: '8.0.39', Port: 3306, MultiAZ: true, PubliclyAccessible: false, AutoMinorVersionUpgrade: false },
      { engine: 'mysql', engineVersion: '8.0.39', port: 3306, multiAZ: true, publiclyAccessible: false, autoMinorVersionUpgrade: false },
    ),
    cluster(
      'reports-serverless',
      {
        Engine: 'aurora-mysql',
        EngineVersion: '5.7.mysql_aurora.2.11.4',
        EngineMode: 'serverless',
        DBClusterMembers: undefined,
        StorageEncrypted: true,
        KmsKeyId: KEY_ARN,
      },
      {
        engine: 'aurora-mysql',
        engineVersion: '5.7.mysql_aurora.2.11.4',
        engineMode: 'serverless',
        dbclusterMembers: [],
        storageEncrypted: true,
        kmsKeyId: KEY_ARN,
      },
    ),
    // DocumentDB, being created: no engine mode, no creation time yet.
    cluster(
      'sessions-docdb',
      { Engine: 'docdb', EngineVersion: '5.0.0', EngineMode: undefined, Status: 'creating', ClusterCreateTime: undefined, DBClusterMembers: [] },
      { engine: 'docdb', engineVersion: '5.0.0', engineMode: null, status: 'creating', clusterCreateTime: null, dbclusterMembers: null },
    ),
  ];
}

function itemOf(db: Cluster): string {
  const id = db.api.DBClusterIdentifier!;
  return configItem({
    resourceType: 'AWS::RDS::DBCluster',
    resourceId: db.api.DbClusterResourceId!,
    resourceName: id,
    arn: clusterArn(id),
    awsRegion: REGION,
    configuration: db.configuration,
    tags: db.tags,
  });
}

const rds = mockClient(RDSClient);
const config = mockClient(ConfigServiceClient);

beforeEach(() => {
  rds.reset();
  config.reset();
  scenario();
  rds.on(DescribeDBClustersCommand).callsFake(() => ({ DBClusters: CLUSTERS.map((db) => db.api), $metadata }));
  answerSelect(config, (region, type) => (region === REGION && type === 'AWS::RDS::DBCluster' ? CLUSTERS.map(itemOf) : []));
});

afterEach(() => {
  rds.reset();
  config.reset();
});

describe('RDS DB cluster: API and Config give the same resource', () => {
  it('equal but for source and observedAt, every cluster, named by identifier not DbClusterResourceId', async () => {
    const api = await runCollector(rdsDbCluster);
    const fromConfig = await runCollector(configCollector('AWS::RDS::DBCluster'));
    expect(api.coverage).toEqual([]);
    expect(fromConfig.coverage).toEqual([]);
    expect(fromConfig.resources.map((r) => r.id)).toEqual(api.resources.map((r) => r.id));
    for (const apiCluster of api.resources) {
      const configCluster = byId(fromConfig.resources, apiCluster.id);
      expect(configCluster).toMatchObject({ source: 'config', observedAt: CAPTURED_AT });
      expect(notInConfigFields(configCluster)).toEqual([]);
      expect(withoutProvenance(configCluster)).toStrictEqual(withoutProvenance(apiCluster));
    }
  });

  it('reads the dB… spelling of the identifier and members too', async () => {
    const { dbclusterIdentifier, dbclusterMembers, ...rest } = CLUSTERS[0]!.configuration;
    const members = (dbclusterMembers as { dbinstanceIdentifier: string; isClusterWriter: boolean }[]).map((m) => ({
      dBInstanceIdentifier: m.dbinstanceIdentifier,
      clusterWriter: m.isClusterWriter,
    }));
    CLUSTERS[0] = { ...CLUSTERS[0]!, configuration: { ...rest, dBClusterIdentifier: dbclusterIdentifier, dBClusterMembers: members } };
    const { resources } = await runCollector(configCollector('AWS::RDS::DBCluster'));
    expect(byId(resources, 'ledger-aurora').config.members).toEqual([
      { instanceIdentifier: 'ledger-aurora-1', isWriter: true },
      { instanceIdentifier: 'ledger-aurora-2', isWriter: false },
    ]);
  });

  it('a setting an item does not carry is NotInConfig, never a default', async () => {
    const { multiAZ: _multiAz, autoMinorVersionUpgrade: _minor, ...older } = CLUSTERS[0]!.configuration;
    CLUSTERS[0] = { ...CLUSTERS[0]!, configuration: older };
    const { resources, coverage } = await runCollector(configCollector('AWS::RDS::DBCluster'));
    const aurora = byId(resources, 'ledger-aurora');
    expect(aurora.config.multiAz).toEqual(unknown('NotInConfig: multiAz'));
    expect(aurora.config.autoMinorVersionUpgrade).toEqual(unknown('NotInConfig: autoMinorVersionUpgrade'));
    expect(notInConfigFields(aurora)).toEqual(['multiAz', 'autoMinorVersionUpgrade']);
    expect(coverage).toEqual([]);
  });

  it('publicly accessible: NotInConfig for a Multi-AZ DB cluster whose item lacks it, null for Aurora (RDS reports none)', async () => {
    const { publiclyAccessible: _dropped, ...older } = CLUSTERS[1]!.configuration;
    CLUSTERS[1] = { ...CLUSTERS[1]!, configuration: older };
    const { resources } = await runCollector(configCollector('AWS::RDS::DBCluster'));
    expect(byId(resources, 'orders-maz').config.publiclyAccessible).toEqual(unknown('NotInConfig: publiclyAccessible'));
    expect(byId(resources, 'ledger-aurora').config.publiclyAccessible).toBeNull();
  });

  it('an encrypted cluster whose item names no key: the key is NotInConfig, not the AWS-managed key; a member without its role makes the list NotInConfig', async () => {
    CLUSTERS[2] = { ...CLUSTERS[2]!, configuration: { ...CLUSTERS[2]!.configuration, kmsKeyId: null } };
    CLUSTERS[0] = { ...CLUSTERS[0]!, configuration: { ...CLUSTERS[0]!.configuration, dbclusterMembers: [{ dbinstanceIdentifier: 'ledger-aurora-1' }] } };
    const { resources } = await runCollector(configCollector('AWS::RDS::DBCluster'));
    expect(byId(resources, 'reports-serverless').config.kmsKeyId).toEqual(unknown('NotInConfig: kmsKeyId'));
    expect(byId(resources, 'orders-maz').config.kmsKeyId).toBeNull();
    expect(byId(resources, 'ledger-aurora').config.members).toEqual(unknown('NotInConfig: members'));
  });

  it('an item without its status keeps the cluster, the status NotInConfig', async () => {
    const { status: _dropped, ...broken } = CLUSTERS[3]!.configuration;
    CLUSTERS[3] = { ...CLUSTERS[3]!, configuration: broken };
    const { resources } = await runCollector(configCollector('AWS::RDS::DBCluster'));
    const kept = byId(resources, 'sessions-docdb');
    expect(kept.config.status).toEqual(notInConfig('status'));
    expect(notInConfigFields(kept)).toEqual(['status']);
  });
});
