/**
 * The same DB instances through both sources: DescribeDBInstances (mocked RDS) and their
 * configuration items (mocked AWS Config, whose resourceId is the DbiResourceId) give equal
 * resources but for where and when they were read; a setting an older item lacks is NotInConfig.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DescribeDBInstancesCommand, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import rdsDbInstance from '../../../src/collect/collectors/rds/db-instance.js';
import { configCollector } from '../../../src/collect/config-source/config-collectors.js';
import { notInConfigFields } from '../../../src/collect/config-source/normaliser.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, runCollector } from '../support/harness.js';
import { $metadata, answerSelect, CAPTURED_AT, configItem, withoutProvenance } from './config-items.js';

const REGION = 'eu-west-1';
const dbArn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

interface Instance {
  readonly api: DBInstance;
  readonly configuration: Record<string, unknown>;
  readonly tags: Record<string, string>;
}

/** The fields every instance reports, in both shapes. */
function instance(id: string, api: Partial<DBInstance>, configuration: Record<string, unknown>, tags: Record<string, string> = {}): Instance {
  return {
    tags,
    api: {
      DBInstanceIdentifier: id,
      DBInstanceArn: dbArn(id),
      DBInstanceClass: 'db.r6g.large',
      Engine: 'postgres',
      EngineVersion: '16.4',
      DBInstanceStatus: 'available',
      MasterUsername: 'ledger_admin',
      Endpoint: { Address: `${id}.c9akciq32.${REGION}.rds.amazonaws.com`, Port: 5432, HostedZoneId: 'Z29XKXDKYMONMX' },
      AllocatedStorage: 100,
      InstanceCreateTime: new Date('2024-02-12T10:21:00Z'),
      BackupRetentionPeriod: 7,
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' }],
      MultiAZ: false,
      PubliclyAccessible: false,
      StorageEncrypted: false,
      DbiResourceId: `db-${id.toUpperCase()}`,
      DeletionProtection: false,
      AutoMinorVersionUpgrade: true,
      TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      ...api,
    },
    configuration: {
      dBInstanceIdentifier: id,
      dBInstanceArn: dbArn(id),
      dBInstanceClass: 'db.r6g.large',
      engine: 'postgres',
      engineVersion: '16.4',
      dBInstanceStatus: 'available',
      masterUsername: 'ledger_admin',
      endpoint: { address: `${id}.c9akciq32.${REGION}.rds.amazonaws.com`, port: 5432, hostedZoneId: 'Z29XKXDKYMONMX' },
      allocatedStorage: 100,
      instanceCreateTime: '2024-02-12T10:21:00.000Z',
      backupRetentionPeriod: 7,
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', status: 'active' }],
      multiAZ: false,
      publiclyAccessible: false,
      storageEncrypted: false,
      kmsKeyId: null,
      dbiResourceId: `db-${id.toUpperCase()}`,
      deletionProtection: false,
      autoMinorVersionUpgrade: true,
      dBClusterIdentifier: null,
      readReplicaSourceDBInstanceIdentifier: null,
      enabledCloudwatchLogsExports: [],
      ...configuration,
    },
  };
}

let INSTANCES: Instance[];

function scenario(): void {
  INSTANCES = [
    instance(
      'ledger-prod',
      {
        MultiAZ: true,
        StorageEncrypted: true,
        KmsKeyId: KEY_ARN,
        BackupRetentionPeriod: 14,
        DeletionProtection: true,
        EnabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
        VpcSecurityGroups: [
          { VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' },
          { VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60002', Status: 'active' },
        ],
      },
      {
        multiAZ: true,
        storageEncrypted: true,
        kmsKeyId: KEY_ARN,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
        vpcSecurityGroups: [
          { vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', status: 'active' },
          { vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60002', status: 'active' },
        ],
      },
      { 'data-classification': 'confidential', owner: 'payments' },
    ),
    instance(
      'orders-replica',
      {
        Engine: 'mysql',
        EngineVersion: '8.0.39',
        Endpoint: { Address: 'orders-replica.c9akciq32.eu-west-1.rds.amazonaws.com', Port: 3306, HostedZoneId: 'Z29XKXDKYMONMX' },
        ReadReplicaSourceDBInstanceIdentifier: 'orders-mysql',
        BackupRetentionPeriod: 0,
        PubliclyAccessible: true,
        AutoMinorVersionUpgrade: false,
      },
      {
        engine: 'mysql',
        engineVersion: '8.0.39',
        endpoint: { address: 'orders-replica.c9akciq32.eu-west-1.rds.amazonaws.com', port: 3306, hostedZoneId: 'Z29XKXDKYMONMX' },
        readReplicaSourceDBInstanceIdentifier: 'orders-mysql',
        backupRetentionPeriod: 0,
        publiclyAccessible: true,
        autoMinorVersionUpgrade: false,
      },
    ),
    instance(
      'aurora-ledger-1',
      { Engine: 'aurora-postgresql', DBClusterIdentifier: 'aurora-ledger', StorageEncrypted: true, KmsKeyId: KEY_ARN, BackupRetentionPeriod: 1 },
      { engine: 'aurora-postgresql', dBClusterIdentifier: 'aurora-ledger', storageEncrypted: true, kmsKeyId: KEY_ARN, backupRetentionPeriod: 1 },
    ),
    // Being created: no endpoint, no creation time yet.
    instance(
      'new-db',
      { DBInstanceStatus: 'creating', Endpoint: undefined, InstanceCreateTime: undefined },
      { dBInstanceStatus: 'creating', endpoint: null, instanceCreateTime: null },
    ),
  ];
}

function itemOf(db: Instance): string {
  const id = db.api.DBInstanceIdentifier!;
  return configItem({
    resourceType: 'AWS::RDS::DBInstance',
    resourceId: db.api.DbiResourceId!,
    resourceName: id,
    arn: dbArn(id),
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
  rds.on(DescribeDBInstancesCommand).callsFake(() => ({ DBInstances: INSTANCES.map((db) => db.api), $metadata }));
  answerSelect(config, (region, type) => (region === REGION && type === 'AWS::RDS::DBInstance' ? INSTANCES.map(itemOf) : []));
});

afterEach(() => {
  rds.reset();
  config.reset();
});

describe('RDS DB instance: API and Config give the same resource', () => {
  it('equal but for source and observedAt, every instance, named by identifier not DbiResourceId', async () => {
    const api = await runCollector(rdsDbInstance);
    const fromConfig = await runCollector(configCollector('AWS::RDS::DBInstance'));
    expect(api.coverage).toEqual([]);
    expect(fromConfig.coverage).toEqual([]);
    expect(fromConfig.resources.map((r) => r.id)).toEqual(api.resources.map((r) => r.id));
    for (const apiDb of api.resources) {
      const configDb = byId(fromConfig.resources, apiDb.id);
      expect(configDb).toMatchObject({ source: 'config', observedAt: CAPTURED_AT });
      expect(notInConfigFields(configDb)).toEqual([]);
      expect(withoutProvenance(configDb)).toStrictEqual(withoutProvenance(apiDb));
    }
  });

  it('a setting an older item does not carry is NotInConfig, never a default', async () => {
    const { deletionProtection: _dropped, ...older } = INSTANCES[0]!.configuration;
    INSTANCES[0] = { ...INSTANCES[0]!, configuration: older };
    const { resources, coverage } = await runCollector(configCollector('AWS::RDS::DBInstance'));
    const db = byId(resources, 'ledger-prod');
    expect(db.config.deletionProtection).toEqual(unknown('NotInConfig: deletionProtection'));
    expect(notInConfigFields(db)).toEqual(['deletionProtection']);
    expect(coverage).toEqual([]);
  });

  it('an item without autoMinorVersionUpgrade leaves it NotInConfig, not enabled', async () => {
    const { autoMinorVersionUpgrade: _dropped, ...older } = INSTANCES[1]!.configuration;
    INSTANCES[1] = { ...INSTANCES[1]!, configuration: older };
    const { resources } = await runCollector(configCollector('AWS::RDS::DBInstance'));
    const replica = byId(resources, 'orders-replica');
    expect(replica.config.autoMinorVersionUpgrade).toEqual(unknown('NotInConfig: autoMinorVersionUpgrade'));
    expect(notInConfigFields(replica)).toEqual(['autoMinorVersionUpgrade']);
    expect(byId(resources, 'ledger-prod').config.autoMinorVersionUpgrade).toBe(true);
  });

  it('an encrypted instance whose item names no key: the key is NotInConfig, not the AWS-managed key', async () => {
    INSTANCES[2] = { ...INSTANCES[2]!, configuration: { ...INSTANCES[2]!.configuration, kmsKeyId: null } };
    const { resources } = await runCollector(configCollector('AWS::RDS::DBInstance'));
    expect(byId(resources, 'aurora-ledger-1').config.kmsKeyId).toEqual(unknown('NotInConfig: kmsKeyId'));
    expect(byId(resources, 'orders-replica').config.kmsKeyId).toBeNull();
  });
});
