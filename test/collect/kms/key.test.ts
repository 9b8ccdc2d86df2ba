/**
 * The KMS key collector against a mocked KMS (aws-sdk-client-mock): responses shaped as the KMS API
 * reference documents them (after the SDK's deserialisation: timestamps are Dates), errors as the
 * SDK's service exceptions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  KMSServiceException,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  NotFoundException,
  type AliasListEntry,
  type KeyMetadata,
  type Tag,
} from '@aws-sdk/client-kms';
import kmsKey from '../../../src/collect/collectors/kms/key.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const arn = (id: string, region = REGION) => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };

function accessDenied(action: string): KMSServiceException {
  return new KMSServiceException({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req' },
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} on resource: ${arn('x')} because no resource-based policy allows the ${action} action`,
  });
}

const KEY_POLICY = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

/** DescribeKey's KeyMetadata for a key, with the fields every key has. */
function metadata(id: string, overrides: Partial<KeyMetadata> = {}, region = REGION): KeyMetadata {
  return {
    AWSAccountId: ACCOUNT,
    KeyId: id,
    Arn: arn(id, region),
    CreationDate: new Date('2024-05-01T08:30:00Z'),
    Enabled: true,
    Description: '',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
    ...overrides,
  };
}

const K = {
  data: '1234abcd-12ab-34cd-56ef-1234567890ab',
  awsS3: '0987dcba-09fe-87dc-65ba-ab0987654321',
  imported: 'aaaa1111-2222-3333-4444-555566667777',
  signing: 'bbbb1111-2222-3333-4444-555566667777',
  hmac: 'cccc1111-2222-3333-4444-555566667777',
  hsm: 'dddd1111-2222-3333-4444-555566667777',
  xks: 'eeee1111-2222-3333-4444-555566667777',
};

const KEYS: Record<string, KeyMetadata> = {
  [K.data]: metadata(K.data, { MultiRegion: true }),
  [K.awsS3]: metadata(K.awsS3, { KeyManager: 'AWS', Description: 'Default key that protects my S3 objects when no other key is defined' }),
  [K.imported]: metadata(K.imported, {
    Origin: 'EXTERNAL',
    ExpirationModel: 'KEY_MATERIAL_EXPIRES',
    ValidTo: new Date('2026-09-30T00:00:00Z'),
  }),
  [K.signing]: metadata(K.signing, {
    KeyUsage: 'SIGN_VERIFY',
    KeySpec: 'RSA_2048',
    CustomerMasterKeySpec: 'RSA_2048',
    SigningAlgorithms: ['RSASSA_PSS_SHA_256'],
    KeyState: 'PendingDeletion',
    DeletionDate: new Date('2026-03-20T00:00:00Z'),
    Enabled: false,
  }),
  [K.hmac]: metadata(K.hmac, { KeyUsage: 'GENERATE_VERIFY_MAC', KeySpec: 'HMAC_256', CustomerMasterKeySpec: 'HMAC_256', MacAlgorithms: ['HMAC_SHA_256'] }),
  [K.hsm]: metadata(K.hsm, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: 'cks-1234567890abcdef0', CloudHsmClusterId: 'cluster-1a23b4cdefg' }),
  [K.xks]: metadata(K.xks, { Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: 'cks-9876543210fedcba0', XksKeyConfiguration: { Id: 'ext-key-1' } }),
};

/** ListKeys in three pages, as KMS pages with Marker / NextMarker / Truncated. */
const KEY_PAGES: Record<string, { ids: string[]; next?: string }> = {
  first: { ids: [K.data, K.awsS3], next: 'marker-2' },
  'marker-2': { ids: [K.imported], next: 'marker-3' },
  'marker-3': { ids: [K.signing, K.hmac, K.hsm, K.xks] },
};

const ALIASES: AliasListEntry[][] = [
  [
    {
      AliasName: 'alias/bank-data',
      AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/bank-data`,
      TargetKeyId: K.data,
      CreationDate: new Date('2024-05-01T08:31:00Z'),
    },
    // AWS-managed aliases exist before their key is created.
    { AliasName: 'alias/aws/rds', AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/rds` },
  ],
  [{ AliasName: 'alias/aws/s3', AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/s3`, TargetKeyId: K.awsS3 }],
  [{ AliasName: 'alias/archive-data', AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/archive-data`, TargetKeyId: K.data }],
];

const TAGS: Record<string, Tag[][]> = {
  [K.data]: [[{ TagKey: 'owner', TagValue: 'data-platform' }], [{ TagKey: 'environment', TagValue: 'production' }], [{ TagKey: 'cost-center', TagValue: '' }]],
};

const kms = mockClient(KMSClient);

function standardKms(): void {
  kms.on(ListKeysCommand).callsFake((input: { Marker?: string; Limit?: number }) => {
    expect(input.Limit).toBe(1000);
    const page = KEY_PAGES[input.Marker ?? 'first'];
    if (page === undefined) throw new Error(`unexpected marker ${input.Marker}`);
    return {
      Keys: page.ids.map((id) => ({ KeyId: id, KeyArn: arn(id) })),
      Truncated: page.next !== undefined,
      ...(page.next !== undefined ? { NextMarker: page.next } : {}),
      $metadata,
    };
  });
  kms.on(ListAliasesCommand).callsFake((input: { Marker?: string }) => {
    const index = input.Marker === undefined ? 0 : Number(input.Marker.replace('aliases-', ''));
    const last = index === ALIASES.length - 1;
    return { Aliases: ALIASES[index], Truncated: !last, ...(last ? {} : { NextMarker: `aliases-${index + 1}` }), $metadata };
  });
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
    const found = KEYS[input.KeyId];
    if (found === undefined) throw new NotFoundException({ message: `Key '${arn(input.KeyId)}' does not exist`, $metadata: { httpStatusCode: 400 } });
    return { KeyMetadata: found, $metadata };
  });
  kms
    .on(GetKeyRotationStatusCommand)
    .callsFake((input: { KeyId: string }) =>
      input.KeyId === K.awsS3
        ? { KeyRotationEnabled: true, KeyId: arn(K.awsS3), RotationPeriodInDays: 365, NextRotationDate: new Date('2026-05-01T00:00:00Z'), $metadata }
        : { KeyRotationEnabled: true, KeyId: arn(input.KeyId), RotationPeriodInDays: 180, NextRotationDate: new Date('2026-04-28T08:30:00Z'), $metadata },
    );
  kms.on(GetKeyPolicyCommand).callsFake((input: { KeyId: string; PolicyName?: string }) => {
    expect(input.PolicyName).toBe('default');
    return { Policy: JSON.stringify(KEY_POLICY, null, 2), PolicyName: 'default', $metadata };
  });
  kms.on(ListResourceTagsCommand).callsFake((input: { KeyId: string; Marker?: string }) => {
    const pages = TAGS[input.KeyId] ?? [[]];
    const index = input.Marker === undefined ? 0 : Number(input.Marker);
    const last = index === pages.length - 1;
    return { Tags: pages[index], Truncated: !last, ...(last ? {} : { NextMarker: String(index + 1) }), $metadata };
  });
}

beforeEach(() => {
  kms.reset();
  standardKms();
});

afterEach(() => {
  kms.reset();
});

describe('KMS key collector', () => {
  it('reads every page of keys, aliases and tags and normalises a customer key exactly', async () => {
    const { resources, coverage } = await runCollector(kmsKey);
    expect(coverage.filter((entry) => entry.error.code !== 'NotReported')).toEqual([]);
    expect(resources.map((r) => r.id).sort()).toEqual(Object.values(K).sort());
    expect(kms.commandCalls(ListKeysCommand)).toHaveLength(3);
    expect(kms.commandCalls(ListAliasesCommand)).toHaveLength(3);
    expect(kms.commandCalls(ListResourceTagsCommand, { KeyId: K.data })).toHaveLength(3);
    expect(byId(resources, K.data)).toEqual({
      arn: arn(K.data),
      type: 'AWS::KMS::Key',
      accountId: ACCOUNT,
      region: REGION,
      id: K.data,
      name: 'alias/archive-data',
      tags: { owner: 'data-platform', environment: 'production', 'cost-center': '' },
      createdAt: '2024-05-01T08:30:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        keyId: K.data,
        manager: 'CUSTOMER',
        origin: 'AWS_KMS',
        state: 'Enabled',
        spec: 'SYMMETRIC_DEFAULT',
        usage: 'ENCRYPT_DECRYPT',
        multiRegion: true,
        rotation: { enabled: true, periodDays: 180, nextRotationDate: '2026-04-28T08:30:00.000Z' },
        policy: KEY_POLICY,
        keyMaterialExpires: null,
        validTo: null,
        keyMaterialImportedAt: null,
        deletionDate: null,
        aliases: ['alias/archive-data', 'alias/bank-data'],
      },
    });
  });

  it('marks AWS-managed keys, and names a key by its id when it has no alias', async () => {
    const { resources } = await runCollector(kmsKey);
    const awsKey = byId(resources, K.awsS3);
    expect(awsKey.config.manager).toBe('AWS');
    expect(awsKey.name).toBe('alias/aws/s3');
    // AWS rotates its keys and writes their policies: those calls are not made, and not guessed either.
    expect(awsKey.config.rotation).toEqual({ $unknown: expect.stringMatching(/^NotCollected/) });
    expect(awsKey.config.policy).toEqual({ $unknown: expect.stringMatching(/^NotCollected/) });
    expect(awsKey.tags).toEqual({});
    for (const Command of [GetKeyRotationStatusCommand, GetKeyPolicyCommand, ListResourceTagsCommand]) {
      expect(kms.commandCalls(Command as typeof GetKeyPolicyCommand).filter((call) => call.args[0].input.KeyId === K.awsS3)).toEqual([]);
    }
    expect(byId(resources, K.hmac).name).toBe(K.hmac);
    expect(byId(resources, K.hmac).config.aliases).toEqual([]);
  });

  it('asks for rotation only of symmetric keys with KMS-generated material; the others have none', async () => {
    const { resources } = await runCollector(kmsKey);
    const asked = kms.commandCalls(GetKeyRotationStatusCommand).map((call) => call.args[0].input.KeyId);
    expect(asked.sort()).toEqual([K.data]);
    for (const id of [K.imported, K.signing, K.hmac, K.hsm, K.xks]) expect(byId(resources, id).config.rotation, id).toBeNull();
    expect(byId(resources, K.signing).config).toMatchObject({
      spec: 'RSA_2048',
      usage: 'SIGN_VERIFY',
      state: 'PendingDeletion',
      deletionDate: '2026-03-20T00:00:00.000Z',
    });
    expect(byId(resources, K.hsm).config.origin).toBe('AWS_CLOUDHSM');
    expect(byId(resources, K.xks).config.origin).toBe('EXTERNAL_KEY_STORE');
  });

  it('reads imported material expiry from DescribeKey; its import date is unknown, and coverage says why', async () => {
    const { resources, coverage } = await runCollector(kmsKey);
    const imported = byId(resources, K.imported);
    expect(imported.config).toMatchObject({
      origin: 'EXTERNAL',
      keyMaterialExpires: true,
      validTo: '2026-09-30T00:00:00.000Z',
      keyMaterialImportedAt: unknown('NotReported: kms:DescribeKey'),
    });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'kms',
        operation: 'DescribeKey',
        resourceType: 'AWS::KMS::Key',
        resourceArn: arn(K.imported),
        error: { code: 'NotReported', message: 'KMS does not report when imported key material was imported' },
        count: 1,
      },
    ]);
  });

  it('leaves the import date null for a key awaiting its material, whose expiry model is not reported', async () => {
    KEYS[K.imported] = metadata(K.imported, { Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false });
    try {
      const { resources, coverage } = await runCollector(kmsKey);
      expect(byId(resources, K.imported).config).toMatchObject({
        state: 'PendingImport',
        keyMaterialExpires: null,
        validTo: null,
        keyMaterialImportedAt: null,
      });
      expect(coverage).toEqual([]);
    } finally {
      KEYS[K.imported] = metadata(K.imported, { Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date('2026-09-30T00:00:00Z') });
    }
  });

  it('AccessDenied on one key policy: that field is unknown, coverage names the key, the rest is collected', async () => {
    kms.on(GetKeyPolicyCommand, { KeyId: K.data }).rejects(accessDenied('kms:GetKeyPolicy'));
    const { resources, coverage } = await runCollector(kmsKey);
    const key = byId(resources, K.data);
    expect(key.config.policy).toEqual(unknown('AccessDeniedException: kms:GetKeyPolicy'));
    expect(key.config.rotation).toMatchObject({ enabled: true });
    expect(key.tags).toMatchObject({ owner: 'data-platform' });
    expect(byId(resources, K.imported).config.policy).toEqual(KEY_POLICY);
    expect(coverage).toContainEqual({
      accountId: ACCOUNT,
      region: REGION,
      service: 'kms',
      operation: 'GetKeyPolicy',
      resourceType: 'AWS::KMS::Key',
      resourceArn: arn(K.data),
      error: { code: 'AccessDeniedException', message: expect.stringContaining('is not authorized to perform: kms:GetKeyPolicy') },
      count: 1,
    });
  });

  it('an unparsable key policy is unknown, not absent', async () => {
    kms.on(GetKeyPolicyCommand, { KeyId: K.imported }).resolves({ Policy: '{"Version":"2012-10-17","Statement":[', PolicyName: 'default', $metadata });
    const { resources, coverage } = await runCollector(kmsKey);
    expect(byId(resources, K.imported).config.policy).toEqual(unknown('UnparsablePolicy: kms:GetKeyPolicy'));
    expect(coverage).toContainEqual(
      expect.objectContaining({
        operation: 'GetKeyPolicy',
        resourceArn: arn(K.imported),
        error: { code: 'UnparsablePolicy', message: expect.stringMatching(/not valid JSON/) },
      }),
    );
  });

  it('a key deleted between ListKeys and DescribeKey is left out and named in coverage', async () => {
    kms.on(ListKeysCommand).resolves({
      Keys: [
        { KeyId: K.data, KeyArn: arn(K.data) },
        { KeyId: 'gone', KeyArn: arn('gone') },
      ],
      Truncated: false,
      $metadata,
    });
    const { resources, coverage } = await runCollector(kmsKey);
    expect(resources.map((r) => r.id)).toEqual([K.data]);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeKey',
        resourceArn: arn('gone'),
        error: { code: 'NotFoundException', message: expect.stringContaining('does not exist') },
      }),
    ]);
  });

  it('a key DescribeKey is denied on is kept: its described fields are unknown, its policy and tags still read', async () => {
    kms.on(DescribeKeyCommand, { KeyId: K.data }).rejects(accessDenied('kms:DescribeKey'));
    const { resources, coverage } = await runCollector(kmsKey);
    expect(resources).toHaveLength(7);
    const key = byId(resources, K.data);
    const denied = unknown('AccessDeniedException: kms:DescribeKey');
    expect(key.config).toMatchObject({
      manager: denied,
      origin: denied,
      state: denied,
      spec: denied,
      usage: denied,
      rotation: denied,
      keyMaterialImportedAt: denied,
    });
    expect(key.config.policy).toEqual(KEY_POLICY);
    expect(key.tags).toEqual({ owner: 'data-platform', environment: 'production', 'cost-center': '' });
    expect(key.name).toBe('alias/archive-data');
    expect(coverage).toContainEqual(
      expect.objectContaining({ operation: 'DescribeKey', resourceArn: arn(K.data), error: expect.objectContaining({ code: 'AccessDeniedException' }) }),
    );
    expect(sentOperations(kms.commandCalls(GetKeyRotationStatusCommand)).length, 'no rotation status asked of a key whose origin is unknown').toBe(0);
  });

  it('derives KeyUsage from a spec that allows one usage when the answer leaves it out; unknown otherwise', async () => {
    const withoutUsage = (id: string) => {
      const { KeyUsage: _usage, ...rest } = KEYS[id]!;
      return { KeyMetadata: rest, $metadata };
    };
    kms.on(DescribeKeyCommand, { KeyId: K.data }).resolves(withoutUsage(K.data));
    kms.on(DescribeKeyCommand, { KeyId: K.hmac }).resolves(withoutUsage(K.hmac));
    kms.on(DescribeKeyCommand, { KeyId: K.signing }).resolves(withoutUsage(K.signing));
    const { resources, coverage } = await runCollector(kmsKey);
    expect(byId(resources, K.data).config.usage).toBe('ENCRYPT_DECRYPT');
    expect(byId(resources, K.hmac).config.usage).toBe('GENERATE_VERIFY_MAC');
    // RSA keys encrypt or sign: nothing follows from the spec.
    expect(byId(resources, K.signing).config.usage).toEqual(unknown('UnexpectedResponse: kms:DescribeKey'));
    expect(byId(resources, K.signing).config.spec).toBe('RSA_2048');
    expect(coverage).toContainEqual(
      expect.objectContaining({
        operation: 'DescribeKey',
        resourceArn: arn(K.signing),
        error: { code: 'UnexpectedResponse', message: 'DescribeKey returned no KeyUsage' },
      }),
    );
  });

  it('a KeyManager the model does not know makes that field unknown, not the key', async () => {
    kms
      .on(DescribeKeyCommand, { KeyId: K.data })
      .resolves({ KeyMetadata: { ...KEYS[K.data]!, KeyManager: 'PARTNER' as KeyMetadata['KeyManager'] }, $metadata });
    const { resources } = await runCollector(kmsKey);
    const key = byId(resources, K.data);
    expect(key.config.manager).toEqual(unknown('UnexpectedResponse: kms:DescribeKey'));
    expect(key.config.origin).toBe('AWS_KMS');
  });

  it('aliases that cannot be listed are unknown for every key of the region, in one coverage entry', async () => {
    kms.on(ListAliasesCommand).rejects(accessDenied('kms:ListAliases'));
    const { resources, coverage } = await runCollector(kmsKey);
    expect(resources).toHaveLength(7);
    for (const key of resources) {
      expect(key.config.aliases).toEqual(unknown('AccessDeniedException: kms:ListAliases'));
      expect(key.name).toBe(key.id);
    }
    expect(coverage.filter((entry) => entry.operation === 'ListAliases')).toEqual([expect.objectContaining({ region: REGION, count: 1 })]);
  });

  it('a page of ListKeys that fails keeps the keys already read and records the incomplete list', async () => {
    kms.on(ListKeysCommand, { Marker: 'marker-2' }).rejects(accessDenied('kms:ListKeys'));
    const { resources, coverage } = await runCollector(kmsKey);
    expect(resources.map((r) => r.id).sort()).toEqual([K.data, K.awsS3].sort());
    expect(coverage).toContainEqual(expect.objectContaining({ operation: 'ListKeys', error: expect.objectContaining({ code: 'AccessDeniedException' }) }));
  });

  it('stops on a page token that repeats instead of looping', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: K.data, KeyArn: arn(K.data) }], Truncated: true, NextMarker: 'same', $metadata });
    const { resources, coverage } = await runCollector(kmsKey);
    expect(kms.commandCalls(ListKeysCommand)).toHaveLength(2);
    expect(resources.map((r) => r.id)).toEqual([K.data]);
    expect(coverage).toContainEqual(expect.objectContaining({ operation: 'ListKeys', error: expect.objectContaining({ code: 'RepeatedPageToken' }) }));
  });

  it('collects every region with that region’s client', async () => {
    const regionOfCall: string[] = [];
    kms.on(ListKeysCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      regionOfCall.push(region);
      const id = region === 'eu-west-1' ? K.data : K.awsS3;
      return { Keys: [{ KeyId: id, KeyArn: arn(id, region) }], Truncated: false, $metadata };
    });
    kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      return { KeyMetadata: metadata(input.KeyId, {}, region), $metadata };
    });
    const { resources } = await runCollector(kmsKey, { regions: ['eu-west-1', 'us-east-1'] });
    expect(regionOfCall.sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(resources.map((r) => [r.region, r.arn])).toEqual([
      ['eu-west-1', arn(K.data, 'eu-west-1')],
      ['us-east-1', arn(K.awsS3, 'us-east-1')],
    ]);
  });

  it('runs only the operations the selected fields need; the other fields are NotCollected', async () => {
    const { resources, coverage } = await runCollector(kmsKey, { fields: ['rotation'] });
    expect(new Set(sentOperations(kms.send.getCalls()))).toEqual(new Set(['ListKeys', 'DescribeKey', 'GetKeyRotationStatus']));
    const key = byId(resources, K.data);
    expect(key.config.policy).toEqual(unknown('NotCollected: kms:GetKeyPolicy'));
    expect(key.config.aliases).toEqual(unknown('NotCollected: kms:ListAliases'));
    expect(key.tags).toEqual(unknown('NotCollected: kms:ListResourceTags'));
    expect(key.config.rotation).toMatchObject({ enabled: true });
    expect(coverage.filter((entry) => entry.error.code !== 'NotReported')).toEqual([]);
  });
});
