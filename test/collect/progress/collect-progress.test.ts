/**
 * The progress events of a real collection (collectOrganisation on mocked clients): each account
 * reached announces its plan before its first unit runs, every planned unit reports once when it
 * is done — with the resources it handed on and the failures it recorded — so that at the end the
 * units done equal the units planned; the JSON log keeps per-unit events at debug level; and the
 * terminal display fed by the same events ends with the same counts.
 */
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { DescribeRegionsCommand, EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import { jsonCollectLog, progressCollectLog, type CollectEvent } from '../../../src/collect/progress/collect-log.js';
import { collectOrganisation, type CollectPlan } from '../../../src/collect/organisation/collect-organisation.js';
import { accountPlan } from '../../../src/collect/progress/collect-units.js';
import accountPublicAccessBlock from '../../../src/collect/collectors/s3/account-public-access-block.js';
import ebsEncryption from '../../../src/collect/collectors/ec2/account-region-ebs-encryption.js';
import kmsKey from '../../../src/collect/collectors/kms/key.js';
import s3Bucket from '../../../src/collect/collectors/s3/bucket.js';
import { unauthorized } from '../support/aws-errors.js';
import type { AnyCollectedResource } from '../../../src/model/resource.js';
import { VirtualTerminal } from '../support/virtual-terminal.js';

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const kms = mockClient(KMSClient);
const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);
afterEach(() => {
  for (const mock of [sts, ec2, kms, s3, s3control]) mock.reset();
});

const CALLER = '999999999999';
const [A, B, C] = ['111111111111', '222222222222', '333333333333'] as const;
const REGIONS = ['af-south-1', 'eu-west-1', 'us-east-1'];
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };

/** Each account's clients sign with their own key id, so the mocks can tell the accounts apart. */
function clients(): AwsClients {
  return new AwsClients({
    defaultCredentials: { accessKeyId: `AK${CALLER}`, secretAccessKey: 'secret' },
    credentialsFor: (accountId) => (/^[0-9]{12}$/.test(accountId) ? { accessKeyId: `AK${accountId}`, secretAccessKey: 'secret' } : undefined),
    retryDelay: () => 1,
  });
}

interface ClientLike {
  config: { credentials: () => Promise<{ accessKeyId: string }>; region: () => Promise<string> };
}

/** The account and region of the client that sent the command (`getClient` before any await). */
async function whoAsks(getClient: () => unknown): Promise<{ account: string; region: string }> {
  const client = getClient() as ClientLike;
  const [credentials, region] = await Promise.all([client.config.credentials(), client.config.region()]);
  return { account: credentials.accessKeyId.slice(2), region };
}

function keyMetadata(account: string, region: string, keyId: string) {
  return {
    AWSAccountId: account,
    KeyId: keyId,
    Arn: `arn:aws:kms:${region}:${account}:key/${keyId}`,
    CreationDate: new Date('2025-01-01T00:00:00Z'),
    Enabled: true,
    KeyUsage: 'ENCRYPT_DECRYPT' as const,
    KeyState: 'Enabled' as const,
    Origin: 'AWS_KMS' as const,
    KeyManager: 'CUSTOMER' as const,
    KeySpec: 'SYMMETRIC_DEFAULT' as const,
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT' as const],
    MultiRegion: false,
  };
}

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
    const { account } = await whoAsks(getClient);
    if (account === C) {
      throw new STSServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: `User: arn:aws:iam::${CALLER}:user/auditor is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${C}:role/VigilReadOnly`,
      });
    }
    return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/VigilReadOnly/vigil`, UserId: 'AROAEXAMPLE:vigil', $metadata };
  });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: REGIONS.map((RegionName) => ({
      RegionName,
      Endpoint: `ec2.${RegionName}.amazonaws.com`,
      OptInStatus: RegionName === 'af-south-1' ? 'opted-in' : 'opt-in-not-required',
    })),
    $metadata,
  });
  // EBS encryption by default cannot be read in af-south-1: one failure of one unit per account.
  ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(async (_input, getClient) => {
    const { region } = await whoAsks(getClient);
    if (region === 'af-south-1') throw unauthorized('ec2:GetEbsEncryptionByDefault');
    return { EbsEncryptionByDefault: false, SseEncryptionByDefault: false, $metadata };
  });
  s3control.on(GetPublicAccessBlockCommand).resolves({
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    $metadata,
  });
  s3.on(ListBucketsCommand).resolves({ Buckets: [], Owner: { ID: 'owner' }, $metadata });
  // eu-west-1 lists its three keys over three pages; the other regions hold one key each.
  kms.on(ListKeysCommand).callsFake(async (input: { Marker?: string }, getClient) => {
    const { account, region } = await whoAsks(getClient);
    const key = (id: string) => ({ KeyId: id, KeyArn: `arn:aws:kms:${region}:${account}:key/${id}` });
    if (region !== 'eu-west-1') return { Keys: [key(`key-${region}`)], Truncated: false, $metadata };
    const page = input.Marker === undefined ? 0 : Number(input.Marker);
    return { Keys: [key(`key-${page}`)], Truncated: page < 2, ...(page < 2 && { NextMarker: String(page + 1) }), $metadata };
  });
  kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }, getClient) => {
    const { account, region } = await whoAsks(getClient);
    return { KeyMetadata: keyMetadata(account, region, input.KeyId), $metadata };
  });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 365, $metadata });
  kms.on(GetKeyPolicyCommand).resolves({ PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }), $metadata });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [], Truncated: false, $metadata });
  kms.on(ListAliasesCommand).resolves({ Aliases: [], Truncated: false, $metadata });
});

function plan(): CollectPlan {
  return {
    targets: [A, B, C].map((accountId, i) => ({
      accountId,
      entry: { id: accountId, name: ['harbor-prod', 'northwind-prod', 'legacy'][i]! },
      roleArn: `arn:aws:iam::${accountId}:role/VigilReadOnly`,
      tags: {},
    })),
    regions: undefined,
    homeRegion: 'us-east-1',
    partition: 'aws',
    resourceCollectors: [kmsKey, s3Bucket],
    settingsCollectors: [accountPublicAccessBlock, ebsEncryption],
    concurrency: 2,
    jitterMs: 0,
  };
}

async function collect(...logs: { emit(event: CollectEvent): void }[]): Promise<CollectEvent[]> {
  const events: CollectEvent[] = [];
  const aws = clients();
  try {
    await collectOrganisation(
      plan(),
      aws,
      () => {},
      {
        emit: (event) => {
          events.push(event);
          for (const log of logs) log.emit(event);
        },
      },
      () => new Date('2026-06-01T12:00:00Z'),
    );
  } finally {
    aws.destroy();
  }
  return events;
}

type Of<E extends CollectEvent['event']> = Extract<CollectEvent, { event: E }>;
const ofKind = <E extends CollectEvent['event']>(events: CollectEvent[], kind: E): Of<E>[] => events.filter((e): e is Of<E> => e.event === kind);

describe('progress events of a collection', () => {
  it('plans each reached account before its units run, and every planned unit reports once', async () => {
    const events = await collect();
    const plans = ofKind(events, 'account-plan');
    const units = ofKind(events, 'unit-done');

    // Per region: the EBS setting and the KMS keys; once: the account's S3 Block Public Access and the bucket list.
    const expected = { regions: REGIONS, units: 2 * 3 + 2, unitsPerRegion: 2, services: { ec2: 3, kms: 3, s3: 1, s3control: 1 } };
    expect(plans).toEqual([
      { event: 'account-plan', accountId: A, name: 'harbor-prod', ...expected },
      { event: 'account-plan', accountId: B, name: 'northwind-prod', ...expected },
    ]);
    // The unreachable account has no plan and no units.
    expect(ofKind(events, 'account-failed')).toEqual([expect.objectContaining({ accountId: C, code: 'AccessDenied' })]);
    expect(units.filter((u) => u.accountId === C)).toEqual([]);

    for (const account of [A, B]) {
      const planAt = events.findIndex((e) => e.event === 'account-plan' && e.accountId === account);
      const ofAccount = units.filter((u) => u.accountId === account);
      expect(events.findIndex((e) => e.event === 'unit-done' && e.accountId === account)).toBeGreaterThan(planAt);
      expect(events.findIndex((e) => e.event === 'account-done' && e.accountId === account)).toBeGreaterThan(events.lastIndexOf(ofAccount.at(-1)!));
      // Each unit once: the collector in each region, the account-scope ones in the home region.
      expect(ofAccount.map((u) => `${u.scope} ${u.service} ${u.region}`).sort()).toEqual(
        [...REGIONS.flatMap((r) => [`region ec2 ${r}`, `region kms ${r}`]), 'account s3 us-east-1', 'account s3control us-east-1'].sort(),
      );
      expect(ofAccount.find((u) => u.service === 'kms' && u.region === 'eu-west-1')).toEqual(
        expect.objectContaining({ resourceType: 'AWS::KMS::Key', resources: 3, failures: 0 }),
      );
      expect(ofAccount.find((u) => u.service === 'ec2' && u.region === 'af-south-1')).toEqual(
        expect.objectContaining({ resourceType: 'AWS::Account::Region', resources: 0, failures: 1 }),
      );
      expect(ofAccount.filter((u) => u.failures > 0)).toHaveLength(1);
      expect(ofAccount.reduce((sum, u) => sum + u.resources, 0)).toBe(5);
    }
    expect(units).toHaveLength(plans.reduce((sum, p) => sum + p.units, 0));
  });

  it('keeps per-unit events out of the JSON log unless debug is asked', async () => {
    const info = new Lines();
    const debug = new Lines();
    await collect(jsonCollectLog(info), jsonCollectLog(debug, { level: 'debug' }));
    const infoEvents = info.json().map((line) => line['event']);
    expect(infoEvents).not.toContain('unit-done');
    expect(infoEvents.filter((e) => e === 'account-plan')).toHaveLength(2);
    expect(info.json().find((line) => line['event'] === 'account-plan')).toEqual(
      expect.objectContaining({ level: 30, msg: 'account-plan', units: 8, unitsPerRegion: 2, regions: REGIONS }),
    );
    const unitLines = debug.json().filter((line) => line['event'] === 'unit-done');
    expect(unitLines).toHaveLength(16);
    expect(unitLines[0]).toEqual(
      expect.objectContaining({ level: 20, msg: 'unit-done', accountId: expect.any(String), region: expect.any(String), service: expect.any(String) }),
    );
  });

  it('ends the terminal display with every planned unit done', async () => {
    const terminal = new VirtualTerminal(200, 20);
    await collect(progressCollectLog(terminal, () => ({ calls: 0, throttles: 0 })));
    const screen = terminal.screen();
    // The failure stays whole above (wrapped by the terminal), then each account and the totals.
    expect(screen[0]).toMatch(/^ {2}✗ legacy \(333333333333\) was not collected: AccessDenied: User: /);
    expect(screen.slice(-3, -1).sort()).toEqual([
      expect.stringMatching(/^ {2}✓ harbor-prod \(111111111111\) {2}3 regions · 5 resources · 1 unreadable · \d+s$/),
      expect.stringMatching(/^ {2}✓ northwind-prod \(222222222222\) {2}3 regions · 5 resources · 1 unreadable · \d+s$/),
    ]);
    // The total is what the snapshot holds: the 10 collected and each account's settings resources (1 + 3 regions).
    expect(screen.at(-1)).toMatch(/^collected 2\/3 accounts \(1 not collected\) · 16 units · 18 resources · 2 unreadable · /);
  });
});

describe('settings and resources side by side', () => {
  it('collects resources while a settings call is slow, and hands everything on in plan order', async () => {
    // The account's S3 Block Public Access answers only once the bucket list was asked for and the
    // KMS keys are collected (or, should collection wait for settings, after a while): the order
    // of the calls and events tells.
    const calls: string[] = [];
    let waitingFor = 2;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const heard = () => {
      if (--waitingFor === 0) release();
    };
    s3.on(ListBucketsCommand).callsFake(() => {
      calls.push('s3:ListBuckets');
      heard();
      return Promise.resolve({ Buckets: [], Owner: { ID: 'owner' }, $metadata });
    });
    s3control.on(GetPublicAccessBlockCommand).callsFake(async () => {
      await Promise.race([released, delay(1_000)]);
      calls.push('s3control:GetPublicAccessBlock answered');
      return {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        $metadata,
      };
    });
    const resources: AnyCollectedResource[] = [];
    const events: CollectEvent[] = [];
    const aws = clients();
    try {
      await collectOrganisation(
        { ...plan(), targets: plan().targets.slice(0, 1) },
        aws,
        (resource) => resources.push(resource),
        {
          emit: (event) => {
            events.push(event);
            if (event.event === 'collector-done' && event.resourceType === 'AWS::KMS::Key') heard();
          },
        },
        () => new Date('2026-06-01T12:00:00Z'),
      );
    } finally {
      aws.destroy();
    }

    expect(calls).toEqual(['s3:ListBuckets', 's3control:GetPublicAccessBlock answered']);
    // The KMS keys were collected before the account resource, yet come after it: the settings resources, then each collector's by ARN.
    const kmsDone = events.findIndex((e) => e.event === 'collector-done' && e.resourceType === 'AWS::KMS::Key');
    const accountDone = events.findIndex((e) => e.event === 'unit-done' && e.resourceType === 'AWS::Account' && e.service === 's3control');
    expect(kmsDone).toBeLessThan(accountDone);
    expect(resources.map((r) => `${r.type} ${r.region} ${r.id}`)).toEqual([
      `AWS::Account global ${A}`,
      ...REGIONS.map((region) => `AWS::Account::Region ${region} ${region}`),
      'AWS::KMS::Key af-south-1 key-af-south-1',
      'AWS::KMS::Key eu-west-1 key-0',
      'AWS::KMS::Key eu-west-1 key-1',
      'AWS::KMS::Key eu-west-1 key-2',
      'AWS::KMS::Key us-east-1 key-us-east-1',
    ]);
    // Every planned unit reported.
    const planned = ofKind(events, 'account-plan')[0]!;
    expect(ofKind(events, 'unit-done')).toHaveLength(planned.units);
  });
});

describe('an account plan', () => {
  it('counts the units of the source each type is read from', () => {
    const planned = accountPlan(
      { accountId: A, name: 'harbor-prod' },
      ['eu-west-1', 'us-east-1'],
      [accountPublicAccessBlock, ebsEncryption],
      [kmsKey, s3Bucket],
      (type) => (type === 'AWS::KMS::Key' ? 'config' : type === 'AWS::S3::Bucket' ? 'aggregator' : 'api'),
    );
    // KMS keys from each region's Config (SelectResourceConfig per region); buckets from the aggregator's answer, once.
    expect(planned).toEqual({
      event: 'account-plan',
      accountId: A,
      name: 'harbor-prod',
      regions: ['eu-west-1', 'us-east-1'],
      units: 2 * 2 + 2,
      unitsPerRegion: 2,
      services: { config: 3, ec2: 2, s3control: 1 },
    });
  });
});

/** A stream keeping what is written, one JSON object per line. */
class Lines extends Writable {
  private text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
  json(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
