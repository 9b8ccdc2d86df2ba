import { expect, it } from 'vitest';
import { rdsInstance } from '../../../src/model/builders.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, outbox, PROD } from './catalogue-world.js';

const GIB = 1024 ** 3;
const db = (id: string, clusterIdentifier: string | null = null) =>
  rdsInstance({ clusterIdentifier }, { accountId: PROD, region: 'eu-west-1', id, name: id, arn: `arn:aws:rds:eu-west-1:${PROD}:db:${id}` });

describeEachEngine('storage-running-out', (engine) => {
  it('tells the owner of a database under 10% free storage, and says so when CloudWatch has no data rather than guess', async () => {
    const store = await engine.store();
    const account = new CatalogueAccount([db('full'), db('roomy'), db('silent'), db('member', 'aurora-1')]);
    account.metrics.set('full', { allocatedGiB: 100, freeBytes: [12 * GIB, 8 * GIB, 9 * GIB] });
    account.metrics.set('roomy', { allocatedGiB: 100, freeBytes: [40 * GIB] });
    account.metrics.set('silent', { allocatedGiB: 100, freeBytes: [] });
    const { report } = await account.run(store, 'storage-running-out', { mode: 'enforce', now: '2026-12-07T12:00:00Z' });
    expect(report.steps.map((s) => [s.arn.split(':').pop(), s.outcome, s.summary])).toEqual([
      ['full', 'succeeded', 'notify the owner: 8.0 GiB free of 100 GiB (8.0%)'],
      ['roomy', 'no-change', '40.0 GiB free of 100 GiB (40.0%)'],
      ['silent', 'refused', 'CloudWatch reported no FreeStorageSpace in the last hour'],
      ['member', 'no-change', 'Aurora storage grows on its own'],
    ]);
    expect(account.mutating).toEqual([]);
    expect((await outbox(store)).map((m) => m.payload['resourceArn'])).toEqual([`arn:aws:rds:eu-west-1:${PROD}:db:full`]);
    const metricCall = account.calls.find((c) => c.operation === 'GetMetricStatistics');
    expect(metricCall?.input).toMatchObject({
      Namespace: 'AWS/RDS',
      MetricName: 'FreeStorageSpace',
      Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'full' }],
      StartTime: new Date('2026-12-07T11:00:00Z'),
      EndTime: new Date('2026-12-07T12:00:00Z'),
      Statistics: ['Minimum'],
    });
  });
});
