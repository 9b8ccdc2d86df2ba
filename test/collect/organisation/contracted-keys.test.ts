/**
 * The keys an account is contracted to use, from the configuration: the function, and the way
 * `vigil collect` hands them to the shared-key probe of each account.
 */
import { join } from 'node:path';
import { DescribeKeyCommand, DryRunOperationException, GenerateDataKeyCommand, KMSClient, ListGrantsCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectLive } from '../../../src/app/live-collection.js';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import { contractedKeyArns } from '../../../src/collect/organisation/contracted-keys.js';
import type { VigilConfig } from '../../../src/config/config-schema.js';
import { readSnapshot } from '../../../src/snapshot/snapshot-reader.js';
import type { AnyCollectedResource } from '../../../src/model/resource.js';
import { useTempDir } from '../../support/temp-dir.js';

const BANK_A = 'arn:aws:kms:eu-west-1:605178863043:key/e270ac5f-03c0-40e3-a9e6-37e9bde9d300';
const BANK_B = 'arn:aws:kms:us-east-1:137435393707:key/46b2fcd9-0cb2-49c6-917e-4c478685547b';
const SHARED = 'arn:aws:kms:eu-west-1:605178863043:key/0f1e2d3c-4b5a-4697-8877-665544332211';

describe('contractedKeyArns', () => {
  it("takes every insight's requiredKeyArns of the account entry and of the configuration, sorted and once each", () => {
    const config = { 'rds-instance-encryption-cmk': { requiredKeyArns: [SHARED] } };
    const entry = { params: { 's3-bucket-encryption-cmk': { requiredKeyArns: [BANK_B, BANK_A] }, 'rds-instance-encryption-cmk': { tenantKeyRequired: true } } };
    expect(contractedKeyArns(config, entry)).toEqual([SHARED, BANK_B, BANK_A].sort());
  });

  it("lets the account's requiredKeyArns of an insight replace the configuration's, as a scan resolves them", () => {
    const config = { 's3-bucket-encryption-cmk': { requiredKeyArns: [SHARED] } };
    expect(contractedKeyArns(config, { params: { 's3-bucket-encryption-cmk': { requiredKeyArns: [BANK_A] } } })).toEqual([BANK_A]);
    expect(contractedKeyArns(config, { params: { 's3-bucket-encryption-cmk': { requiredKeyArns: [] } } })).toEqual([]);
    expect(contractedKeyArns(config, {})).toEqual([SHARED]);
  });

  it('leaves out what is no key ARN (the scan plan reports it as a parameter error)', () => {
    const entry = {
      params: {
        's3-bucket-encryption-cmk': { requiredKeyArns: ['alias/bank', 42, 'arn:aws:kms:eu-west-1:605178863043:alias/bank', BANK_A] },
        other: { requiredKeyArns: 'x' },
      },
    };
    expect(contractedKeyArns(undefined, entry)).toEqual([BANK_A]);
    expect(contractedKeyArns(undefined, {})).toEqual([]);
  });
});

describe('vigil collect hands each account its contracted keys', () => {
  const tempDir = useTempDir();
  const sts = mockClient(STSClient);
  const kms = mockClient(KMSClient);
  afterEach(() => {
    sts.reset();
    kms.reset();
  });

  it('probes, in each account, the keys its entry and the configuration name for it', async () => {
    const TENANT = '111122223333';
    const OTHER = '444455556666';
    // The caller is TENANT; OTHER is proved with its own GetCallerIdentity.
    sts
      .on(GetCallerIdentityCommand)
      .resolvesOnce({ Account: TENANT, Arn: `arn:aws:iam::${TENANT}:user/auditor` })
      .resolves({ Account: OTHER, Arn: `arn:aws:iam::${OTHER}:user/auditor` });
    kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
      const [, , , , owner, resource] = input.KeyId.split(':');
      return {
        KeyMetadata: {
          AWSAccountId: owner,
          KeyId: resource?.replace('key/', ''),
          Arn: input.KeyId,
          Enabled: true,
          KeyUsage: 'ENCRYPT_DECRYPT',
          KeyState: 'Enabled',
          Origin: 'AWS_KMS',
          KeyManager: 'CUSTOMER',
          KeySpec: 'SYMMETRIC_DEFAULT',
          MultiRegion: false,
        },
        $metadata: { httpStatusCode: 200 },
      };
    });
    kms
      .on(GenerateDataKeyCommand)
      .rejects(
        new DryRunOperationException({ message: 'The request would have succeeded, but the DryRun option is set.', $metadata: { httpStatusCode: 412 } }),
      );
    kms.on(ListGrantsCommand).resolves({ Grants: [], Truncated: false });
    const config: VigilConfig = {
      accounts: [
        { id: TENANT, name: 'tenant-prod', tenant: 'Bank A', params: { 's3-bucket-encryption-cmk': { requiredKeyArns: [BANK_A] } } },
        { id: OTHER, name: 'shared-services' },
      ],
      params: { 's3-bucket-encryption-cmk': { requiredKeyArns: [SHARED] }, 'rds-instance-encryption-cmk': { requiredKeyArns: [BANK_B] } },
    };
    const out = join(tempDir(), 'shared-keys.jsonl');
    const result = await collectLive({
      config,
      accounts: [],
      regions: ['eu-west-1'],
      concurrency: 1,
      selection: new Map([['AWS::KMS::SharedKey', new Set(['describe', 'usable'])]]),
      out,
      log: { emit: () => {} },
      clock: () => new Date('2026-06-01T12:00:00Z'),
      clients: new AwsClients({ defaultCredentials: { accessKeyId: 'AK', secretAccessKey: 'secret' }, retryDelay: () => 1 }),
      homeRegion: 'eu-west-1',
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const seen: AnyCollectedResource[] = [];
    const read = await readSnapshot(out, (resource) => seen.push(resource));
    expect(read.ok, JSON.stringify(read)).toBe(true);
    const probed = seen
      .filter((r) => r.type === 'AWS::KMS::SharedKey')
      .map((r) => `${r.accountId} ${r.id}`)
      .sort();
    expect(probed).toEqual([`${OTHER} ${BANK_B}`, `${OTHER} ${SHARED}`, `${TENANT} ${BANK_A}`, `${TENANT} ${BANK_B}`].sort());
    // The selection needs no grants: ListGrants is not asked.
    expect(kms.commandCalls(ListGrantsCommand)).toHaveLength(0);
  });
});
