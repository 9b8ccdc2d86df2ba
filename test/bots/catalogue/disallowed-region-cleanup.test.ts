import { expect, it } from 'vitest';
import { ebsVolume, ec2Instance, notebook, rdsInstance, s3Bucket } from '../../../src/model/builders.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, outbox } from './catalogue-world.js';

const T0 = '2026-12-07T12:00:00Z';
const FAR = 'ap-southeast-2';
const envelope = (id: string, region: string, arn: string) => ({ accountId: DEV, region, id, name: id, arn });

function world() {
  return new CatalogueAccount([
    ec2Instance({ state: 'running', rootDeviceType: 'ebs', instanceId: 'i-far' }, envelope('i-far', FAR, `arn:aws:ec2:${FAR}:${DEV}:instance/i-far`)),
    ec2Instance(
      { state: 'running', rootDeviceType: 'ebs', instanceId: 'i-home' },
      envelope('i-home', 'eu-west-1', `arn:aws:ec2:eu-west-1:${DEV}:instance/i-home`),
    ),
    notebook({ status: 'InService' }, envelope('nb-far', FAR, `arn:aws:sagemaker:${FAR}:${DEV}:notebook-instance/nb-far`)),
    s3Bucket({}, envelope('far-bucket', FAR, 'arn:aws:s3:::far-bucket')),
    rdsInstance({}, envelope('far-db', FAR, `arn:aws:rds:${FAR}:${DEV}:db:far-db`)),
    ebsVolume({}, envelope('vol-far', FAR, `arn:aws:ec2:${FAR}:${DEV}:volume/vol-far`)),
  ]);
}

describeEachEngine('disallowed-region-cleanup', (engine) => {
  it('reports every resource outside the allowed regions, stops instances and notebooks only after the grace period, and never touches data-bearing ones', async () => {
    const store = await engine.store();
    const account = world();
    const first = await account.run(store, 'disallowed-region-cleanup', { mode: 'enforce', now: T0 });
    expect(first.plan.resources.map((r) => r.name).sort()).toEqual(['far-bucket', 'far-db', 'i-far', 'nb-far', 'vol-far']);
    expect(account.mutating).toEqual(['CreateTags', 'AddTags']);
    expect((await outbox(store)).map((m) => String(m.payload['message']))).toHaveLength(5);

    await account.run(store, 'disallowed-region-cleanup', { mode: 'enforce', now: '2026-12-10T12:00:00Z' });
    expect(account.mutating).toEqual(['CreateTags', 'AddTags']);

    await account.run(store, 'disallowed-region-cleanup', { mode: 'enforce', now: '2026-12-14T13:00:00Z' });
    expect(account.mutating).toEqual(['CreateTags', 'AddTags', 'StopInstances', 'StopNotebookInstance']);
    expect(account.calls.find((c) => c.operation === 'StopInstances')?.input).toEqual({ InstanceIds: ['i-far'] });
    // Buckets, databases and volumes: messages only, never a call.
    const dataCalls = account.calls.filter((c) => JSON.stringify(c.input).match(/far-bucket|far-db|vol-far/));
    expect(dataCalls).toEqual([]);
  });

  it('a dry run sends no mutating call at all', async () => {
    const account = world();
    account.readOnly = true;
    await account.run(await engine.store(), 'disallowed-region-cleanup', { mode: 'dry-run', now: T0 });
    expect(account.calls).toEqual([]);
  });
});
