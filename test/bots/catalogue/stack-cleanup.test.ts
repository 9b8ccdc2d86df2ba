import { expect, it } from 'vitest';
import { cfnStack } from '../../../src/model/builders.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, outbox } from './catalogue-world.js';

const NOW = '2026-12-07T06:00:00Z';
const stack = (name: string, status: string, lastUpdatedTime: string | null, createdAt: string, terminationProtection = false) =>
  cfnStack(
    { status, lastUpdatedTime, terminationProtection, stackId: `${name}/0000` },
    { accountId: DEV, region: 'eu-west-1', id: name, name, arn: `arn:aws:cloudformation:eu-west-1:${DEV}:stack/${name}/0000`, createdAt },
  );

function world() {
  return new CatalogueAccount([
    stack('failed-create', 'ROLLBACK_COMPLETE', null, '2026-11-01T00:00:00Z'),
    stack('stuck-update', 'UPDATE_ROLLBACK_FAILED', '2026-11-20T00:00:00Z', '2026-01-01T00:00:00Z'),
    stack('protected', 'DELETE_FAILED', '2026-11-01T00:00:00Z', '2026-01-01T00:00:00Z', true),
    stack('fresh-failure', 'CREATE_FAILED', null, '2026-12-05T00:00:00Z'),
    stack('recently-updated', 'UPDATE_ROLLBACK_FAILED', '2026-12-03T00:00:00Z', '2025-01-01T00:00:00Z'),
    stack('healthy', 'CREATE_COMPLETE', null, '2025-01-01T00:00:00Z'),
    stack('rolled-back-update', 'UPDATE_ROLLBACK_COMPLETE', '2026-10-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  ]);
}

describeEachEngine('stack-cleanup', (engine) => {
  it('deletes stacks failed for more than 7 days with notice, reports those with termination protection; a second run changes nothing', async () => {
    const store = await engine.store();
    const account = world();
    const { plan, report } = await account.run(store, 'stack-cleanup', { mode: 'enforce', now: NOW, limits: { maxResources: 10 } });
    expect(plan.resources.map((r) => r.name)).toEqual(['failed-create', 'stuck-update', 'protected']);
    expect(account.calls).toEqual([
      { operation: 'DeleteStack', input: { StackName: 'failed-create' }, at: 0 },
      { operation: 'DeleteStack', input: { StackName: 'stuck-update' }, at: 0 },
    ]);
    expect(report.steps.filter((s) => s.arn.includes('protected')).map((s) => s.action)).toEqual(['notify']);
    const messages = (await outbox(store)).map((m) => String(m.payload['message']));
    expect(messages).toHaveLength(3);
    expect(messages[2]).toContain('It has termination protection, so Vigil does not delete it');
    const again = await account.run(store, 'stack-cleanup', { mode: 'enforce', now: NOW });
    expect(again.plan.resources.map((r) => r.name)).toEqual(['protected']);
    expect(account.mutating).toHaveLength(2);
  });

  it('a dry run sends no mutating call at all', async () => {
    const account = world();
    account.readOnly = true;
    const { report } = await account.run(await engine.store(), 'stack-cleanup', { mode: 'dry-run', now: NOW });
    expect(report.steps.filter((s) => s.action === 'cloudformation-delete-stack').map((s) => s.outcome)).toEqual(['dry-run', 'dry-run']);
    expect(account.calls).toEqual([]);
  });
});
