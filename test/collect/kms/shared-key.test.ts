/**
 * The cross-account KMS key probe against a mocked KMS (aws-sdk-client-mock): DescribeKey,
 * GenerateDataKey with DryRun and ListGrants answered as the KMS API reference documents them
 * (after the SDK's deserialisation: timestamps are Dates), errors as the SDK raises them — the
 * modelled exception classes (DryRunOperationException, NotFoundException, DisabledException,
 * KMSInvalidStateException), and AccessDeniedException / ThrottlingException, which KMS does not
 * model, as KMSServiceException named by the code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeKeyCommand,
  DisabledException,
  DryRunOperationException,
  GenerateDataKeyCommand,
  KMSClient,
  KMSInvalidStateException,
  KMSServiceException,
  ListGrantsCommand,
  NotFoundException,
  type GrantListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { kms as fakeKms } from '../../fakes/aws/kms.js';
import { syntheticAccount } from '../../fakes/aws/account.js';
import kmsSharedKey from '../../../src/collect/collectors/kms/shared-key.js';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { collectResources } from '../../../src/collect/contract/run-collector.js';
import { arnFor } from '../../../src/model/arn.js';
import type { Resource } from '../../../src/model/resource.js';
import { unknown } from '../../../src/model/unknown.js';
import { fakeHttp, json, jsonError, TEST_CREDENTIALS, type SeenRequest } from '../support/fake-http.js';
import { ACCOUNT, OBSERVED_AT, regionOf, sentOperations } from '../support/harness.js';

const BANK = '605178863043';
const OTHER_BANK = '137435393707';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const keyArn = (id: string, region = 'eu-west-1', account = BANK) => `arn:aws:kms:${region}:${account}:key/${id}`;

const K = {
  bank: keyArn('e270ac5f-03c0-40e3-a9e6-37e9bde9d300'),
  gone: keyArn('0b4c7a52-1111-4b8e-9d2a-5f0e6c9a1d10', 'us-east-1'),
  notShared: keyArn('46b2fcd9-0cb2-49c6-917e-4c478685547b', 'us-east-1', OTHER_BANK),
  disabled: keyArn('7d1f0c1e-2222-4a55-8b0e-0c2f9f7e3a21'),
  deleting: keyArn('9a8b7c6d-3333-4e4f-9a0b-1c2d3e4f5a6b'),
};

function metadata(arn: string, overrides: Partial<KeyMetadata> = {}): KeyMetadata {
  const [, , , , account, resource] = arn.split(':');
  return {
    AWSAccountId: account,
    KeyId: resource?.replace('key/', ''),
    Arn: arn,
    CreationDate: new Date('2025-02-03T10:00:00Z'),
    Enabled: true,
    Description: 'Bank customer data key (BYOK)',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'EXTERNAL',
    ExpirationModel: 'KEY_MATERIAL_EXPIRES',
    ValidTo: new Date('2026-12-31T00:00:00Z'),
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
    ...overrides,
  };
}

function kmsError(name: string, message: string): KMSServiceException {
  return new KMSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'req' }, message });
}

function accessDenied(action: string, arn: string): KMSServiceException {
  return kmsError(
    'AccessDeniedException',
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/vigil/vigil is not authorized to perform: ${action} on resource: ${arn} because no resource-based policy allows the ${action} action`,
  );
}

const dryRunOk = () =>
  new DryRunOperationException({ message: 'The request would have succeeded, but the DryRun option is set.', $metadata: { httpStatusCode: 412 } });

/** The bank key's grants, in three pages (Marker / NextMarker / Truncated). */
const GRANT_PAGES: Record<string, { grants: GrantListEntry[]; next?: string }> = {
  first: {
    grants: [
      {
        KeyId: K.bank,
        GrantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60',
        Name: '',
        CreationDate: new Date('2025-02-04T09:00:00Z'),
        GranteePrincipal: 'rds.eu-west-1.amazonaws.com',
        RetiringPrincipal: 'rds.eu-west-1.amazonaws.com',
        IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
        Operations: ['Encrypt', 'Decrypt', 'GenerateDataKey', 'DescribeKey', 'ReEncryptFrom', 'ReEncryptTo', 'CreateGrant', 'RetireGrant'],
        Constraints: { EncryptionContextSubset: { 'aws:rds:db-id': 'db-ABCDEFGHIJKLMNOPQRSTUVWXY' } },
      },
    ],
    next: 'grants-2',
  },
  'grants-2': {
    grants: [
      {
        KeyId: K.bank,
        GrantId: '1d348587c40a9cd55f56323f19509acf4262416141837d1601ee9e4f0a4e7b71',
        CreationDate: new Date('2025-02-05T09:00:00Z'),
        GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/sftp-ingest`,
        IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
        Operations: ['GenerateDataKey', 'Decrypt'],
      },
    ],
    next: 'grants-3',
  },
  'grants-3': { grants: [] },
};

const kms = mockClient(KMSClient);

function standardKms(): void {
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
    switch (input.KeyId) {
      case K.bank:
        return { KeyMetadata: metadata(K.bank), $metadata };
      case K.disabled:
        return { KeyMetadata: metadata(K.disabled, { KeyState: 'Disabled', Enabled: false }), $metadata };
      case K.deleting:
        return {
          KeyMetadata: metadata(K.deleting, { KeyState: 'PendingDeletion', Enabled: false, DeletionDate: new Date('2026-03-08T00:00:00Z') }),
          $metadata,
        };
      case K.notShared:
        throw accessDenied('kms:DescribeKey', K.notShared);
      default:
        throw new NotFoundException({ message: `Key '${input.KeyId}' does not exist`, $metadata: { httpStatusCode: 400 } });
    }
  });
  kms.on(GenerateDataKeyCommand).callsFake((input: { KeyId: string; KeySpec?: string; DryRun?: boolean }) => {
    expect(input).toEqual({ KeyId: input.KeyId, KeySpec: 'AES_256', DryRun: true });
    switch (input.KeyId) {
      case K.bank:
        throw dryRunOk();
      case K.disabled:
        throw new DisabledException({ message: `${K.disabled} is disabled.`, $metadata: { httpStatusCode: 400 } });
      case K.deleting:
        throw new KMSInvalidStateException({ message: `${K.deleting} is pending deletion.`, $metadata: { httpStatusCode: 400 } });
      default:
        throw accessDenied('kms:GenerateDataKey', input.KeyId);
    }
  });
  kms.on(ListGrantsCommand).callsFake((input: { KeyId: string; Marker?: string; Limit?: number }) => {
    expect(input.Limit).toBe(100);
    if (input.KeyId === K.notShared) throw accessDenied('kms:ListGrants', K.notShared);
    if (input.KeyId !== K.bank) return { Grants: [], Truncated: false, $metadata };
    const page = GRANT_PAGES[input.Marker ?? 'first'];
    if (page === undefined) throw new Error(`unexpected marker ${input.Marker}`);
    return { Grants: page.grants, Truncated: page.next !== undefined, ...(page.next !== undefined ? { NextMarker: page.next } : {}), $metadata };
  });
}

beforeEach(() => {
  kms.reset();
  standardKms();
});

afterEach(() => {
  kms.reset();
});

async function probe(keys: readonly string[], fields?: readonly string[], clientConfig?: () => object) {
  const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, retryDelay: () => 1, ...(clientConfig !== undefined && { clientConfig }) });
  const coverage = new CoverageRecorder();
  try {
    const resources = await collectResources(kmsSharedKey, {
      accountId: ACCOUNT,
      regions: ['eu-central-1'],
      homeRegion: 'eu-central-1',
      clients,
      coverage,
      clock: () => new Date(OBSERVED_AT),
      contractedKeyArns: keys,
      ...(fields !== undefined ? { fields: new Set(fields) } : {}),
    });
    return { resources, coverage: coverage.list() };
  } finally {
    clients.destroy();
  }
}

function byKey(resources: readonly Resource<'AWS::KMS::SharedKey'>[], arn: string): Resource<'AWS::KMS::SharedKey'> {
  const found = resources.find((r) => r.id === arn);
  if (found === undefined) throw new Error(`no shared key ${arn}`);
  return found;
}

describe('KMS shared key collector', () => {
  it("describes the bank's key, reads the dry run as authorised and every page of grants", async () => {
    const { resources, coverage } = await probe([K.bank]);
    expect(coverage).toEqual([]);
    expect(kms.commandCalls(ListGrantsCommand)).toHaveLength(3);
    expect(resources).toEqual([
      {
        arn: `arn:aws:kms:eu-west-1:${ACCOUNT}:shared-key/${BANK}/e270ac5f-03c0-40e3-a9e6-37e9bde9d300`,
        type: 'AWS::KMS::SharedKey',
        accountId: ACCOUNT,
        region: 'eu-west-1',
        id: K.bank,
        name: K.bank,
        tags: {},
        createdAt: '2025-02-03T10:00:00.000Z',
        source: 'api',
        observedAt: OBSERVED_AT,
        config: {
          describe: 'ok',
          ownerAccountId: BANK,
          keyManager: 'CUSTOMER',
          keyState: 'Enabled',
          enabled: true,
          keyUsage: 'ENCRYPT_DECRYPT',
          keySpec: 'SYMMETRIC_DEFAULT',
          origin: 'EXTERNAL',
          multiRegion: false,
          validTo: '2026-12-31T00:00:00.000Z',
          deletionDate: null,
          usable: 'authorised',
          dryRunAnswer: 'DryRunOperationException',
          grants: [
            {
              granteePrincipal: 'rds.eu-west-1.amazonaws.com',
              operations: ['CreateGrant', 'Decrypt', 'DescribeKey', 'Encrypt', 'GenerateDataKey', 'ReEncryptFrom', 'ReEncryptTo', 'RetireGrant'],
              constrained: true,
            },
            { granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/sftp-ingest`, operations: ['Decrypt', 'GenerateDataKey'], constrained: false },
          ],
        },
      },
    ]);
  });

  it('sends each call to the region of the key, with the observing account’s client', async () => {
    const regions: string[] = [];
    kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }, getClient: () => unknown) => {
      regions.push(`${await regionOf(getClient)} ${input.KeyId}`);
      return { KeyMetadata: metadata(input.KeyId), $metadata };
    });
    const eastKey = keyArn('5e6f7a8b-4444-4c5d-8e9f-0a1b2c3d4e5f', 'us-east-1');
    const { resources } = await probe([K.bank, eastKey]);
    expect(regions.sort()).toEqual([`eu-west-1 ${K.bank}`, `us-east-1 ${eastKey}`]);
    expect(resources.map((r) => [r.region, r.accountId])).toEqual([
      ['eu-west-1', ACCOUNT],
      ['us-east-1', ACCOUNT],
    ]);
  });

  it('records NotFoundException and AccessDeniedException as facts, not coverage gaps', async () => {
    const { resources, coverage } = await probe([K.gone, K.notShared]);
    const gone = byKey(resources, K.gone);
    expect(gone.config).toMatchObject({ describe: 'not-found', ownerAccountId: null, keyState: null, usable: null, dryRunAnswer: null, grants: null });
    // A key that does not exist is neither probed nor listed.
    expect(kms.commandCalls(GenerateDataKeyCommand, { KeyId: K.gone })).toHaveLength(0);
    expect(kms.commandCalls(ListGrantsCommand, { KeyId: K.gone })).toHaveLength(0);

    const notShared = byKey(resources, K.notShared);
    expect(notShared.config).toMatchObject({ describe: 'access-denied', ownerAccountId: null, usable: 'denied', dryRunAnswer: 'AccessDeniedException' });
    expect(notShared.arn).toBe(`arn:aws:kms:us-east-1:${ACCOUNT}:shared-key/${OTHER_BANK}/46b2fcd9-0cb2-49c6-917e-4c478685547b`);
    // Only the unshared key's grants are a gap in coverage: the denied DescribeKey and dry run are answers.
    expect(coverage.map((entry) => `${entry.operation} ${entry.error.code} ${entry.resourceArn}`)).toEqual([`ListGrants AccessDeniedException ${K.notShared}`]);
  });

  it('reads a disabled key and one pending deletion as unusable, naming the answer', async () => {
    const { resources, coverage } = await probe([K.disabled, K.deleting]);
    expect(coverage).toEqual([]);
    expect(byKey(resources, K.disabled).config).toMatchObject({
      keyState: 'Disabled',
      enabled: false,
      usable: 'key-unusable',
      dryRunAnswer: 'DisabledException',
    });
    expect(byKey(resources, K.deleting).config).toMatchObject({
      keyState: 'PendingDeletion',
      deletionDate: '2026-03-08T00:00:00.000Z',
      usable: 'key-unusable',
      dryRunAnswer: 'KMSInvalidStateException',
    });
  });

  it('reads imported material without a ValidTo as unread, not as never expiring, unless it does not expire', async () => {
    kms.on(DescribeKeyCommand, { KeyId: K.bank }).resolves({ KeyMetadata: metadata(K.bank, { ValidTo: undefined }), $metadata: {} });
    const unread = await probe([K.bank]);
    expect(byKey(unread.resources, K.bank).config.validTo).toEqual(unknown('UnexpectedResponse: kms:DescribeKey'));
    expect(unread.coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeKey', error: expect.objectContaining({ message: 'DescribeKey returned no valid ValidTo' }) }),
    ]);

    kms
      .on(DescribeKeyCommand, { KeyId: K.bank })
      .resolves({ KeyMetadata: metadata(K.bank, { ValidTo: undefined, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }), $metadata: {} });
    expect(byKey((await probe([K.bank])).resources, K.bank).config.validTo).toBeNull();
  });

  it('leaves only the grants unknown when the key policy does not allow ListGrants', async () => {
    kms.on(ListGrantsCommand).rejects(accessDenied('kms:ListGrants', K.bank));
    const { resources, coverage } = await probe([K.bank]);
    const key = byKey(resources, K.bank);
    expect(key.config.grants).toEqual(unknown('AccessDeniedException: kms:ListGrants'));
    expect(key.config).toMatchObject({ describe: 'ok', usable: 'authorised' });
    expect(coverage).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        operation: 'ListGrants',
        resourceArn: K.bank,
        error: expect.objectContaining({ code: 'AccessDeniedException' }),
      }),
    ]);
  });

  it('keeps the grants read when a later page fails, but the list is unknown', async () => {
    kms.on(ListGrantsCommand, { KeyId: K.bank, Marker: 'grants-3' }).rejects(kmsError('KMSInternalException', 'internal error'));
    const { resources, coverage } = await probe([K.bank]);
    expect(byKey(resources, K.bank).config.grants).toEqual(unknown('KMSInternalException: kms:ListGrants'));
    expect(coverage).toHaveLength(1);
  });

  it('turns a throttled DescribeKey and an unexpected dry-run error into unknown, never a fact', async () => {
    kms.on(DescribeKeyCommand).rejects(kmsError('ThrottlingException', 'Rate exceeded'));
    kms.on(GenerateDataKeyCommand).rejects(new NotFoundException({ message: 'Key does not exist', $metadata: { httpStatusCode: 400 } }));
    const { resources, coverage } = await probe([K.bank]);
    const key = byKey(resources, K.bank);
    const throttled = unknown('ThrottlingException: kms:DescribeKey');
    expect(key.config).toMatchObject({ describe: throttled, ownerAccountId: throttled, keyState: throttled, validTo: throttled });
    expect(key.config.usable).toEqual(unknown('NotFoundException: kms:GenerateDataKey'));
    expect(key).not.toHaveProperty('createdAt');
    expect(coverage.map((entry) => `${entry.operation} ${entry.error.code}`).sort()).toEqual([
      'DescribeKey ThrottlingException',
      'GenerateDataKey NotFoundException',
    ]);
  });

  it('does not take a dry run that returns a data key as authorised', async () => {
    kms.on(GenerateDataKeyCommand).resolves({ KeyId: K.bank, Plaintext: new Uint8Array(32), CiphertextBlob: new Uint8Array(184), $metadata });
    const { resources, coverage } = await probe([K.bank]);
    expect(byKey(resources, K.bank).config.usable).toEqual(unknown('UnexpectedResponse: kms:GenerateDataKey'));
    expect(coverage).toHaveLength(1);
  });

  it('runs only DescribeKey when the selected fields need nothing else', async () => {
    const { resources } = await probe([K.bank], ['describe', 'keyState']);
    expect(sentOperations(kms.send.getCalls())).toEqual(['DescribeKey']);
    expect(byKey(resources, K.bank).config).toMatchObject({
      usable: unknown('NotCollected: kms:GenerateDataKey'),
      dryRunAnswer: unknown('NotCollected: kms:GenerateDataKey'),
      grants: unknown('NotCollected: kms:ListGrants'),
    });
  });

  it('makes no call in an account that is contracted to use no key', async () => {
    const { resources } = await probe([]);
    expect(resources).toEqual([]);
    expect(kms.send.getCalls()).toHaveLength(0);
  });

  it('gives each observing account its own ARN for the same key', () => {
    const seenBy = (account: string) => arnFor('AWS::KMS::SharedKey', account, 'eu-west-1', K.bank);
    expect(seenBy('111111111111')).toBe(`arn:aws:kms:eu-west-1:111111111111:shared-key/${BANK}/e270ac5f-03c0-40e3-a9e6-37e9bde9d300`);
    expect(seenBy('222222222222')).not.toBe(seenBy('111111111111'));
  });
});

describe('KMS shared key probe over HTTP', () => {
  it('reads the wire answers: DryRunOperationException (412) as authorised, AccessDeniedException on ListGrants as unknown, neither retried', async () => {
    // Real clients down to the socket: the SDK mock is lifted (beforeEach sets it up again).
    kms.restore();
    const http = fakeHttp((request: SeenRequest) => {
      expect(request.hostname).toBe('kms.eu-west-1.amazonaws.com');
      const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
      switch (request.headers['x-amz-target']) {
        case 'TrentService.DescribeKey':
          return json({
            KeyMetadata: {
              AWSAccountId: BANK,
              Arn: K.bank,
              CreationDate: 1.7385768e9,
              CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
              Description: '',
              Enabled: true,
              EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
              ExpirationModel: 'KEY_MATERIAL_EXPIRES',
              KeyId: 'e270ac5f-03c0-40e3-a9e6-37e9bde9d300',
              KeyManager: 'CUSTOMER',
              KeySpec: 'SYMMETRIC_DEFAULT',
              KeyState: 'Enabled',
              KeyUsage: 'ENCRYPT_DECRYPT',
              MultiRegion: false,
              Origin: 'EXTERNAL',
              ValidTo: 1.7987616e9,
            },
          });
        case 'TrentService.GenerateDataKey':
          expect(body).toEqual({ KeyId: K.bank, KeySpec: 'AES_256', DryRun: true });
          return jsonError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.', 412);
        case 'TrentService.ListGrants':
          return jsonError(
            'AccessDeniedException',
            `User: arn:aws:sts::${ACCOUNT}:assumed-role/vigil/vigil is not authorized to perform: kms:ListGrants on resource: ${K.bank}`,
          );
        default:
          throw new Error(`unexpected ${request.headers['x-amz-target']}`);
      }
    });
    const { resources, coverage } = await probe([K.bank], undefined, () => ({ requestHandler: http.handler }));
    expect(http.requests.map((r) => r.headers['x-amz-target']).sort()).toEqual([
      'TrentService.DescribeKey',
      'TrentService.GenerateDataKey',
      'TrentService.ListGrants',
    ]);
    expect(byKey(resources, K.bank).config).toMatchObject({
      describe: 'ok',
      ownerAccountId: BANK,
      validTo: '2027-01-01T00:00:00.000Z',
      usable: 'authorised',
      dryRunAnswer: 'DryRunOperationException',
      grants: unknown('AccessDeniedException: kms:ListGrants'),
    });
    expect(coverage.map((entry) => entry.operation)).toEqual(['ListGrants']);
  });
});

describe("the benchmark's fake KMS", () => {
  it('answers a foreign key as a bank that shares it: described, dry run authorised, grants not listable', async () => {
    kms.restore();
    const answer = fakeKms(syntheticAccount({ accountId: ACCOUNT, resources: 10 }));
    const http = fakeHttp((request) => answer({ ...request, query: {} }, 'eu-west-1'));
    const { resources, coverage } = await probe([K.bank], undefined, () => ({ requestHandler: http.handler }));
    expect(byKey(resources, K.bank).config).toMatchObject({ describe: 'ok', ownerAccountId: BANK, origin: 'EXTERNAL', usable: 'authorised' });
    expect(coverage.map((entry) => `${entry.operation} ${entry.error.code}`)).toEqual(['ListGrants AccessDeniedException']);
  });
});
