import { expect, it } from 'vitest';
import { rdsInstance } from '../../../src/model/builders.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, PROD, type Snapshot } from './catalogue-world.js';

const NOW = '2026-12-07T03:00:00Z';
const db = (accountId: string, id: string, config: Parameters<typeof rdsInstance>[0] = {}) =>
  rdsInstance({ backupRetentionPeriod: 7, ...config }, { accountId, region: 'eu-west-1', id, name: id, arn: `arn:aws:rds:eu-west-1:${accountId}:db:${id}` });
const ours = (id: string, createdAt: string): Snapshot => ({
  id,
  db: 'ledger',
  createdAt,
  status: 'available',
  tags: { 'vigil-made-by': 'db-backup-retention' },
});

function world() {
  const account = new CatalogueAccount([
    db(PROD, 'ledger', { backupRetentionPeriod: 1 }),
    db(PROD, 'aurora-member', { clusterIdentifier: 'aurora-1' }),
    db(DEV, 'scratch'),
  ]);
  account.snapshots = [
    ours('vigil-backup-ledger-20261001', '2026-10-01T03:00:00Z'),
    ours('vigil-backup-ledger-20261020', '2026-10-20T03:00:00Z'),
    ours('vigil-backup-ledger-20261201', '2026-12-01T03:00:00Z'),
    // Old manual snapshots Vigil did not make: a person's, one named like Vigil's but untagged, one tagged like Vigil's but named otherwise.
    { id: 'before-migration', db: 'ledger', createdAt: '2025-01-01T00:00:00Z', status: 'available', tags: {} },
    { id: 'vigil-backup-ledger-20250101', db: 'ledger', createdAt: '2025-01-01T00:00:00Z', status: 'available', tags: {} },
    { id: 'hand-made', db: 'ledger', createdAt: '2025-01-01T00:00:00Z', status: 'available', tags: { 'vigil-made-by': 'someone' } },
  ];
  return account;
}

describeEachEngine('db-backup-retention', (engine) => {
  it("snapshots production databases daily, tagged as Vigil's, prunes only Vigil's own older than 35 days, raises the retention; a second run changes nothing", async () => {
    const store = await engine.store();
    const account = world();
    const { plan } = await account.run(store, 'db-backup-retention', { mode: 'enforce', now: NOW });
    expect(plan.resources.map((r) => r.name)).toEqual(['ledger']);
    expect(account.calls.filter((c) => c.operation !== 'DescribeDBSnapshots')).toEqual([
      {
        operation: 'CreateDBSnapshot',
        input: {
          DBInstanceIdentifier: 'ledger',
          DBSnapshotIdentifier: 'vigil-backup-ledger-20261207',
          Tags: [{ Key: 'vigil-made-by', Value: 'db-backup-retention' }],
        },
        at: 0,
      },
      { operation: 'DeleteDBSnapshot', input: { DBSnapshotIdentifier: 'vigil-backup-ledger-20261001' }, at: 0 },
      { operation: 'DeleteDBSnapshot', input: { DBSnapshotIdentifier: 'vigil-backup-ledger-20261020' }, at: 0 },
      { operation: 'ModifyDBInstance', input: { DBInstanceIdentifier: 'ledger', BackupRetentionPeriod: 7, ApplyImmediately: true }, at: 0 },
    ]);
    expect(account.snapshots.map((s) => s.id).sort()).toEqual([
      'before-migration',
      'hand-made',
      'vigil-backup-ledger-20250101',
      'vigil-backup-ledger-20261201',
      'vigil-backup-ledger-20261207',
    ]);
    const calls = account.calls.length;
    await account.run(store, 'db-backup-retention', { mode: 'enforce', now: '2026-12-07T15:00:00Z' });
    expect(account.mutating).toHaveLength(4);
    expect(account.calls.length).toBeGreaterThan(calls); // it did read again
  });

  it("never deletes the newest of Vigil's snapshots, even when every one is past the retention", async () => {
    const store = await engine.store();
    const account = new CatalogueAccount([db(PROD, 'ledger', { status: 'stopped' })]);
    account.snapshots = [ours('vigil-backup-ledger-20260101', '2026-01-01T03:00:00Z'), ours('vigil-backup-ledger-20260201', '2026-02-01T03:00:00Z')];
    const { report } = await account.run(store, 'db-backup-retention', { mode: 'enforce', now: NOW });
    expect(account.mutating).toEqual(['DeleteDBSnapshot']);
    expect(account.snapshots.map((s) => s.id)).toEqual(['vigil-backup-ledger-20260201']);
    expect(report.steps.find((s) => s.action === 'rds-snapshot')?.summary).toBe('the database is stopped: a snapshot needs it available');
  });

  it('refuses to decide when the snapshots cannot be read', async () => {
    const store = await engine.store();
    const account = world();
    account.failOn = 'DescribeDBSnapshots';
    const { report } = await account.run(store, 'db-backup-retention', { mode: 'enforce', now: NOW });
    expect(report.steps.filter((s) => s.action !== 'rds-set-backup-retention').map((s) => [s.action, s.outcome])).toEqual([
      ['rds-snapshot', 'refused'],
      ['rds-delete-snapshot', 'refused'],
    ]);
    expect(account.mutating).toEqual(['ModifyDBInstance']);
  });

  it('a dry run sends no mutating call at all', async () => {
    const account = world();
    account.readOnly = true;
    const { plan } = await account.run(await engine.store(), 'db-backup-retention', { mode: 'dry-run', now: NOW });
    expect(plan.resources[0]?.steps.map((s) => [s.action, s.kind])).toEqual([
      ['rds-snapshot', 'change'],
      ['rds-delete-snapshot', 'change'],
      ['rds-set-backup-retention', 'change'],
    ]);
    expect(account.mutating).toEqual([]);
  });
});
