import { expect, it } from 'vitest';
import { rdsCluster, rdsInstance } from '../../../src/model/builders.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, outbox, PROD } from './catalogue-world.js';

const NOW = '2026-12-07T12:00:00Z';
const arn = (id: string) => `arn:aws:rds:eu-west-1:${PROD}:db:${id}`;
const db = (id: string, encrypted: boolean, createdAt: string) =>
  rdsInstance(encrypted ? {} : { storageEncrypted: false, kmsKeyId: null }, { accountId: PROD, region: 'eu-west-1', id, name: id, arn: arn(id), createdAt });

function world() {
  const account = new CatalogueAccount([
    db('reports', false, '2026-11-20T09:00:00Z'),
    db('legacy', false, '2025-03-01T09:00:00Z'),
    db('quiet', false, '2026-11-25T09:00:00Z'),
    db('ledger', true, '2026-11-20T09:00:00Z'),
    rdsCluster(
      { storageEncrypted: false },
      { accountId: PROD, region: 'eu-west-1', id: 'analytics', name: 'analytics', arn: `arn:aws:rds:eu-west-1:${PROD}:cluster:analytics` },
    ),
  ]);
  const event = (name: string, resourceName: string, time: string) => ({
    name,
    resourceName,
    time,
    principal: `arn:aws:sts::${PROD}:assumed-role/Admin/alice@bank.example`,
    sourceIp: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0',
  });
  // Newest first, as LookupEvents answers: the create event is on the third page.
  account.events = [
    event('ModifyDBInstance', 'reports', '2026-11-22T10:00:00Z'),
    event('AddTagsToResource', 'reports', '2026-11-21T10:00:00Z'),
    event('CreateDBInstance', 'reports', '2026-11-20T09:00:00Z'),
    event('CreateDBCluster', 'analytics', '2026-10-01T08:00:00Z'),
  ];
  return account;
}

describeEachEngine('unencrypted-db-alert', (engine) => {
  it('tells the owner of each unencrypted instance and cluster who created it and how, or "not found"; nothing is changed', async () => {
    const store = await engine.store();
    const account = world();
    const { plan } = await account.run(store, 'unencrypted-db-alert', { mode: 'enforce', now: NOW });
    expect(plan.resources.map((r) => r.name).sort()).toEqual(['analytics', 'legacy', 'quiet', 'reports']);
    expect(account.mutating).toEqual([]);
    const messages: Record<string, Record<string, unknown>> = Object.fromEntries(
      (await outbox(store)).map((m) => [String(m.payload['resourceArn']).split(':').pop(), m.payload]),
    );
    expect(messages['reports']?.['creator']).toEqual({
      principal: `arn:aws:sts::${PROD}:assumed-role/Admin/alice@bank.example`,
      sourceIp: '203.0.113.7',
      userAgent: 'aws-cli/2.15.0',
      time: '2026-11-20T09:00:00.000Z',
      event: 'CreateDBInstance',
    });
    expect(String(messages['reports']?.['message'])).toContain(
      'Created: CreateDBInstance by arn:aws:sts::222222222222:assumed-role/Admin/alice@bank.example from 203.0.113.7 with aws-cli/2.15.0',
    );
    expect(messages['analytics']?.['creator']).toMatchObject({ event: 'CreateDBCluster' });
    expect(String(messages['legacy']?.['message'])).toContain("not found (created on 2025-03-01, before CloudTrail's 90 days of event history)");
    expect(String(messages['quiet']?.['message'])).toContain("not found in CloudTrail's 90 days of event history");
    expect(messages['quiet']?.['creator']).toBeUndefined();
  });

  it('looks up at most 2 times a second per account and region, following the pages', async () => {
    const account = world();
    await account.run(await engine.store(), 'unencrypted-db-alert', { mode: 'dry-run', now: NOW });
    const lookups = account.calls.filter((c) => c.operation === 'LookupEvents');
    expect(lookups.map((c) => [c.input['LookupAttributes'], c.input['NextToken']])).toContainEqual([
      [{ AttributeKey: 'ResourceName', AttributeValue: 'reports' }],
      '2',
    ]);
    const times = lookups.map((c) => c.at!);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(500);
  });

  it('says CloudTrail could not be read rather than guess', async () => {
    const store = await engine.store();
    const account = world();
    account.failOn = 'LookupEvents';
    const { report } = await account.run(store, 'unencrypted-db-alert', { mode: 'enforce', now: NOW });
    expect(new Set(report.steps.map((s) => s.outcome))).toEqual(new Set(['refused']));
    expect(report.steps[0]?.summary).toContain("CloudTrail's event history could not be read (AccessDenied");
    expect(await outbox(store)).toEqual([]);
  });
});
