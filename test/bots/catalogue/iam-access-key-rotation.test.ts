import { expect, it } from 'vitest';
import { iamUser } from '../../../src/model/builders.js';
import type { Resource } from '../../../src/model/resource.js';
import type { AccessKey } from '../../../src/model/types/iam/user.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, outbox } from './catalogue-world.js';

const T0 = '2026-12-07T15:00:00Z'; // Monday 10:00 in New York
const key = (id: string, createDate: string, lastUsedDate: string | null, status: AccessKey['status'] = 'Active'): AccessKey => ({
  id,
  status,
  createDate,
  lastUsedDate,
});
const user = (name: string, keys: AccessKey[], tags: Record<string, string> = {}) =>
  iamUser(
    { accessKeys: keys, passwordEnabled: false, mfaActive: false },
    { accountId: DEV, region: 'global', id: name, name, arn: `arn:aws:iam::${DEV}:user/${name}`, tags },
  );

function world() {
  return new CatalogueAccount([
    user('old', [key('AKIAOLD', '2026-05-01T00:00:00Z', '2026-12-06T00:00:00Z')]),
    user('idle', [key('AKIAIDLE', '2026-11-01T00:00:00Z', null), key('AKIAIDLE2', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z')]),
    user('fresh', [key('AKIAFRESH', '2026-11-20T00:00:00Z', '2026-12-06T00:00:00Z')]),
    user('retired', [key('AKIAOFF', '2025-01-01T00:00:00Z', null, 'Inactive')]),
    // Healthy users, so that the matched share stays under the bot's maxPercent (50).
    user('fresh-2', [key('AKIAFRESH2', '2026-11-20T00:00:00Z', '2026-12-06T00:00:00Z')]),
    user('fresh-3', [key('AKIAFRESH3', '2026-11-20T00:00:00Z', '2026-12-06T00:00:00Z')]),
    user('deployer', [key('AKIADEP', '2026-05-01T00:00:00Z', '2026-12-06T00:00:00Z')], { role: 'deployer' }),
    user(
      'deployer-two',
      [key('AKIADEPOLD', '2026-05-01T00:00:00Z', '2026-12-06T00:00:00Z'), key('AKIADEPNEW', '2026-12-01T00:00:00Z', '2026-12-06T00:00:00Z')],
      {
        role: 'deployer',
      },
    ),
  ]);
}

const deactivated = (account: CatalogueAccount) => account.calls.filter((c) => c.operation === 'UpdateAccessKey').map((c) => c.input['AccessKeyId']);

describeEachEngine('iam-access-key-rotation', (engine) => {
  it('tells the owner and marks users with a key older than 90 days or unused for 90 days, and deactivates nothing yet', async () => {
    const store = await engine.store();
    const account = world();
    const { plan } = await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: T0 });
    expect(plan.resources.map((r) => r.name)).toEqual(['old', 'idle', 'deployer', 'deployer-two']);
    expect(account.mutating).toEqual(['TagUser', 'TagUser', 'TagUser', 'TagUser']);
    expect(account.calls[0]?.input).toEqual({ UserName: 'old', Tags: [{ Key: 'vigil-key-rotation', Value: 'will iam-deactivate-access-key on 2026-12-14' }] });
    expect((await outbox(store)).map((m) => m.channel)).toEqual(['owner', 'owner', 'owner', 'owner']);
    await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: '2026-12-10T15:00:00Z' });
    expect(deactivated(account)).toEqual([]);
  });

  it('after the 7-day grace period deactivates only the old and unused keys; a deployer keeps its last key until its window ends', async () => {
    const store = await engine.store();
    const account = world();
    await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: T0 });
    // Removing the mark's tag does not cancel the operation: the store decides.
    account.resources.get(`arn:aws:iam::${DEV}:user/old`)!.tags = {};
    const due = await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: '2026-12-15T15:00:00Z' }); // Tuesday 10:00
    expect(deactivated(account)).toEqual(['AKIAOLD', 'AKIAIDLE2', 'AKIADEPOLD']);
    expect(due.report.steps.filter((s) => s.outcome === 'refused').map((s) => s.summary)).toEqual(["AKIADEP is the user's last active key and stays active"]);
    await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: '2026-12-16T01:00:00Z' }); // Tuesday 20:00
    expect(deactivated(account)).toEqual(['AKIAOLD', 'AKIAIDLE2', 'AKIADEPOLD', 'AKIADEP']);
    const ops = await store.db.selectFrom('scheduled_ops').select(['resource_arn', 'state']).orderBy('id').execute();
    expect(ops.map((op) => [op.resource_arn.split('/').pop(), op.state])).toEqual([
      ['old', 'done'],
      ['idle', 'done'],
      ['deployer', 'done'],
      ['deployer-two', 'done'],
    ]);
    const after = await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: '2026-12-16T02:00:00Z' });
    expect(after.plan.matched).toBe(0);
  });

  it('a key rotated during the grace period is not deactivated', async () => {
    const store = await engine.store();
    const account = world();
    await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: T0 });
    const old = account.resources.get(`arn:aws:iam::${DEV}:user/old`) as Resource<'AWS::IAM::User'>;
    old.config.accessKeys = [
      key('AKIANEW', '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z'),
      key('AKIAOLD', '2026-05-01T00:00:00Z', '2026-12-08T00:00:00Z', 'Inactive'),
    ];
    await account.run(store, 'iam-access-key-rotation', { mode: 'enforce', now: '2026-12-15T15:00:00Z' });
    expect(deactivated(account)).not.toContain('AKIANEW');
  });

  it('acts on none when more than half of the users would match (maxPercent), and says why', async () => {
    const account = world();
    account.resources.delete(`arn:aws:iam::${DEV}:user/fresh-2`);
    account.resources.delete(`arn:aws:iam::${DEV}:user/fresh-3`);
    const { plan } = await account.run(await engine.store(), 'iam-access-key-rotation', { mode: 'enforce', now: T0 });
    expect(plan.halted).toBe('4 of 6 resources in scope match (66.7%), more than maxPercent 50: acting on none');
    expect(account.calls).toEqual([]);
  });

  it('a dry run sends no mutating call and marks nothing', async () => {
    const store = await engine.store();
    const account = world();
    account.readOnly = true;
    await account.run(store, 'iam-access-key-rotation', { mode: 'dry-run', now: T0 });
    await account.run(store, 'iam-access-key-rotation', { mode: 'dry-run', now: '2026-12-15T15:00:00Z' });
    expect(account.calls).toEqual([]);
    expect(await store.db.selectFrom('scheduled_ops').select('id').execute()).toEqual([]);
  });
});
