/**
 * Collecting several accounts: each reached with its own credentials and proved with
 * GetCallerIdentity, regions found with DescribeRegions, one account whose role cannot be
 * assumed left out and recorded while the others are collected, and a snapshot that reads back.
 */
import { join } from 'node:path';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
} from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectLive } from '../../src/app/live-collection.js';
import { AwsClients } from '../../src/collect/aws/aws-clients.js';
import type { CollectEvent } from '../../src/collect/progress/collect-log.js';
import { readSnapshot } from '../../src/snapshot/snapshot-reader.js';
import type { AnyCollectedResource } from '../../src/model/resource.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const kms = mockClient(KMSClient);
const s3 = mockClient(S3Client);
afterEach(() => {
  s3.reset();
  sts.reset();
  ec2.reset();
  kms.reset();
});

const CALLER = '999999999999';
const [A, B, C] = ['111111111111', '222222222222', '333333333333'] as const;

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

/**
 * The account and region of the client that sent the command. `getClient` must be called before
 * any await: aws-sdk-client-mock answers with whichever client sent last.
 */
async function whoAsks(getClient: () => unknown): Promise<{ account: string; region: string }> {
  const client = getClient() as ClientLike;
  const [credentials, region] = await Promise.all([client.config.credentials(), client.config.region()]);
  return { account: credentials.accessKeyId.slice(2), region };
}

function mockAws() {
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
    return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/VigilReadOnly/vigil`, UserId: 'AROAEXAMPLE:vigil' };
  });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', Endpoint: 'ec2.af-south-1.amazonaws.com', OptInStatus: 'opted-in' },
    ],
  });
  kms.on(ListKeysCommand).callsFake(async (_input, getClient) => {
    const { account, region } = await whoAsks(getClient);
    return { Keys: [{ KeyId: `key-${region}`, KeyArn: `arn:aws:kms:${region}:${account}:key/key-${region}` }], Truncated: false };
  });
  kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }, getClient) => {
    const { account, region } = await whoAsks(getClient);
    return {
      KeyMetadata: {
        AWSAccountId: account,
        KeyId: input.KeyId,
        Arn: `arn:aws:kms:${region}:${account}:key/${input.KeyId}`,
        CreationDate: new Date('2025-01-01T00:00:00Z'),
        Enabled: true,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      },
    };
  });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
  kms.on(GetKeyPolicyCommand).resolves({ PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [], Truncated: false });
  kms.on(ListAliasesCommand).resolves({ Aliases: [], Truncated: false });
}

describe('collecting live accounts', () => {
  it('collects every reachable account in its enabled regions and records the one it cannot reach', async () => {
    mockAws();
    const out = join(tempDir(), 'org.jsonl.gz');
    const events: CollectEvent[] = [];
    const result = await collectLive({
      config: {
        accounts: [
          { id: A, name: 'harbor-prod', roleArn: `arn:aws:iam::${A}:role/VigilReadOnly` },
          { id: B, name: 'northwind-prod', roleArn: `arn:aws:iam::${B}:role/VigilReadOnly`, externalId: 'vigil-ext-1' },
          { id: C, name: 'legacy', roleArn: `arn:aws:iam::${C}:role/VigilReadOnly` },
        ],
      },
      accounts: [],
      regions: undefined,
      concurrency: 2,
      selection: new Map([['AWS::KMS::Key', new Set(['manager', 'origin', 'spec', 'state', 'rotation'])]]),
      out,
      log: { emit: (event) => events.push(event) },
      clock: () => new Date('2026-06-01T12:00:00Z'),
      clients: clients(),
      homeRegion: 'us-east-1',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const seen: AnyCollectedResource[] = [];
    const read = await readSnapshot(out, (resource) => seen.push(resource));
    expect(read.ok, JSON.stringify(read)).toBe(true);
    if (!read.ok) return;
    const { header } = read.value;
    expect(header.accounts).toEqual([
      { id: A, name: 'harbor-prod', regions: ['af-south-1', 'eu-west-1', 'us-east-1'], scanned: true },
      { id: B, name: 'northwind-prod', regions: ['af-south-1', 'eu-west-1', 'us-east-1'], scanned: true },
      { id: C, name: 'legacy', regions: [], scanned: false },
    ]);
    expect(header.coverage).toEqual([
      expect.objectContaining({ accountId: C, service: 'sts', operation: 'AssumeRole', error: expect.objectContaining({ code: 'AccessDenied' }) }),
    ]);
    expect(seen.map((r) => r.arn).sort()).toEqual(
      [A, B].flatMap((account) => ['af-south-1', 'eu-west-1', 'us-east-1'].map((region) => `arn:aws:kms:${region}:${account}:key/key-${region}`)).sort(),
    );
    // A KMS-only collection never calls S3. (Call counts come from a middleware that mocked
    // clients bypass; test/collect/collect-over-http.test.ts counts them over HTTP.)
    expect(s3.calls()).toHaveLength(0);
    // ... and runs only the operations filling the fields the insights read: no key policy, no tags.
    expect(kms.commandCalls(GetKeyRotationStatusCommand).length).toBeGreaterThan(0);
    expect(kms.commandCalls(GetKeyPolicyCommand)).toHaveLength(0);
    expect(kms.commandCalls(ListResourceTagsCommand)).toHaveLength(0);
    expect(header.calls).toEqual({});
    expect(result.collected.degraded).toBe(true);
    expect(events.filter((e) => e.event === 'account-failed')).toEqual([expect.objectContaining({ accountId: C, code: 'AccessDenied' })]);
  });

  it('collects the account of the current credentials when no accounts are configured, in the regions asked for', async () => {
    mockAws();
    const out = join(tempDir(), 'me.jsonl');
    const result = await collectLive({
      config: undefined,
      accounts: [],
      regions: ['eu-west-1'],
      concurrency: 4,
      selection: new Map([['AWS::KMS::Key', new Set(['manager', 'origin', 'spec', 'state', 'rotation'])]]),
      out,
      log: { emit: () => {} },
      clock: () => new Date('2026-06-01T12:00:00Z'),
      clients: clients(),
      homeRegion: 'us-east-1',
    });
    expect(result.ok && result.collected.accounts).toEqual([{ id: CALLER, name: CALLER, regions: ['eu-west-1'], scanned: true }]);
    expect(ec2.commandCalls(DescribeRegionsCommand)).toHaveLength(0);
  });

  it('rejects --account names it does not know', async () => {
    mockAws();
    const result = await collectLive({
      config: { accounts: [{ id: A, name: 'harbor-prod' }] },
      accounts: ['nope'],
      regions: ['eu-west-1'],
      concurrency: 1,
      selection: new Map([['AWS::KMS::Key', new Set(['manager', 'origin', 'spec', 'state', 'rotation'])]]),
      out: join(tempDir(), 'x.jsonl'),
      log: { emit: () => {} },
      clock: () => new Date(),
      clients: clients(),
    });
    expect(result).toEqual({ ok: false, usage: ["--account: no account 'nope' in the configuration or organization"] });
  });
});
