/**
 * The RDS DB instance collector against a mocked RDS: DescribeDBInstances pages (Marker) shaped as
 * the RDS API reference documents DBInstance, after the SDK's deserialisation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeDBInstancesCommand, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import rdsDbInstance from '../../../src/collect/collectors/rds/db-instance.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, rdsAccessDenied } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const dbArn = (id: string, region = REGION) => `arn:aws:rds:${region}:${ACCOUNT}:db:${id}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A DBInstance with what every instance reports; overrides per case. */
function dbInstance(id: string, overrides: Partial<DBInstance> = {}, region = REGION): DBInstance {
  return {
    DBInstanceIdentifier: id,
    DBInstanceArn: dbArn(id, region),
    DBInstanceClass: 'db.r6g.large',
    Engine: 'postgres',
    EngineVersion: '16.4',
    DBInstanceStatus: 'available',
    MasterUsername: 'ledger_admin',
    Endpoint: { Address: `${id}.c9akciq32.${region}.rds.amazonaws.com`, Port: 5432, HostedZoneId: 'Z29XKXDKYMONMX' },
    AllocatedStorage: 100,
    InstanceCreateTime: new Date('2024-02-12T10:21:00Z'),
    BackupRetentionPeriod: 7,
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60001', Status: 'active' }],
    AvailabilityZone: `${region}a`,
    MultiAZ: false,
    PubliclyAccessible: false,
    StorageType: 'gp3',
    StorageEncrypted: false,
    DbiResourceId: `db-${id.toUpperCase()}`,
    DeletionProtection: false,
    CopyTagsToSnapshot: true,
    AutoMinorVersionUpgrade: true,
    ...overrides,
  };
}

let PAGES: Record<string, { instances: DBInstance[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      instances: [
        dbInstance('ledger-prod', {
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
          TagList: [
            { Key: 'data-classification', Value: 'confidential' },
            { Key: 'owner', Value: 'payments' },
          ],
        }),
      ],
      next: 'marker-2',
    },
    'marker-2': {
      instances: [
        // A read replica of a MySQL instance: no log exports (the query protocol leaves the empty list out), no tags, unencrypted.
        dbInstance('orders-replica', {
          Engine: 'mysql',
          EngineVersion: '8.0.39',
          Endpoint: { Address: 'orders-replica.c9akciq32.eu-west-1.rds.amazonaws.com', Port: 3306, HostedZoneId: 'Z29XKXDKYMONMX' },
          ReadReplicaSourceDBInstanceIdentifier: 'orders-mysql',
          BackupRetentionPeriod: 0,
          PubliclyAccessible: true,
          AutoMinorVersionUpgrade: false,
        }),
        dbInstance('aurora-ledger-1', {
          Engine: 'aurora-postgresql',
          EngineVersion: '16.4',
          DBClusterIdentifier: 'aurora-ledger',
          StorageEncrypted: true,
          KmsKeyId: KEY_ARN,
          BackupRetentionPeriod: 1,
          StorageType: 'aurora',
        }),
      ],
      next: 'marker-3',
    },
    'marker-3': {
      // Being created: no endpoint, no creation time yet.
      instances: [dbInstance('new-db', { DBInstanceStatus: 'creating', Endpoint: undefined, InstanceCreateTime: undefined })],
    },
  };
}

const rds = mockClient(RDSClient);

function wire(): void {
  rds.on(DescribeDBInstancesCommand).callsFake((input: { Marker?: string; MaxRecords?: number }) => {
    expect(input.MaxRecords).toBe(100);
    const page = PAGES[input.Marker ?? 'first'];
    if (page === undefined) throw new Error(`unexpected marker ${input.Marker}`);
    return { DBInstances: page.instances, ...(page.next !== undefined ? { Marker: page.next } : {}), $metadata };
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

describe('RDS DB instance collector', () => {
  it('reads every page and normalises a fully configured instance exactly', async () => {
    const { resources, coverage } = await runCollector(rdsDbInstance);
    expect(coverage).toEqual([]);
    expect(rds.commandCalls(DescribeDBInstancesCommand).map((call) => call.args[0].input.Marker)).toEqual([undefined, 'marker-2', 'marker-3']);
    expect(resources.map((r) => r.id)).toEqual(['aurora-ledger-1', 'ledger-prod', 'new-db', 'orders-replica']);
    expect(byId(resources, 'ledger-prod')).toEqual({
      arn: dbArn('ledger-prod'),
      type: 'AWS::RDS::DBInstance',
      accountId: ACCOUNT,
      region: REGION,
      id: 'ledger-prod',
      name: 'ledger-prod',
      tags: { 'data-classification': 'confidential', owner: 'payments' },
      createdAt: '2024-02-12T10:21:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.r6g.large',
        status: 'available',
        publiclyAccessible: false,
        endpoint: { address: 'ledger-prod.c9akciq32.eu-west-1.rds.amazonaws.com', port: 5432 },
        storageEncrypted: true,
        kmsKeyId: KEY_ARN,
        multiAz: true,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        cloudwatchLogsExports: ['postgresql', 'upgrade'],
        vpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60001', 'sg-0a1b2c3d4e5f60002'],
        clusterIdentifier: null,
        readReplicaSourceIdentifier: null,
        autoMinorVersionUpgrade: true,
      },
    });
  });

  it('reads absent log exports as none, absent tags as none, and no key for unencrypted storage', async () => {
    const { resources } = await runCollector(rdsDbInstance);
    const replica = byId(resources, 'orders-replica');
    expect(replica.tags).toEqual({});
    expect(replica.config).toMatchObject({
      engine: 'mysql',
      publiclyAccessible: true,
      storageEncrypted: false,
      kmsKeyId: null,
      backupRetentionPeriod: 0,
      cloudwatchLogsExports: [],
      readReplicaSourceIdentifier: 'orders-mysql',
      clusterIdentifier: null,
      autoMinorVersionUpgrade: false,
    });
    expect(byId(resources, 'aurora-ledger-1').config).toMatchObject({
      clusterIdentifier: 'aurora-ledger',
      engine: 'aurora-postgresql',
      storageEncrypted: true,
      kmsKeyId: KEY_ARN,
    });
  });

  it('an instance being created has no endpoint and no creation date yet', async () => {
    const { resources } = await runCollector(rdsDbInstance);
    const fresh = byId(resources, 'new-db');
    expect(fresh.config.status).toBe('creating');
    expect(fresh.config.endpoint).toBeNull();
    expect(fresh).not.toHaveProperty('createdAt');
  });

  it('a field the response leaves out is unknown and in coverage, never a default; the rest is collected', async () => {
    PAGES['first']!.instances[0] = dbInstance('ledger-prod', {
      PubliclyAccessible: undefined,
      StorageEncrypted: true,
      KmsKeyId: undefined,
      AutoMinorVersionUpgrade: undefined,
    });
    const { resources, coverage } = await runCollector(rdsDbInstance);
    const db = byId(resources, 'ledger-prod');
    expect(db.config.publiclyAccessible).toEqual(unknown('UnexpectedResponse: rds:DescribeDBInstances'));
    expect(db.config.autoMinorVersionUpgrade).toEqual(unknown('UnexpectedResponse: rds:DescribeDBInstances'));
    // Encrypted but no key named: null would claim the AWS-managed key.
    expect(db.config.kmsKeyId).toEqual(unknown('UnexpectedResponse: rds:DescribeDBInstances'));
    expect(db.config.storageEncrypted).toBe(true);
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 'rds',
        operation: 'DescribeDBInstances',
        resourceArn: dbArn('ledger-prod'),
        count: 3,
        error: expect.objectContaining({ code: 'UnexpectedResponse' }),
      }),
    ]);
    expect(resources).toHaveLength(4);
  });

  it('an instance answered without engine or status is kept: those fields are unknown and coverage names it', async () => {
    PAGES['marker-3']!.instances[0] = dbInstance('new-db', { Engine: undefined, DBInstanceStatus: undefined });
    const { resources, coverage } = await runCollector(rdsDbInstance);
    const kept = byId(resources, 'new-db');
    expect(kept.config.engine).toEqual(unknown('UnexpectedResponse: rds:DescribeDBInstances'));
    expect(kept.config.status).toEqual(unknown('UnexpectedResponse: rds:DescribeDBInstances'));
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeDBInstances',
        resourceArn: dbArn('new-db'),
        count: 2,
        error: { code: 'UnexpectedResponse', message: 'DescribeDBInstances returned no Engine' },
      }),
    ]);
  });

  it('AccessDenied on DescribeDBInstances: no instances, and coverage says the region was not read', async () => {
    rds.on(DescribeDBInstancesCommand).rejects(rdsAccessDenied('rds:DescribeDBInstances', dbArn('*')));
    const { resources, coverage } = await runCollector(rdsDbInstance);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'rds',
        operation: 'DescribeDBInstances',
        resourceType: 'AWS::RDS::DBInstance',
        error: { code: 'AccessDenied', message: expect.stringContaining('is not authorized to perform: rds:DescribeDBInstances') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the instances already read and records the incomplete list', async () => {
    rds.on(DescribeDBInstancesCommand, { Marker: 'marker-3' }).rejects(rdsAccessDenied('rds:DescribeDBInstances', dbArn('*')));
    const { resources, coverage } = await runCollector(rdsDbInstance);
    expect(resources.map((r) => r.id)).toEqual(['aurora-ledger-1', 'ledger-prod', 'orders-replica']);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeDBInstances', error: expect.objectContaining({ code: 'AccessDenied' }) })]);
  });

  it('collects every region with that region’s client', async () => {
    rds.on(DescribeDBInstancesCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      return { DBInstances: [dbInstance(`db-${region}`, {}, region)], $metadata };
    });
    const { resources, coverage } = await runCollector(rdsDbInstance, { regions: ['eu-west-1', 'eu-central-1'] });
    expect(coverage).toEqual([]);
    expect(resources.map((r) => [r.region, r.arn])).toEqual([
      ['eu-central-1', dbArn('db-eu-central-1', 'eu-central-1')],
      ['eu-west-1', dbArn('db-eu-west-1', 'eu-west-1')],
    ]);
  });

  it('makes one call per page whatever the selection, and sends exactly the operations it declares', async () => {
    await runCollector(rdsDbInstance, { fields: ['storageEncrypted'] });
    expect(sentOperations(rds.send.getCalls())).toEqual(['DescribeDBInstances', 'DescribeDBInstances', 'DescribeDBInstances']);
    rds.resetHistory();
    await runCollector(rdsDbInstance);
    expect([...new Set(sentOperations(rds.send.getCalls()))].sort()).toEqual(rdsDbInstance.operations.map((op) => op.operation).sort());
  });
});
