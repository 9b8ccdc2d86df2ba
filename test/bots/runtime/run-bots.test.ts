import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../../../insights/index.js';
import { loadBots } from '../../../src/bots/load-bots.js';
import type { LoadedBot } from '../../../src/bots/loaded-bot.js';
import { applyPlan, type ApplyContext } from '../../../src/bots/runtime/apply-plan.js';
import type { PlanFile } from '../../../src/bots/runtime/bot-plan.js';
import { planBot, type Candidate } from '../../../src/bots/runtime/plan-bot.js';
import { planFileText, readPlanText } from '../../../src/bots/runtime/plan-file.js';
import { shippedBotFiles } from '../../../src/bots/shipped-bots.js';
import type { AccountEntry } from '../../../src/config/account-entry.js';
import type { FindingStatus } from '../../../src/findings/finding.js';
import { iamUser, kmsKey, rdsInstance, s3Bucket } from '../../../src/model/builders.js';
import type { Resource } from '../../../src/model/resource.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { auditRecords, verifyAuditChain } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { FakeAccount } from './fake-account.js';

const DEV = '111111111111';
const PROD = '222222222222';
const SOC2 = '333333333333';
const accounts = new Map<string, AccountEntry>([
  [DEV, { id: DEV, name: 'dev', environment: 'development', timeZone: 'America/New_York' }],
  [PROD, { id: PROD, name: 'prod', environment: 'production', timeZone: 'Europe/Berlin' }],
  [SOC2, { id: SOC2, name: 'bank-a', environment: 'production', tags: { soc2: 'true' } }],
]);

/** The scan, for these tests: the statuses the bots' insights would give the resource as it is now. */
function findingsOf(resource: Resource): Candidate['findings'] {
  const result = new Map<string, { status: FindingStatus; id: string }>();
  const put = (insight: string, status: FindingStatus) => result.set(insight, { status, id: `${insight}:${resource.arn}` });
  if (resource.type === 'AWS::S3::Bucket') {
    const block = (resource as Resource<'AWS::S3::Bucket'>).config.publicAccessBlock;
    const blocked = !isUnknown(block) && block !== null && block.blockPublicAcls && block.restrictPublicBuckets;
    put('s3-bucket-public', resource.tags && !isUnknown(resource.tags) && resource.tags['exempt'] === 'yes' ? 'exempt' : blocked ? 'pass' : 'fail');
  }
  if (resource.type === 'AWS::RDS::DBInstance')
    put('rds-instance-public', (resource as Resource<'AWS::RDS::DBInstance'>).config.publiclyAccessible === true ? 'fail' : 'pass');
  if (resource.type === 'AWS::KMS::Key') {
    const { rotation, origin } = (resource as Resource<'AWS::KMS::Key'>).config;
    put('kms-key-rotation', origin !== 'AWS_KMS' ? 'not-applicable' : !isUnknown(rotation) && rotation?.enabled === true ? 'pass' : 'fail');
  }
  return result;
}

const publicBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
const key = (id: string, status: 'Active' | 'Inactive') => ({ id, status, createDate: '2026-01-01T00:00:00Z', lastUsedDate: null });

function world(): Resource[] {
  return [
    s3Bucket({ publicAccessBlock: publicBlock }, { accountId: DEV, name: 'open-data', id: 'open-data', arn: 'arn:aws:s3:::open-data' }),
    s3Bucket({ publicAccessBlock: publicBlock }, { accountId: DEV, name: 'www', id: 'www', arn: 'arn:aws:s3:::www', tags: { 'public-website': 'approved' } }),
    s3Bucket({ publicAccessBlock: publicBlock }, { accountId: DEV, name: 'waived', id: 'waived', arn: 'arn:aws:s3:::waived', tags: { exempt: 'yes' } }),
    s3Bucket({}, { accountId: DEV, name: 'private', id: 'private', arn: 'arn:aws:s3:::private' }),
    rdsInstance({ publiclyAccessible: true, deletionProtection: false }, { accountId: SOC2, id: 'ledger' }),
    rdsInstance({ publiclyAccessible: true, deletionProtection: true }, { accountId: SOC2, id: 'protected' }),
    rdsInstance({ publiclyAccessible: true }, { accountId: DEV, id: 'devdb' }),
    kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }, { accountId: DEV, id: 'k-plain' }),
    kmsKey({ origin: 'EXTERNAL', rotation: null, keyMaterialExpires: true, validTo: '2027-03-01T00:00:00Z' }, { accountId: DEV, id: 'k-byok' }),
    iamUser({ accessKeys: [key('AKIADEV1', 'Active')] }, { accountId: DEV, name: 'deployer-dev', id: 'deployer-dev', tags: { role: 'deployer' } }),
    iamUser({ accessKeys: [key('AKIAPROD1', 'Active')] }, { accountId: PROD, name: 'deployer-prod', id: 'deployer-prod', tags: { role: 'deployer' } }),
    iamUser({ accessKeys: [key('AKIAHUMAN', 'Active')] }, { accountId: DEV, name: 'alice', id: 'alice' }),
  ];
}

async function bots(): Promise<Map<string, LoadedBot>> {
  const loaded = await loadBots({ files: shippedBotFiles(), insightIds: new Set(builtinInsights.map((i) => i.id)) });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return new Map(loaded.value.map((bot) => [bot.id, bot]));
}

interface RunOptions {
  mode: 'dry-run' | 'enforce';
  now?: string;
  event?: string;
  limits?: LoadedBot['limits'];
}

async function run(store: Store, account: FakeAccount, botId: string, options: RunOptions) {
  const all = await bots();
  const bot = { ...all.get(botId)!, ...(options.limits && { limits: options.limits }) };
  const now = new Date(options.now ?? '2026-12-07T15:00:00Z');
  const planned = await planBot(bot, { candidates: account.candidates(), accounts, readLive: account.readLive, now, mode: options.mode, event: options.event });
  const plan: PlanFile = { version: 1, createdAt: now.toISOString(), now: now.toISOString(), bots: [planned], ...(options.event && { event: options.event }) };
  const { sha256 } = planFileText(plan);
  const report = await applyPlan(plan, applyContext(store, account, now, sha256));
  return { plan: planned, report };
}

function applyContext(store: Store, account: FakeAccount, now: Date, sha256: string): ApplyContext {
  return {
    store,
    caller: account.caller,
    runId: `run-${sha256.slice(0, 8)}`,
    planHash: sha256,
    clock: () => now,
    recheck: (resource) => {
      const live = account.resources.get(resource.arn);
      return Promise.resolve(live === undefined ? undefined : { tags: live.tags, config: live.config });
    },
    pause: () => Promise.resolve(),
    notify: true,
  };
}

const mutating = (account: FakeAccount) => account.calls.filter((c) => !/^(Describe|Get|List)/.test(c.operation)).map((c) => c.operation);

describeEachEngine('bots end to end on a stateful account', (engine) => {
  it('a dry run sends no mutating call at all, and records every step', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    account.readOnly = true;
    for (const id of ['public-bucket-fix', 'kms-key-rotation', 'external-ip-db', 'deployer-keys-business-hours']) {
      const { report } = await run(store, account, id, { mode: 'dry-run' });
      expect(report.steps.filter((s) => s.outcome === 'failed')).toEqual([]);
    }
    expect(account.calls).toEqual([]);
    const records = await auditRecords(store, { limit: 100 });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.mode === 'dry-run')).toBe(true);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: records.length });
  });

  it('public-bucket-fix: blocks the public bucket, spares the approved website and the exempt one; a second run changes nothing', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    const first = await run(store, account, 'public-bucket-fix', { mode: 'enforce' });
    expect(first.plan.resources.map((r) => r.name)).toEqual(['open-data']);
    expect(account.calls).toEqual([
      {
        operation: 'PutPublicAccessBlock',
        input: {
          Bucket: 'open-data',
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        },
      },
    ]);
    const outbox = await store.db.selectFrom('outbox').select(['channel', 'payload']).execute();
    expect(outbox.map((m) => [m.channel, (JSON.parse(m.payload) as { resourceArn: string }).resourceArn])).toEqual([['owner', 'arn:aws:s3:::open-data']]);
    const second = await run(store, account, 'public-bucket-fix', { mode: 'enforce' });
    expect(second.plan.matched).toBe(0);
    expect(account.calls).toHaveLength(1);
  });

  it('kms-key-rotation: enables rotation, and gives the BYOK key a reminder instead, never EnableKeyRotation', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    // The fake does not answer EnableKeyRotation: the test fails if the BYOK key ever gets it.
    const { plan } = await run(store, account, 'kms-key-rotation', { mode: 'dry-run' });
    const byKey = Object.fromEntries(plan.resources.map((r) => [r.name, r.steps.map((s) => [s.action, s.kind, s.calls.map((c) => c.operation)])]));
    expect(byKey).toEqual({
      'k-plain': [['kms-enable-rotation', 'change', ['EnableKeyRotation']]],
      'k-byok': [['kms-import-material-reminder', 'record', []]],
    });
    expect(plan.resources.find((r) => r.name === 'k-byok')?.steps[0]?.summary).toContain('expires on 2027-03-01');
  });

  it('external-ip-db: snapshots then deletes in SOC 2 accounts, refuses under deletion protection, makes others private', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    // Three of the three databases are public: the shipped maxPercent (25) would halt the bot.
    const { report } = await run(store, account, 'external-ip-db', { mode: 'enforce', limits: { maxErrors: 1 } });
    expect(mutating(account)).toEqual(['CreateDBSnapshot', 'DeleteDBInstance', 'ModifyDBInstance']);
    expect(account.calls[0]?.input).toEqual({ DBInstanceIdentifier: 'ledger', DBSnapshotIdentifier: 'vigil-final-ledger-20261207' });
    expect(report.steps.filter((s) => s.outcome === 'refused').map((s) => [s.arn.split(':').pop(), s.summary])).toEqual([
      ['protected', 'deletion protection is on: turn it off by hand if the database must go'],
    ]);
    const messages = await store.db.selectFrom('outbox').select('id').execute();
    await run(store, account, 'external-ip-db', { mode: 'enforce', limits: { maxErrors: 1 } });
    expect(mutating(account)).toHaveLength(3);
    expect(await store.db.selectFrom('outbox').select('id').execute()).toEqual(messages);
  });

  it('rds-delete never deletes when the final snapshot fails', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    account.failOn = 'CreateDBSnapshot';
    const { report } = await run(store, account, 'external-ip-db', { mode: 'enforce', limits: { maxErrors: 1 } });
    expect(mutating(account)).not.toContain('DeleteDBInstance');
    expect(report.steps.find((s) => s.action === 'rds-delete')?.outcome).toBe('failed');
    expect(report.halted).toEqual([{ bot: 'external-ip-db', reason: '1 failed actions reached maxErrors 1: the run stopped' }]);
  });

  it('deployer keys: inactive at 23:30 and active at 09:30 in the account time zone, deleted in production on deployment-complete', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    await run(store, account, 'deployer-keys-business-hours', { mode: 'enforce', now: '2026-12-08T04:30:00Z' }); // Monday 23:30 New York
    expect(account.calls).toEqual([{ operation: 'UpdateAccessKey', input: { UserName: 'deployer-dev', AccessKeyId: 'AKIADEV1', Status: 'Inactive' } }]);
    await run(store, account, 'deployer-keys-business-hours', { mode: 'enforce', now: '2026-12-08T04:45:00Z' });
    expect(account.calls).toHaveLength(1);
    await run(store, account, 'deployer-keys-business-hours', { mode: 'enforce', now: '2026-12-08T14:30:00Z' }); // Tuesday 09:30
    expect(account.calls[1]).toEqual({ operation: 'UpdateAccessKey', input: { UserName: 'deployer-dev', AccessKeyId: 'AKIADEV1', Status: 'Active' } });
    await run(store, account, 'deployer-keys-business-hours', { mode: 'enforce', event: 'deployment-complete' });
    expect(account.calls.slice(2)).toEqual([{ operation: 'DeleteAccessKey', input: { UserName: 'deployer-prod', AccessKeyId: 'AKIAPROD1' } }]);
  });

  it('a limit exceeded acts on none and records why', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    const { plan, report } = await run(store, account, 'public-bucket-fix', { mode: 'enforce', limits: { maxResources: 0 } });
    expect(plan.halted).toBe('1 resources match, more than maxResources 0: acting on none');
    expect(account.calls).toEqual([]);
    expect(report.halted).toHaveLength(1);
    const byPercent = await run(store, account, 'public-bucket-fix', { mode: 'enforce', limits: { maxPercent: 10 } });
    expect(byPercent.plan.halted).toBe('1 of 4 resources in scope match (25.0%), more than maxPercent 10: acting on none');
    expect((await auditRecords(store, { limit: 10 })).map((r) => r.detail['result'])).toEqual(['halted', 'halted']);
  });

  it('the live re-check skips a resource fixed meanwhile, and apply skips one changed since the plan', async () => {
    const store = await engine.store();
    const account = new FakeAccount(world(), findingsOf);
    const stale = account.candidates();
    const bucket = account.resources.get('arn:aws:s3:::open-data') as Resource<'AWS::S3::Bucket'>;
    bucket.config.publicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
    const bot = (await bots()).get('public-bucket-fix')!;
    const now = new Date('2026-12-07T15:00:00Z');
    const plan = await planBot(bot, { candidates: stale, accounts, readLive: account.readLive, now, mode: 'enforce' });
    expect(plan.skipped).toEqual([{ arn: 'arn:aws:s3:::open-data', reason: 'it no longer matches when re-read live (fixed meanwhile?)' }]);
    expect(plan.resources).toEqual([]);

    const fresh = new FakeAccount(world(), findingsOf);
    const planned = await planBot(bot, { candidates: fresh.candidates(), accounts, readLive: fresh.readLive, now, mode: 'enforce' });
    expect(planned.resources.map((r) => r.name)).toEqual(['open-data']);
    fresh.resources.get('arn:aws:s3:::open-data')!.tags = { owner: 'someone' };
    const file: PlanFile = { version: 1, createdAt: now.toISOString(), now: now.toISOString(), bots: [planned] };
    const report = await applyPlan(file, applyContext(store, fresh, now, planFileText(file).sha256));
    expect(report.steps.map((step) => [step.action, step.outcome, step.summary])).toEqual([
      ['notify', 'skipped-changed', 'the resource changed since the plan was made'],
      ['s3-block-public-access', 'skipped-changed', 'the resource changed since the plan was made'],
    ]);
    expect(fresh.calls).toEqual([]);
  });
});

describe('plan files', () => {
  const plan: PlanFile = { version: 1, createdAt: '2026-12-07T15:00:00.000Z', now: '2026-12-07T15:00:00.000Z', bots: [] };

  it('reads back what was written, with its hash', () => {
    const { text, sha256 } = planFileText(plan);
    expect(readPlanText(text, sha256)).toEqual({ ok: true, plan, sha256 });
  });

  it('refuses a changed file and a wrong hash', () => {
    const { text, sha256 } = planFileText(plan);
    const edited = text.replace('"bots": []', '"bots": [{ "bot": "x", "mode": "enforce", "matched": 0, "skipped": [], "resources": [], "permissions": [] }]');
    const refused = readPlanText(edited);
    expect(refused.ok ? '' : refused.message).toContain('the plan was changed after it was made');
    expect(readPlanText(text, '0'.repeat(64))).toEqual({ ok: false, message: `the plan's SHA-256 is ${sha256}, not ${'0'.repeat(64)}` });
  });
});
