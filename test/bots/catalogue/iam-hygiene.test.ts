import { expect, it } from 'vitest';
import { iamGroup, iamUser } from '../../../src/model/builders.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, outbox } from './catalogue-world.js';

const policy = { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' };
const user = (name: string, config: Parameters<typeof iamUser>[0]) =>
  iamUser(
    { accessKeys: [], attachedPolicies: [], inlinePolicies: [], ...config },
    { accountId: DEV, region: 'global', id: name, name, arn: `arn:aws:iam::${DEV}:user/${name}` },
  );
const group = (name: string, config: Parameters<typeof iamGroup>[0]) =>
  iamGroup(config, { accountId: DEV, region: 'global', id: name, name, arn: `arn:aws:iam::${DEV}:group/${name}` });

describeEachEngine('iam-hygiene', (engine) => {
  it('tells the owners of users without MFA, users with their own policies and empty groups that grant permissions; changes nothing', async () => {
    const store = await engine.store();
    const account = new CatalogueAccount([
      user('no-mfa', { passwordEnabled: true, mfaActive: false }),
      user('direct', { passwordEnabled: false, mfaActive: false, attachedPolicies: [policy] }),
      user('both', { passwordEnabled: true, mfaActive: false, attachedPolicies: [policy] }),
      user('clean', { passwordEnabled: true, mfaActive: true }),
      user('robot', { passwordEnabled: false, mfaActive: false }),
      group('orphans', { members: [], attachedPolicies: [policy] }),
      group('engineers', { members: ['clean'], attachedPolicies: [policy] }),
      group('empty-and-powerless', { members: [], attachedPolicies: [], inlinePolicies: [] }),
    ]);
    const { plan } = await account.run(store, 'iam-hygiene', { mode: 'enforce', now: '2026-12-07T08:00:00Z' });
    expect(plan.resources.map((r) => [r.name, r.steps.length])).toEqual([
      ['no-mfa', 1],
      ['direct', 1],
      ['both', 2],
      ['orphans', 1],
    ]);
    expect(account.calls).toEqual([]);
    const messages = (await outbox(store)).map((m) => String(m.payload['message']));
    expect(messages).toEqual([
      'IAM user no-mfa in account dev signs in to the console without MFA. Turn on MFA for it.',
      'IAM user direct in account dev has policies of its own. Grant permissions through groups or roles instead.',
      'IAM user both in account dev signs in to the console without MFA. Turn on MFA for it.',
      'IAM user both in account dev has policies of its own. Grant permissions through groups or roles instead.',
      'IAM group orphans in account dev grants permissions but has no members. Delete it, or add its members.',
    ]);
  });
});
