/**
 * The RDS DB snapshot collector against a mocked RDS: DescribeDBSnapshots pages (Marker) and
 * DescribeDBSnapshotAttributes (`DBSnapshotAttributesResult`) shaped as the RDS API reference
 * documents them; a deleted snapshot answers DBSnapshotNotFound.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DBSnapshotNotFoundFault, DescribeDBSnapshotAttributesCommand, DescribeDBSnapshotsCommand, RDSClient, type DBSnapshot } from '@aws-sdk/client-rds';
import rdsDbSnapshot from '../../../src/collect/collectors/rds/db-snapshot.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, rdsAccessDenied } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const snapshotArn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:${id}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const PARTNER = '444455556666';

const S = {
  migration: 'ledger-prod-before-migration',
  public: 'demo-data-export',
  private: 'orders-final',
  automated: 'rds:ledger-prod-2026-02-28-03-10',
  backup: 'awsbackup:job-4f3c9a1e-7d2b-4c1a-9e8f-0a1b2c3d4e5f',
  creating: 'ledger-prod-adhoc',
};

function snapshot(id: string, overrides: Partial<DBSnapshot> = {}): DBSnapshot {
  return {
    DBSnapshotIdentifier: id,
    DBInstanceIdentifier: 'ledger-prod',
    SnapshotCreateTime: new Date('2026-02-20T03:10:00Z'),
    Engine: 'postgres',
    AllocatedStorage: 100,
    Status: 'available',
    Port: 5432,
    AvailabilityZone: `${REGION}a`,
    VpcId: 'vpc-0a1b2c3d',
    InstanceCreateTime: new Date('2024-02-12T10:21:00Z'),
    MasterUsername: 'ledger_admin',
    EngineVersion: '16.4',
    LicenseModel: 'postgresql-license',
    SnapshotType: 'manual',
    PercentProgress: 100,
    StorageType: 'gp3',
    Encrypted: false,
    DBSnapshotArn: snapshotArn(id),
    IAMDatabaseAuthenticationEnabled: false,
    DbiResourceId: 'db-LEDGERPROD',
    TagList: [],
    SnapshotTarget: 'region',
    ...overrides,
  };
}

let PAGES: Record<string, { snapshots: DBSnapshot[]; next?: string }>;
/** The `restore` attribute of each snapshot the attributes call is expected for. */
let RESTORE: Record<string, string[] | (() => Error)>;

function scenario(): void {
  PAGES = {
    first: {
      snapshots: [
        snapshot(S.migration, {
          Encrypted: true,
          KmsKeyId: KEY_ARN,
          TagList: [
            { Key: 'purpose', Value: 'pre-migration' },
            { Key: 'owner', Value: 'payments' },
          ],
        }),
        snapshot(S.public, { DBInstanceIdentifier: 'demo-db', Engine: 'mysql', EngineVersion: '8.0.39' }),
      ],
      next: 'marker-2',
    },
    'marker-2': {
      snapshots: [snapshot(S.private, { DBInstanceIdentifier: 'orders-mysql', Engine: 'mysql' }), snapshot(S.automated, { SnapshotType: 'automated' })],
      next: 'marker-3',
    },
    'marker-3': {
      snapshots: [
        snapshot(S.backup, { SnapshotType: 'awsbackup', Encrypted: true, KmsKeyId: KEY_ARN }),
        snapshot(S.creating, { Status: 'creating', SnapshotCreateTime: undefined, PercentProgress: 0 }),
      ],
    },
  };
  RESTORE = {
    [S.migration]: [PARTNER],
    [S.public]: ['all'],
    [S.private]: [],
    [S.backup]: [],
    [S.creating]: [],
  };
}

const rds = mockClient(RDSClient);

function wire(): void {
  rds.on(DescribeDBSnapshotsCommand).callsFake((input: { Marker?: string; MaxRecords?: number; IncludeShared?: boolean; IncludePublic?: boolean }) => {
    expect(input).toMatchObject({ MaxRecords: 100, IncludeShared: false, IncludePublic: false });
    const page = PAGES[input.Marker ?? 'first'];
    if (page === undefined) throw new Error(`unexpected marker ${input.Marker}`);
    return { DBSnapshots: page.snapshots, ...(page.next !== undefined ? { Marker: page.next } : {}), $metadata };
  });
  rds.on(DescribeDBSnapshotAttributesCommand).callsFake((input: { DBSnapshotIdentifier: string }) => {
    const restore = RESTORE[input.DBSnapshotIdentifier];
    if (restore === undefined) {
      throw new DBSnapshotNotFoundFault({
        message: `DBSnapshot ${input.DBSnapshotIdentifier} not found.`,
        $metadata: { httpStatusCode: 404, requestId: 'req' },
      });
    }
    if (typeof restore === 'function') throw restore();
    return {
      DBSnapshotAttributesResult: {
        DBSnapshotIdentifier: input.DBSnapshotIdentifier,
        // An unshared snapshot lists the attribute with no values.
        DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: restore }],
      },
      $metadata,
    };
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

describe('RDS DB snapshot collector', () => {
  it('reads every page of the account’s own snapshots and normalises a shared manual snapshot exactly', async () => {
    const { resources, coverage } = await runCollector(rdsDbSnapshot);
    expect(coverage).toEqual([]);
    expect(rds.commandCalls(DescribeDBSnapshotsCommand).map((call) => call.args[0].input.Marker)).toEqual([undefined, 'marker-2', 'marker-3']);
    expect(resources).toHaveLength(6);
    expect(byId(resources, S.migration)).toEqual({
      arn: snapshotArn(S.migration),
      type: 'AWS::RDS::DBSnapshot',
      accountId: ACCOUNT,
      region: REGION,
      id: S.migration,
      name: S.migration,
      tags: { purpose: 'pre-migration', owner: 'payments' },
      createdAt: '2026-02-20T03:10:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        dbInstanceIdentifier: 'ledger-prod',
        snapshotType: 'manual',
        engine: 'postgres',
        status: 'available',
        encrypted: true,
        kmsKeyId: KEY_ARN,
        restoreAccounts: [PARTNER],
        snapshotCreateTime: '2026-02-20T03:10:00.000Z',
      },
    });
  });

  it('reads the restore attribute of every snapshot but the automated ones, which cannot be shared', async () => {
    const { resources } = await runCollector(rdsDbSnapshot);
    const asked = rds.commandCalls(DescribeDBSnapshotAttributesCommand).map((call) => call.args[0].input.DBSnapshotIdentifier);
    expect(asked.sort()).toEqual([S.backup, S.creating, S.migration, S.private, S.public].sort());
    expect(byId(resources, S.public).config).toMatchObject({ restoreAccounts: ['all'], encrypted: false, kmsKeyId: null, engine: 'mysql' });
    expect(byId(resources, S.private).config.restoreAccounts).toEqual([]);
    expect(byId(resources, S.automated).config).toMatchObject({ snapshotType: 'automated', restoreAccounts: [] });
    expect(byId(resources, S.backup).config).toMatchObject({ snapshotType: 'awsbackup', restoreAccounts: [] });
  });

  it('a snapshot being created has no creation time yet', async () => {
    const { resources } = await runCollector(rdsDbSnapshot);
    const creating = byId(resources, S.creating);
    expect(creating.config).toMatchObject({ status: 'creating', snapshotCreateTime: null });
    expect(creating).not.toHaveProperty('createdAt');
  });

  it('AccessDenied on one snapshot’s attributes: its restore list is unknown, coverage names it, the rest is collected', async () => {
    RESTORE[S.public] = () => rdsAccessDenied('rds:DescribeDBSnapshotAttributes', snapshotArn(S.public));
    const { resources, coverage } = await runCollector(rdsDbSnapshot);
    expect(byId(resources, S.public).config.restoreAccounts).toEqual(unknown('AccessDenied: rds:DescribeDBSnapshotAttributes'));
    expect(byId(resources, S.public).config.engine).toBe('mysql');
    expect(byId(resources, S.migration).config.restoreAccounts).toEqual([PARTNER]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'rds',
        operation: 'DescribeDBSnapshotAttributes',
        resourceType: 'AWS::RDS::DBSnapshot',
        resourceArn: snapshotArn(S.public),
        error: { code: 'AccessDenied', message: expect.stringContaining('is not authorized to perform: rds:DescribeDBSnapshotAttributes') },
        count: 1,
      },
    ]);
  });

  it('a snapshot deleted between the listing and its attributes is left out and named in coverage', async () => {
    delete RESTORE[S.private];
    const { resources, coverage } = await runCollector(rdsDbSnapshot);
    expect(resources.map((r) => r.id)).not.toContain(S.private);
    expect(resources).toHaveLength(5);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeDBSnapshotAttributes',
        resourceArn: snapshotArn(S.private),
        error: { code: 'DBSnapshotNotFoundFault', message: expect.stringMatching(/listed by DescribeDBSnapshots but no longer exists .*left out/) },
      }),
    ]);
  });

  it('knows the wire code of a deleted snapshot too (DBSnapshotNotFound, as the SDK reads it off the wire)', async () => {
    RESTORE[S.private] = () =>
      Object.assign(new DBSnapshotNotFoundFault({ message: `DBSnapshot ${S.private} not found.`, $metadata: { httpStatusCode: 404 } }), {
        Code: 'DBSnapshotNotFound',
      });
    const { resources, coverage } = await runCollector(rdsDbSnapshot);
    expect(resources.map((r) => r.id)).not.toContain(S.private);
    expect(coverage).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'DBSnapshotNotFound' }) })]);
  });

  it('an encrypted snapshot without a key named has an unknown key, not the AWS-managed one', async () => {
    PAGES['first']!.snapshots[0] = snapshot(S.migration, { Encrypted: true });
    const { resources, coverage } = await runCollector(rdsDbSnapshot);
    expect(byId(resources, S.migration).config.kmsKeyId).toEqual(unknown('UnexpectedResponse: rds:DescribeDBSnapshots'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeDBSnapshots', resourceArn: snapshotArn(S.migration) })]);
  });

  it('a page that fails keeps the snapshots already read and records the incomplete list', async () => {
    rds.on(DescribeDBSnapshotsCommand, { Marker: 'marker-2' }).rejects(rdsAccessDenied('rds:DescribeDBSnapshots', snapshotArn('*')));
    const { resources, coverage } = await runCollector(rdsDbSnapshot);
    expect(resources.map((r) => r.id).sort()).toEqual([S.migration, S.public].sort());
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeDBSnapshots', error: expect.objectContaining({ code: 'AccessDenied' }) })]);
  });

  it('does not ask for attributes when no selected insight reads them; restore lists are NotCollected (automated: none)', async () => {
    const { resources, coverage } = await runCollector(rdsDbSnapshot, { fields: ['encrypted', 'snapshotType'] });
    expect(new Set(sentOperations(rds.send.getCalls()))).toEqual(new Set(['DescribeDBSnapshots']));
    expect(byId(resources, S.public).config.restoreAccounts).toEqual(unknown('NotCollected: rds:DescribeDBSnapshotAttributes'));
    expect(byId(resources, S.automated).config.restoreAccounts).toEqual([]);
    expect(coverage).toEqual([]);
  });
});
