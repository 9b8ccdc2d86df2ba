/**
 * KMS (JSON 1.1, `TrentService.*`): the region's keys and aliases, each key described, its rotation
 * status, default key policy and tags; EnableKeyRotation and TagResource change the key. Timestamps are epoch seconds; lists page with
 * `Marker` / `NextMarker` / `Truncated`.
 */
import type { Key, SyntheticAccount } from './account.js';
import { change } from './state.js';
import { epoch, jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type Reply, type ServiceHandler } from './wire.js';

interface Input {
  KeyId?: string;
  Marker?: string;
  Limit?: number;
  PolicyName?: string;
  RotationPeriodInDays?: number;
  Tags?: { TagKey: string; TagValue: string }[];
}

function paged<T>(all: readonly T[], input: Input, fallback: number, max: number, field: string): Reply {
  const { items, next } = page(all, input.Marker, pageSize(input.Limit, fallback, max));
  return jsonReply({ [field]: items, Truncated: next !== undefined, ...(next !== undefined ? { NextMarker: next } : {}) });
}

function keyPolicy(accountId: string, key: Key): string {
  const statements: unknown[] = [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
  ];
  if (key.manager === 'AWS') {
    statements.push({
      Sid: 'Allow access through the service',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': accountId } },
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: statements }, null, 2);
}

const FOREIGN_KEY_ARN = /^arn:aws:kms:([a-z0-9-]+):([0-9]{12}):key\/(.+)$/;

/**
 * Another account's key named by ARN (the bank's key shared with a tenant account): answered as KMS
 * answers the tenant when the bank's key policy lets it use the key but not list its grants.
 */
function sharedKey(operation: string, keyArn: string, owner: string, account: SyntheticAccount): Reply {
  switch (operation) {
    case 'DescribeKey':
      return jsonReply({
        KeyMetadata: {
          AWSAccountId: owner,
          Arn: keyArn,
          CreationDate: epoch(account.now) - 400 * 86_400,
          CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          Description: 'Bank data key (BYOK)',
          Enabled: true,
          EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
          ExpirationModel: 'KEY_MATERIAL_EXPIRES',
          KeyId: keyArn.slice(keyArn.indexOf('key/') + 4),
          KeyManager: 'CUSTOMER',
          KeySpec: 'SYMMETRIC_DEFAULT',
          KeyState: 'Enabled',
          KeyUsage: 'ENCRYPT_DECRYPT',
          MultiRegion: false,
          Origin: 'EXTERNAL',
          ValidTo: epoch(account.now) + 200 * 86_400,
        },
      });
    case 'GenerateDataKey':
      return jsonError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.', '1.1', 412);
    default:
      return jsonError(
        'AccessDeniedException',
        `User: arn:aws:sts::${account.accountId}:assumed-role/vigil/vigil is not authorized to perform: kms:${operation} on resource: ${keyArn}`,
      );
  }
}

export function kms(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const keys = account.keys.filter((k) => k.region === region);
    const arn = (k: Key) => `arn:aws:kms:${region}:${account.accountId}:key/${k.id}`;
    const operation = jsonOperation(request);
    if (operation === 'ListKeys')
      return paged(
        keys.map((k) => ({ KeyId: k.id, KeyArn: arn(k) })),
        input,
        1000,
        1000,
        'Keys',
      );
    if (operation === 'ListAliases') {
      const aliases: Record<string, unknown>[] = keys.flatMap((k) =>
        k.alias === undefined
          ? []
          : [
              {
                AliasName: k.alias,
                AliasArn: `arn:aws:kms:${region}:${account.accountId}:${k.alias}`,
                TargetKeyId: k.id,
                CreationDate: epoch(k.createdAt),
                LastUpdatedDate: epoch(k.createdAt),
              },
            ],
      );
      // AWS-managed aliases exist before their key does.
      aliases.push({ AliasName: 'alias/aws/dynamodb', AliasArn: `arn:aws:kms:${region}:${account.accountId}:alias/aws/dynamodb` });
      return paged(aliases, input, 50, 100, 'Aliases');
    }

    const foreign = FOREIGN_KEY_ARN.exec(input.KeyId ?? '');
    if (foreign !== null && foreign[2] !== account.accountId) return sharedKey(operation, input.KeyId ?? '', foreign[2] ?? '', account);
    const key = keys.find((k) => k.id === input.KeyId || arn(k) === input.KeyId);
    if (key === undefined) return jsonError('NotFoundException', `Key '${String(input.KeyId)}' does not exist`);
    switch (operation) {
      case 'DescribeKey':
        return jsonReply({
          KeyMetadata: {
            AWSAccountId: account.accountId,
            Arn: arn(key),
            CreationDate: epoch(key.createdAt),
            CustomerMasterKeySpec: key.spec,
            Description: key.manager === 'AWS' ? 'Default key that protects my data when no other key is defined' : '',
            Enabled: key.state === 'Enabled',
            EncryptionAlgorithms: key.spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
            ...(key.origin === 'EXTERNAL' ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } : {}),
            KeyId: key.id,
            KeyManager: key.manager,
            KeySpec: key.spec,
            KeyState: key.state,
            KeyUsage: 'ENCRYPT_DECRYPT',
            MultiRegion: false,
            Origin: key.origin,
          },
        });
      case 'GetKeyRotationStatus':
        if (key.origin !== 'AWS_KMS' || key.spec !== 'SYMMETRIC_DEFAULT')
          return jsonError('UnsupportedOperationException', 'rotation is not supported for this key');
        return jsonReply({
          KeyId: arn(key),
          KeyRotationEnabled: key.rotation,
          ...(key.rotation ? { RotationPeriodInDays: key.rotationPeriodDays ?? 365, NextRotationDate: epoch(account.now) + 90 * 86_400 } : {}),
        });
      case 'EnableKeyRotation': {
        // As KMS answers: AWS-managed keys rotate on their own, imported and asymmetric keys cannot.
        if (key.manager === 'AWS') return jsonError('AccessDeniedException', `You cannot change the rotation of AWS managed key ${arn(key)}`);
        if (key.origin !== 'AWS_KMS' || key.spec !== 'SYMMETRIC_DEFAULT')
          return jsonError('UnsupportedOperationException', `${arn(key)} origin is ${key.origin} which is not valid for this operation.`);
        if (key.state !== 'Enabled') return jsonError('KMSInvalidStateException', `${arn(key)} is disabled.`);
        const period = input.RotationPeriodInDays;
        if (period !== undefined && (!Number.isInteger(period) || period < 90 || period > 2560))
          return jsonError('ValidationException', 'RotationPeriodInDays must be between 90 and 2560');
        change(key, { rotation: true, ...(period !== undefined && { rotationPeriodDays: period }) });
        return jsonReply({});
      }
      case 'TagResource': {
        const tags = { ...key.tags };
        for (const tag of input.Tags ?? []) tags[tag.TagKey] = tag.TagValue;
        change(key, { tags });
        return jsonReply({});
      }
      case 'GetKeyPolicy':
        return jsonReply({ Policy: keyPolicy(account.accountId, key), PolicyName: 'default' });
      case 'ListResourceTags':
        return paged(
          Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
          input,
          50,
          50,
          'Tags',
        );
      default:
        return jsonError('UnknownOperationException', `the fake KMS does not answer ${operation}`);
    }
  };
}
