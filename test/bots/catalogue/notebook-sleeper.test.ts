import { expect, it } from 'vitest';
import { notebook } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, outbox } from './catalogue-world.js';

// The dev account's clock is America/New_York. 2026-12-07 is a Monday (EST, UTC-5).
const MON_1845 = '2026-12-07T23:45:00Z';
const MON_1900 = '2026-12-08T00:00:00Z';
const MON_2130 = '2026-12-08T02:30:00Z';
const TUE_1000 = '2026-12-08T15:00:00Z';

const nb = (id: string, status: string, tags: Record<string, string> | ReturnType<typeof unknown> = {}) =>
  notebook({ status }, { accountId: DEV, region: 'us-east-1', id, name: id, arn: `arn:aws:sagemaker:us-east-1:${DEV}:notebook-instance/${id}`, tags });

function world() {
  return new CatalogueAccount([
    nb('orphan', 'InService'),
    nb('owned', 'InService', { owner: 'alice@bank.example' }),
    nb('asleep', 'Stopped'),
    nb('kept', 'InService', { 'vigil-keep-awake': '2026-12-31' }),
    nb('expired', 'InService', { 'vigil-keep-awake': '2026-11-30' }),
    nb('garbled', 'InService', { 'vigil-keep-awake': 'forever' }),
    nb('unreadable', 'InService', unknown('AccessDeniedException: sagemaker:ListTags')),
  ]);
}

const stopped = (account: CatalogueAccount) => account.calls.filter((c) => c.operation === 'StopNotebookInstance').map((c) => c.input['NotebookInstanceName']);

describeEachEngine('notebook-sleeper', (engine) => {
  it('matches running notebooks without an owner tag and without an unexpired keep-awake date; unknown tags and a date it cannot read never lead to a stop', async () => {
    const account = world();
    const { plan } = await account.run(await engine.store(), 'notebook-sleeper', { mode: 'enforce', now: MON_1900 });
    expect(plan.resources.map((r) => r.name).sort()).toEqual(['expired', 'orphan']);
    expect(stopped(account).sort()).toEqual(['expired', 'orphan']);
  });

  it('gives the owner a heads-up from 18:30 and stops nothing before 19:00', async () => {
    const store = await engine.store();
    const account = world();
    const { plan } = await account.run(store, 'notebook-sleeper', { mode: 'enforce', now: MON_1845 });
    expect(plan.resources.map((r) => [r.name, r.steps.map((s) => s.action)])).toEqual([
      ['orphan', ['notify']],
      ['expired', ['notify']],
    ]);
    expect(account.mutating).toEqual([]);
    const messages = await outbox(store);
    expect(messages.map((m) => m.payload['resourceArn'])).toEqual([
      `arn:aws:sagemaker:us-east-1:${DEV}:notebook-instance/orphan`,
      `arn:aws:sagemaker:us-east-1:${DEV}:notebook-instance/expired`,
    ]);
    expect(String(messages[0]?.payload['message'])).toContain('Vigil stops it at 19:00');
  });

  it('a missed 19:00 run stops them at the next run, and a second run changes nothing', async () => {
    const store = await engine.store();
    const account = world();
    await account.run(store, 'notebook-sleeper', { mode: 'enforce', now: TUE_1000 });
    expect(account.calls).toEqual([]);
    await account.run(store, 'notebook-sleeper', { mode: 'enforce', now: MON_2130 });
    expect(stopped(account).sort()).toEqual(['expired', 'orphan']);
    const again = await account.run(store, 'notebook-sleeper', { mode: 'enforce', now: '2026-12-08T02:45:00Z' });
    expect(again.plan.matched).toBe(0);
    expect(stopped(account)).toHaveLength(2);
  });

  it('honours a keep-awake date through the end of that day in the account time zone', async () => {
    const store = await engine.store();
    const account = new CatalogueAccount([nb('late', 'InService', { 'vigil-keep-awake': '2026-12-07' })]);
    await account.run(store, 'notebook-sleeper', { mode: 'enforce', now: '2026-12-08T04:30:00Z' }); // Mon 23:30 New York: still the 7th
    expect(account.calls).toEqual([]);
    await account.run(store, 'notebook-sleeper', { mode: 'enforce', now: '2026-12-08T05:15:00Z' }); // Tue 00:15: the date has passed
    expect(stopped(account)).toEqual(['late']);
  });

  it('stops them on a Saturday morning: the working day is Monday to Friday', async () => {
    const account = world();
    await account.run(await engine.store(), 'notebook-sleeper', { mode: 'enforce', now: '2026-12-12T15:00:00Z' }); // Saturday 10:00
    expect(stopped(account).sort()).toEqual(['expired', 'orphan']);
  });

  it('a dry run sends no mutating call at all', async () => {
    const account = world();
    account.readOnly = true;
    const { report } = await account.run(await engine.store(), 'notebook-sleeper', { mode: 'dry-run', now: MON_2130 });
    expect(report.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['sagemaker-stop-notebook', 'dry-run'],
      ['sagemaker-stop-notebook', 'dry-run'],
    ]);
    expect(account.calls).toEqual([]);
  });

  it.each([
    // Friday before the November change (EDT, UTC-4) and Monday after it (EST, UTC-5).
    ['Fri 2026-10-30 18:45 EDT', '2026-10-30T22:45:00Z', ['notify']],
    ['Fri 2026-10-30 19:00 EDT', '2026-10-30T23:00:00Z', ['sagemaker-stop-notebook']],
    ['Mon 2026-11-02 18:30 EST (19:30 on the summer offset)', '2026-11-02T23:30:00Z', ['notify']],
    ['Mon 2026-11-02 19:00 EST', '2026-11-03T00:00:00Z', ['sagemaker-stop-notebook']],
    // The March change: Monday 2027-03-15 is on EDT again.
    ['Mon 2027-03-15 18:45 EDT (17:45 on the winter offset)', '2027-03-15T22:45:00Z', ['notify']],
    ['Mon 2027-03-15 18:00 EDT', '2027-03-15T22:00:00Z', []],
    ['Mon 2027-03-15 19:00 EDT', '2027-03-15T23:00:00Z', ['sagemaker-stop-notebook']],
  ])('across DST changes in New York: %s', async (_when, now, actions) => {
    const account = new CatalogueAccount([nb('orphan', 'InService')]);
    const { plan } = await account.run(await engine.store(), 'notebook-sleeper', { mode: 'dry-run', now });
    expect(plan.resources.flatMap((r) => r.steps.map((s) => s.action))).toEqual(actions);
  });
});
