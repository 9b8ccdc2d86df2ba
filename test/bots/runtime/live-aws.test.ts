/**
 * The SDK caller and the live reader against the wire-level fake AWS (in-process: each client's
 * request handler is the fake's), so the SDK's serialisers, retries and error parsing all run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import type { ServiceName } from '../../../src/collect/aws/services.js';
import { candidateFindings } from '../../../src/bots/runtime/candidate-findings.js';
import { isUnreadableLive } from '../../../src/bots/runtime/live-read.js';
import { liveReader } from '../../../src/bots/runtime/live-reader.js';
import type { Candidate } from '../../../src/bots/runtime/plan-bot.js';
import { AwsCallError, sdkAwsCaller } from '../../../src/bots/runtime/sdk-aws-caller.js';
import { prepareScan } from '../../../src/app/prepare-scan.js';
import { iamUser, kmsKey, s3Bucket } from '../../../src/model/builders.js';
import type { AnyCollectedResource } from '../../../src/model/resource.js';
import { BANK_SAAS, FakeAws, operationOf, syntheticAccount, type Reply, type SyntheticAccount, type WireRequest } from '../../fakes/aws/index.js';
import { change } from '../../fakes/aws/state.js';
import { jsonError, queryError } from '../../fakes/aws/wire.js';

const ACCOUNT_ID = '123456789012';
const REGION = 'us-east-1';
let clients: AwsClients | undefined;
afterEach(() => clients?.destroy());

type Answer = (service: ServiceName, region: string, request: WireRequest, fake: FakeAws) => Promise<Reply> | Reply | undefined;

/** Clients whose every request the fake answers, unless `answer` answers first; each request noted. */
function world(answer?: Answer): { account: SyntheticAccount; clients: AwsClients; sent: { service: string; region: string; operation: string }[] } {
  const account = syntheticAccount({ accountId: ACCOUNT_ID, ...BANK_SAAS, seed: 6 });
  const fake = new FakeAws(account);
  const sent: { service: string; region: string; operation: string }[] = [];
  clients = new AwsClients({
    defaultCredentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
    retryDelay: () => 0,
    clientConfig: (service, region) => ({
      requestHandler: {
        handle: async (raw: unknown) => {
          const handler = fake.handlerFor(service, region);
          return handler.handle(raw);
        },
      },
    }),
  });
  // Wrap the fake: note each request, let `answer` step in.
  const original = fake.answer.bind(fake);
  fake.answer = async (service, region, request) => {
    sent.push({ service, region, operation: operationOf(service, request) });
    return (await answer?.(service, region, request, fake)) ?? original(service, region, request);
  };
  return { account, clients, sent };
}

describe('sdkAwsCaller', () => {
  it("sends the call with the service's client in the account, a global resource in the home region, and answers plain JSON", async () => {
    const { account, clients, sent } = world();
    const user = account.users.find((u) => u.accessKey)!;
    change(user, { accessKeys: [{ id: 'AKIAEXAMPLEKEY00001', status: 'Active', createdAt: '2025-01-01T00:00:00.000Z', lastUsed: undefined }] });
    const caller = sdkAwsCaller({ clients, homeRegion: REGION });
    const answer = await caller.send(
      { accountId: ACCOUNT_ID, region: 'global' },
      { service: 'iam', operation: 'UpdateAccessKey', input: { UserName: user.name, AccessKeyId: 'AKIAEXAMPLEKEY00001', Status: 'Inactive' } },
    );
    expect(answer).not.toHaveProperty('$metadata');
    expect(sent).toEqual([{ service: 'iam', region: REGION, operation: 'UpdateAccessKey' }]);
    expect(user.accessKeys?.[0]?.status).toBe('Inactive');

    const db = account.dbInstances[0]!;
    const snapshot = await caller.send(
      { accountId: ACCOUNT_ID, region: db.region },
      { service: 'rds', operation: 'CreateDBSnapshot', input: { DBInstanceIdentifier: db.id, DBSnapshotIdentifier: 'vigil-final-x-20261207' } },
    );
    // Dates as ISO strings: the audit trail and the plan's waits read JSON.
    expect(snapshot).toMatchObject({ DBSnapshot: { DBSnapshotIdentifier: 'vigil-final-x-20261207', SnapshotCreateTime: account.now } });
  });

  it('rejects with the AWS error code, and refuses a call no action makes before sending anything', async () => {
    const { clients, sent } = world();
    const caller = sdkAwsCaller({ clients, homeRegion: REGION });
    const missing = caller.send(
      { accountId: ACCOUNT_ID, region: 'global' },
      { service: 'iam', operation: 'DeleteAccessKey', input: { UserName: 'nobody', AccessKeyId: 'AKIANOPE' } },
    );
    await expect(missing).rejects.toBeInstanceOf(AwsCallError);
    await expect(missing).rejects.toMatchObject({ code: 'NoSuchEntity', name: 'NoSuchEntity', message: expect.stringContaining('iam:DeleteAccessKey failed') });
    const gone = caller.send(
      { accountId: ACCOUNT_ID, region: REGION },
      { service: 'rds', operation: 'DeleteDBInstance', input: { DBInstanceIdentifier: 'nope', SkipFinalSnapshot: true } },
    );
    await expect(gone).rejects.toMatchObject({ code: 'DBInstanceNotFound' });
    const count = sent.length;
    await expect(
      caller.send({ accountId: ACCOUNT_ID, region: 'global' }, { service: 'iam', operation: 'CreateUser', input: { UserName: 'x' } }),
    ).rejects.toThrow(/no AWS SDK command is known for iam:CreateUser/);
    expect(sent.length).toBe(count);
  });

  it('retries a throttled call with the SDK', async () => {
    let throttled = 0;
    const { account, clients, sent } = world((service, _region, request) => {
      if (service === 'kms' && operationOf(service, request) === 'EnableKeyRotation' && throttled++ === 0)
        return jsonError('ThrottlingException', 'Rate exceeded');
      return undefined;
    });
    const key = account.keys.find((k) => k.manager === 'CUSTOMER' && k.origin === 'AWS_KMS' && k.spec === 'SYMMETRIC_DEFAULT' && k.state === 'Enabled')!;
    change(key, { rotation: false });
    await sdkAwsCaller({ clients, homeRegion: REGION }).send(
      { accountId: ACCOUNT_ID, region: key.region },
      { service: 'kms', operation: 'EnableKeyRotation', input: { KeyId: key.id } },
    );
    expect(sent.filter((s) => s.operation === 'EnableKeyRotation')).toHaveLength(2);
    expect(key.rotation).toBe(true);
  });
});

describe('liveReader', { timeout: 60_000 }, () => {
  async function reader(answer?: Answer) {
    const w = world(answer);
    const prepared = await prepareScan({ insightDirs: [], now: new Date(w.account.now) });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const scope = { plan: prepared.value.plan, exemptions: prepared.value.exemptionIndex, accounts: new Map() };
    return { ...w, scope, live: liveReader({ clients: w.clients, homeRegion: REGION, scope }) };
  }
  const candidateOf = (resource: Candidate['resource']): Candidate => ({ resource, findings: new Map() });

  it('re-reads a key and evaluates its insights again; a key gone is undefined', async () => {
    const { account, live, scope } = await reader();
    const key = account.keys.find((k) => k.manager === 'CUSTOMER' && k.origin === 'AWS_KMS' && k.spec === 'SYMMETRIC_DEFAULT' && k.state === 'Enabled')!;
    change(key, { rotation: false });
    const arn = `arn:aws:kms:${key.region}:${ACCOUNT_ID}:key/${key.id}`;
    const read = await live.readLive(candidateOf(kmsKey({}, { arn, id: key.id, accountId: ACCOUNT_ID, region: key.region })));
    expect(isUnreadableLive(read) || read === undefined).toBe(false);
    const found = read as Candidate;
    expect(found.findings.get('kms-key-rotation')?.status).toBe('fail');
    expect(found.findings).toEqual(candidateFindings(found.resource as AnyCollectedResource, scope));
    expect(await live.readLive(candidateOf(kmsKey({}, { arn: `${arn}0`, id: `${key.id}0`, accountId: ACCOUNT_ID, region: key.region })))).toBeUndefined();
  });

  it("reads an IAM user's access keys with ListAccessKeys: real ids, live status", async () => {
    const { account, live } = await reader();
    const user = account.users[0]!;
    change(user, { accessKeys: [{ id: 'AKIAEXAMPLEKEY00002', status: 'Inactive', createdAt: '2025-01-01T00:00:00.000Z', lastUsed: undefined }] });
    const read = (await live.readLive(
      candidateOf(
        iamUser({}, { arn: `arn:aws:iam::${ACCOUNT_ID}:user/${user.name}`, id: user.name, name: user.name, accountId: ACCOUNT_ID, region: 'global' }),
      ),
    )) as Candidate;
    expect((read.resource as ReturnType<typeof iamUser>).config.accessKeys).toEqual([
      { id: 'AKIAEXAMPLEKEY00002', status: 'Inactive', createDate: '2025-01-01T00:00:00.000Z', lastUsedDate: null },
    ]);
  });

  it('never lets a failed read through: access denied on a sub-document, or on the keys, is unreadable with the reason', async () => {
    const { account, live } = await reader((service, _region, request) => {
      const operation = operationOf(service, request);
      if (service === 's3' && operation === 'GetBucketPolicy')
        return {
          status: 403,
          headers: { 'content-type': 'application/xml' },
          body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
        };
      if (service === 'iam' && operation === 'ListAccessKeys')
        return queryError('https://iam.amazonaws.com/doc/2010-05-08/', 'Throttling', 'Rate exceeded', 400);
      return undefined;
    });
    const bucket = account.buckets[0]!;
    const read = await live.readLive(
      candidateOf(s3Bucket({}, { arn: `arn:aws:s3:::${bucket.name}`, id: bucket.name, name: bucket.name, accountId: ACCOUNT_ID, region: bucket.region })),
    );
    expect(read).toEqual({ unreadable: expect.stringContaining('AccessDenied: s3:GetBucketPolicy') });
    const user = account.users[0]!;
    const planned = {
      arn: `arn:aws:iam::${ACCOUNT_ID}:user/${user.name}`,
      type: 'AWS::IAM::User',
      // IAM entities are named by their name.
      id: user.name,
      name: user.name,
      accountId: ACCOUNT_ID,
      region: 'global',
      findingIds: [],
      before: {},
      beforeHash: '',
      steps: [],
    };
    expect(await live.recheck(planned)).toEqual({ unreadable: expect.stringContaining('Throttling: iam:ListAccessKeys') });
  });
});
