/**
 * The shipped bots end to end through `AWS_ENDPOINT_URL`: the wire-level fake AWS over HTTP holds
 * an account with a KMS key that does not rotate, a public bucket and an old deployer access key;
 * a live scan finds them, the bots plan from the live re-read, apply through the SDK caller, and a
 * fresh live scan shows the findings pass. Every step is on the audit trail of a real SQLite store.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinInsights } from '../../../insights/index.js';
import { prepareScan } from '../../../src/app/prepare-scan.js';
import { collectLive } from '../../../src/app/live-collection.js';
import { loadBots } from '../../../src/bots/load-bots.js';
import type { LoadedBot } from '../../../src/bots/loaded-bot.js';
import { applyPlan, type ApplyReport } from '../../../src/bots/runtime/apply-plan.js';
import type { PlanFile } from '../../../src/bots/runtime/bot-plan.js';
import { candidateFindings } from '../../../src/bots/runtime/candidate-findings.js';
import { liveReader } from '../../../src/bots/runtime/live-reader.js';
import { planBot, type Candidate } from '../../../src/bots/runtime/plan-bot.js';
import { planFileText } from '../../../src/bots/runtime/plan-file.js';
import { sdkAwsCaller } from '../../../src/bots/runtime/sdk-aws-caller.js';
import { shippedBotFiles } from '../../../src/bots/shipped-bots.js';
import { createAwsClients, type AwsClients } from '../../../src/collect/aws/aws-clients.js';
import type { AccountEntry } from '../../../src/config/account-entry.js';
import type { AnyCollectedResource } from '../../../src/model/resource.js';
import { readSnapshot } from '../../../src/snapshot/snapshot-reader.js';
import { auditRecords, verifyAuditChain } from '../../../src/store/audit-log.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { serveFakeAws, type FakeAwsServer } from '../../fakes/aws/http-server.js';
import { BANK_SAAS, FakeAws, syntheticAccount, type SyntheticAccount } from '../../fakes/aws/index.js';
import { change } from '../../fakes/aws/state.js';
import { useTempDir } from '../../support/temp-dir.js';

const REGION = 'us-east-1';
const ACCOUNT_ID = '123456789012';
const BOTS = ['kms-key-rotation', 'public-bucket-fix', 'deployer-keys-business-hours'];
/** 23:30 on a Sunday in New York: outside the deployer keys' business hours. */
const NIGHT = new Date('2026-12-07T04:30:00Z');
const accounts = new Map<string, AccountEntry>([[ACCOUNT_ID, { id: ACCOUNT_ID, name: 'dev', environment: 'development', timeZone: 'America/New_York' }]]);
const READ = /^(Describe|Get|List|Generate)/;

const tempDir = useTempDir();
let server: FakeAwsServer | undefined;
const opened: { store?: Store; clients?: AwsClients } = {};
afterEach(async () => {
  vi.unstubAllEnvs();
  opened.clients?.destroy();
  await opened.store?.close();
  await server?.close();
  server = undefined;
});

/** A small bank account with the three problems the bots fix. */
function troubledAccount(): {
  account: SyntheticAccount;
  key: SyntheticAccount['keys'][number];
  bucket: SyntheticAccount['buckets'][number];
  user: SyntheticAccount['users'][number];
} {
  const account = syntheticAccount({ accountId: ACCOUNT_ID, ...BANK_SAAS, seed: 6 });
  // Only these three are wrong: every other key rotates, every other bucket is private.
  for (const other of account.keys) change(other, { rotation: true });
  const key = account.keys.find((k) => k.manager === 'CUSTOMER' && k.origin === 'AWS_KMS' && k.spec === 'SYMMETRIC_DEFAULT' && k.state === 'Enabled')!;
  change(key, { rotation: false });
  change(account, { accountPublicAccessBlock: false });
  for (const other of account.buckets) change(other, { publicAccessBlock: true });
  const bucket = account.buckets[0]!;
  change(bucket, {
    publicAccessBlock: false,
    policy: true,
    policyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Everyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket.name}/*` }],
    }),
    tags: { team: 'data' },
  });
  const user = account.users[0]!;
  change(user, {
    tags: { role: 'deployer' },
    accessKeys: [{ id: 'AKIAOLDDEPLOYKEY0001', status: 'Active', createdAt: '2024-01-02T03:04:05.000Z', lastUsed: '2026-11-30T12:00:00.000Z' }],
  });
  return { account, key, bucket, user };
}

async function start(account: SyntheticAccount): Promise<AwsClients> {
  const dir = tempDir();
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_REGION', REGION);
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  server = await serveFakeAws(new FakeAws(account));
  vi.stubEnv('AWS_ENDPOINT_URL', server.url);
  opened.clients = await createAwsClients({
    defaultCredentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    retryDelay: () => 0,
  });
  return opened.clients;
}

/** A live scan as `vigil scan --live` makes it: collect over the endpoint, then evaluate every resource with the scan plan. */
async function scanLive(clients: AwsClients) {
  const prepared = await prepareScan({ insightDirs: [], now: NIGHT });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const scan = prepared.value;
  const out = join(tempDir(), 'snapshot.jsonl');
  const collected = await collectLive({
    config: undefined,
    accounts: [],
    regions: [REGION],
    concurrency: 4,
    selection: undefined,
    out,
    log: { emit: () => {} },
    clock: () => NIGHT,
    clients,
    homeRegion: REGION,
  });
  if (!collected.ok) throw new Error(JSON.stringify(collected));
  const resources: AnyCollectedResource[] = [];
  const read = await readSnapshot(out, (resource) => resources.push(resource));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  for (const resource of resources) if (scan.plan.lookupTypes.has(resource.type)) scan.inventory.add(resource);
  const scope = { plan: scan.plan, exemptions: scan.exemptionIndex, accounts };
  const candidates: Candidate[] = resources.map((resource) => ({ resource: resource as Candidate['resource'], findings: candidateFindings(resource, scope) }));
  const status = (arn: string, insight: string) => candidates.find((c) => c.resource.arn === arn)?.findings.get(insight)?.status;
  return { candidates, scope, status };
}

async function shippedBots(): Promise<LoadedBot[]> {
  const loaded = await loadBots({ files: shippedBotFiles(), insightIds: new Set(builtinInsights.map((i) => i.id)) });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value.filter((bot) => BOTS.includes(bot.id));
}

/** Plans the bots from a live scan (re-reading each match live) and applies the plan through the SDK caller. */
async function runBots(clients: AwsClients, store: Store, mode: 'dry-run' | 'enforce', between?: () => void): Promise<{ plan: PlanFile; report: ApplyReport }> {
  const { candidates, scope } = await scanLive(clients);
  const reader = liveReader({ clients, homeRegion: REGION, scope, clock: () => NIGHT });
  const bots = await shippedBots();
  const planned = [];
  for (const bot of bots) planned.push(await planBot(bot, { candidates, accounts, readLive: reader.readLive, now: NIGHT, mode }));
  const plan: PlanFile = { version: 1, createdAt: NIGHT.toISOString(), now: NIGHT.toISOString(), bots: planned };
  const { sha256 } = planFileText(plan);
  between?.();
  const report = await applyPlan(plan, {
    store,
    caller: sdkAwsCaller({ clients, homeRegion: REGION }),
    runId: `run-${mode}-${sha256.slice(0, 8)}`,
    planHash: sha256,
    clock: () => NIGHT,
    recheck: reader.recheck,
    pause: () => Promise.resolve(),
    notify: true,
  });
  return { plan, report };
}

async function sqliteStore(): Promise<Store> {
  const result = await openStore({ engine: 'sqlite', path: join(tempDir(), 'vigil.db') });
  if (!result.ok) throw new Error(JSON.stringify(result));
  opened.store = result.store;
  return result.store;
}

const mutatingRequests = () => (server?.requests ?? []).filter((r) => !READ.test(r.operation)).map((r) => `${r.service}:${r.operation}`);

// Several live scans over HTTP per test: more than the default time-out on a loaded machine.
describe('the shipped bots against the fake AWS over HTTP', { timeout: 180_000 }, () => {
  it('dry run changes nothing; enforce fixes all three through the SDK; a fresh scan passes; a second run is a no-op', async () => {
    const { account, key, bucket, user } = troubledAccount();
    const clients = await start(account);
    const store = await sqliteStore();
    const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${key.id}`;
    const bucketArn = `arn:aws:s3:::${bucket.name}`;
    const userArn = `arn:aws:iam::${ACCOUNT_ID}:user/${user.name}`;

    const before = await scanLive(clients);
    expect(before.status(keyArn, 'kms-key-rotation')).toBe('fail');
    expect(before.status(bucketArn, 's3-bucket-public')).toBe('fail');
    expect(before.status(userArn, 'iam-access-key-age')).toBe('fail');

    // A dry run: the plan names the calls, nothing reaches AWS but reads.
    const dry = await runBots(clients, store, 'dry-run');
    expect(mutatingRequests()).toEqual([]);
    expect(dry.report.steps.filter((s) => s.outcome !== 'dry-run' && s.outcome !== 'no-change')).toEqual([]);
    const calls = dry.plan.bots.flatMap((b) => b.resources.flatMap((r) => r.steps.flatMap((s) => s.calls.map((c) => `${c.service}:${c.operation}`))));
    expect(calls.sort()).toEqual(['iam:UpdateAccessKey', 'kms:EnableKeyRotation', 's3:PutPublicAccessBlock']);
    expect(key.rotation).toBe(false);
    expect(bucket.publicAccessBlock).toBe(false);
    expect(user.accessKeys?.[0]?.status).toBe('Active');

    // Enforced: the SDK caller sends exactly those calls, with the real key id from ListAccessKeys.
    const enforced = await runBots(clients, store, 'enforce');
    expect(enforced.report.steps.filter((s) => s.outcome === 'failed')).toEqual([]);
    expect(mutatingRequests().sort()).toEqual(['iam:UpdateAccessKey', 'kms:EnableKeyRotation', 's3:PutPublicAccessBlock']);
    expect(key.rotation).toBe(true);
    expect(bucket.publicAccessBlock).toBe(true);
    expect(user.accessKeys).toEqual([expect.objectContaining({ id: 'AKIAOLDDEPLOYKEY0001', status: 'Inactive' })]);

    const after = await scanLive(clients);
    expect(after.status(keyArn, 'kms-key-rotation')).toBe('pass');
    expect(after.status(bucketArn, 's3-bucket-public')).toBe('pass');
    // No active key is left to age: the finding no longer fails.
    expect(after.status(userArn, 'iam-access-key-age')).toBe('not-applicable');

    // Each enforced change has its record before (started) and after (succeeded), the chain intact.
    const records = await auditRecords(store, { limit: 500 });
    for (const arn of [keyArn, bucketArn, userArn]) {
      const results = records
        .filter((r) => r.resourceArn === arn && r.mode === 'enforce')
        .reverse()
        .map((r) => (r.detail as { result?: string }).result);
      expect(results, arn).toEqual(expect.arrayContaining(['started', 'succeeded']));
      expect(results.indexOf('started')).toBeLessThan(results.indexOf('succeeded'));
    }
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: records.length });

    // A second enforced run: nothing left to change, nothing sent.
    const sent = mutatingRequests().length;
    const second = await runBots(clients, store, 'enforce');
    expect(second.report.steps.filter((s) => s.outcome === 'succeeded' || s.outcome === 'failed')).toEqual([]);
    expect(mutatingRequests().length).toBe(sent);
  });

  it('skips a resource fixed between plan and apply: the live re-check sees it changed and sends nothing', async () => {
    const { account, key } = troubledAccount();
    const clients = await start(account);
    const store = await sqliteStore();
    const { report } = await runBots(clients, store, 'enforce', () => change(key, { rotation: true }));
    const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${key.id}`;
    expect(report.steps.filter((s) => s.arn === keyArn)).toEqual([
      expect.objectContaining({ action: 'kms-enable-rotation', outcome: 'skipped-changed', summary: 'the resource changed since the plan was made' }),
    ]);
    expect(mutatingRequests()).not.toContain('kms:EnableKeyRotation');
    // The others were still fixed.
    expect(mutatingRequests().sort()).toEqual(['iam:UpdateAccessKey', 's3:PutPublicAccessBlock']);
  });
});
