/**
 * The same KMS keys through both sources: the API collector against a mocked KMS and the Config
 * source against items recording the same keys agree on everything Config records; the key policy,
 * the aliases (hence the name) and the rotation of keys that can rotate are NotInConfig — unknown,
 * never a default — and named in the normaliser's `missing`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import kmsKey from '../../../src/collect/collectors/kms/key.js';
import { readConfigItem } from '../../../src/collect/config-source/config-item.js';
import { configCollector } from '../../../src/collect/config-source/config-collectors.js';
import { notInConfig, notInConfigFields } from '../../../src/collect/config-source/normaliser.js';
import { normaliseKmsKey } from '../../../src/collect/collectors/kms/key-from-config.js';
import type { Resource } from '../../../src/model/resource.js';
import { isUnknown, unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, runCollector } from '../support/harness.js';
import { $metadata, answerSelect, configItem } from './config-items.js';

const REGION = 'eu-west-1';
const arn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
const K = {
  data: 'mrk-1234abcd12ab34cd56ef1234567890ab',
  legacy: '0987dcba-09fe-87dc-65ba-ab0987654321',
  signing: 'bbbb1111-2222-3333-4444-555566667777',
  imported: 'aaaa1111-2222-3333-4444-555566667777',
};
const POLICY = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

interface KeyState {
  readonly metadata: KeyMetadata;
  readonly tags: Record<string, string>;
  /** The item's `configuration` beyond what follows from the metadata (older items lack keySpec, multiRegion). */
  readonly legacyItem?: boolean;
}

function metadata(id: string, overrides: Partial<KeyMetadata> = {}): KeyMetadata {
  return {
    AWSAccountId: ACCOUNT,
    KeyId: id,
    Arn: arn(id),
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

let KEYS: Record<string, KeyState>;

function scenario(): void {
  KEYS = {
    [K.data]: {
      metadata: metadata(K.data, { MultiRegion: true, MultiRegionConfiguration: { MultiRegionKeyType: 'PRIMARY' } }),
      tags: { owner: 'data-platform', 'cost-center': '' },
    },
    // An item recorded before KMS reported KeySpec and MultiRegion.
    [K.legacy]: { metadata: metadata(K.legacy, { KeyManager: 'AWS', Description: 'Default key that protects my S3 objects' }), tags: {}, legacyItem: true },
    [K.signing]: {
      metadata: metadata(K.signing, {
        KeyUsage: 'SIGN_VERIFY',
        KeySpec: 'RSA_2048',
        CustomerMasterKeySpec: 'RSA_2048',
        KeyState: 'PendingDeletion',
        DeletionDate: new Date('2026-03-20T00:00:00Z'),
        Enabled: false,
        EncryptionAlgorithms: undefined,
        SigningAlgorithms: ['RSASSA_PSS_SHA_256'],
      }),
      tags: {},
    },
    [K.imported]: {
      metadata: metadata(K.imported, { Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date('2026-09-30T00:00:00Z') }),
      tags: { environment: 'production' },
    },
  };
}

const iso = (date: Date | undefined) => (date === undefined ? null : date.toISOString());

/** The key as its configuration item records it: KeyMetadata in camelCase, dates as ISO strings. */
function keyItem(state: KeyState): string {
  const m = state.metadata;
  const configuration: Record<string, unknown> = {
    awsaccountId: m.AWSAccountId,
    keyId: m.KeyId,
    arn: m.Arn,
    creationDate: iso(m.CreationDate),
    enabled: m.Enabled,
    description: m.Description,
    keyUsage: m.KeyUsage,
    keyState: m.KeyState,
    deletionDate: iso(m.DeletionDate),
    validTo: iso(m.ValidTo),
    origin: m.Origin,
    expirationModel: m.ExpirationModel ?? null,
    keyManager: m.KeyManager,
    customerMasterKeySpec: m.CustomerMasterKeySpec,
    encryptionAlgorithms: m.EncryptionAlgorithms ?? null,
    signingAlgorithms: m.SigningAlgorithms ?? null,
  };
  if (state.legacyItem !== true) Object.assign(configuration, { keySpec: m.KeySpec, multiRegion: m.MultiRegion });
  return configItem({
    resourceType: 'AWS::KMS::Key',
    resourceId: m.KeyId!,
    arn: m.Arn!,
    awsRegion: REGION,
    configuration,
    supplementaryConfiguration: { KeyRotationStatus: true },
    tags: state.tags,
  });
}

const kms = mockClient(KMSClient);
const config = mockClient(ConfigServiceClient);

function wire(): void {
  kms.on(ListKeysCommand).callsFake(() => ({ Keys: Object.keys(KEYS).map((id) => ({ KeyId: id, KeyArn: arn(id) })), Truncated: false, $metadata }));
  kms.on(ListAliasesCommand).callsFake(() => ({
    Aliases: [
      { AliasName: 'alias/bank-data', AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/bank-data`, TargetKeyId: K.data },
      { AliasName: 'alias/aws/s3', AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/s3`, TargetKeyId: K.legacy },
    ],
    Truncated: false,
    $metadata,
  }));
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => ({ KeyMetadata: KEYS[input.KeyId]!.metadata, $metadata }));
  kms.on(GetKeyRotationStatusCommand).callsFake((input: { KeyId: string }) => ({
    KeyRotationEnabled: true,
    KeyId: arn(input.KeyId),
    RotationPeriodInDays: 365,
    NextRotationDate: new Date('2026-05-01T00:00:00Z'),
    $metadata,
  }));
  kms.on(GetKeyPolicyCommand).callsFake(() => ({ Policy: JSON.stringify(POLICY), PolicyName: 'default', $metadata }));
  kms.on(ListResourceTagsCommand).callsFake((input: { KeyId: string }) => ({
    Tags: Object.entries(KEYS[input.KeyId]!.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
    Truncated: false,
    $metadata,
  }));
  answerSelect(config, (region, type) => (type === 'AWS::KMS::Key' && region === REGION ? Object.values(KEYS).map(keyItem) : []));
}

beforeEach(() => {
  kms.reset();
  config.reset();
  scenario();
  wire();
});

afterEach(() => {
  kms.reset();
  config.reset();
});

describe('KMS key: API and Config give the same resource', () => {
  it('agrees on everything Config records; policy, aliases, name and rotation are NotInConfig', async () => {
    const api = await runCollector(kmsKey);
    const fromConfig = await runCollector(configCollector('AWS::KMS::Key'));
    expect(fromConfig.resources.map((r) => r.id)).toEqual(api.resources.map((r) => r.id));
    // The imported key's import date is reported by neither source.
    expect(fromConfig.coverage).toEqual([
      expect.objectContaining({ operation: 'SelectResourceConfig', resourceArn: arn(K.imported), error: expect.objectContaining({ code: 'NotReported' }) }),
    ]);

    for (const apiKey of api.resources) {
      const configKey = byId(fromConfig.resources, apiKey.id);
      expect(configKey.source).toBe('config');
      const canRotate = apiKey.config.rotation !== null;
      expect(notInConfigFields(configKey).sort()).toEqual((canRotate ? ['aliases', 'policy', 'rotation'] : ['aliases', 'policy']).sort());
      expect(configKey.config.policy).toEqual(unknown('NotInConfig: policy'));
      expect(configKey.config.aliases).toEqual(unknown('NotInConfig: aliases'));
      expect(configKey.config.rotation).toEqual(canRotate ? unknown('NotInConfig: rotation') : null);
      // Named by its id until the aliases are read, as the API collector names a key whose aliases it did not list.
      expect(configKey.name).toBe(apiKey.id);
      expect(isUnknown(configKey.config.keyMaterialImportedAt)).toBe(isUnknown(apiKey.config.keyMaterialImportedAt));

      const patched: Resource<'AWS::KMS::Key'> = {
        ...configKey,
        name: apiKey.name,
        config: {
          ...configKey.config,
          policy: apiKey.config.policy,
          aliases: apiKey.config.aliases,
          rotation: apiKey.config.rotation,
          keyMaterialImportedAt: apiKey.config.keyMaterialImportedAt,
        },
      };
      const { source: _s, observedAt: _o, ...configRest } = patched;
      const { source: _s2, observedAt: _o2, ...apiRest } = apiKey;
      expect(configRest).toStrictEqual(apiRest);
    }
  });

  it('names what it lacks in the normaliser result, and reads a multi-Region key from its id in older items', () => {
    const read = readConfigItem(keyItem(KEYS[K.data]!));
    if (read.kind !== 'item') throw new Error(read.kind);
    const result = normaliseKmsKey(read.item, { partition: 'aws', unreadable: () => unknown('x') });
    expect(result.ok && [...result.missing].sort()).toEqual(['aliases', 'name', 'policy', 'rotation']);

    const legacy = readConfigItem(keyItem({ ...KEYS[K.data]!, legacyItem: true }));
    if (legacy.kind !== 'item') throw new Error(legacy.kind);
    const fromLegacy = normaliseKmsKey(legacy.item, { partition: 'aws', unreadable: () => unknown('x') });
    expect(fromLegacy.ok && fromLegacy.resource.config.multiRegion).toBe(true);
  });

  it('keeps an imported key whose item does not say when its material expires: validTo is NotInConfig, never "does not expire"', async () => {
    KEYS[K.imported] = { ...KEYS[K.imported]!, metadata: { ...KEYS[K.imported]!.metadata, ValidTo: undefined } };
    const { resources } = await runCollector(configCollector('AWS::KMS::Key'));
    const kept = byId(resources, K.imported);
    expect(kept.config.validTo).toEqual(notInConfig('validTo'));
    expect(kept.config.keyMaterialExpires).toBe(true);
    expect(notInConfigFields(kept)).toContain('validTo');
  });

  it('keeps a key whose item lacks its manager and usage: the manager is NotInConfig, the usage follows from the spec', async () => {
    const { KeyManager: _manager, KeyUsage: _usage, ...metadata } = KEYS[K.data]!.metadata;
    KEYS[K.data] = { ...KEYS[K.data]!, metadata };
    const { resources } = await runCollector(configCollector('AWS::KMS::Key'));
    const kept = byId(resources, K.data);
    expect(kept.config.manager).toEqual(notInConfig('manager'));
    expect(kept.config.usage).toBe('ENCRYPT_DECRYPT');
  });
});
