/**
 * `AWS::KMS::Key` from its configuration item, whose `configuration` is DescribeKey's KeyMetadata
 * in camelCase (`keyManager`, `origin`, `keyState`, `keySpec` or, in older items, only
 * `customerMasterKeySpec`, `expirationModel`, `validTo`, `deletionDate`, `creationDate`).
 *
 * Config does not record the key policy, the key's aliases, nor its rotation period and next
 * rotation date (`supplementaryConfiguration.KeyRotationStatus` is a bare boolean, too little for
 * the model): `policy`, `aliases` and — for keys that can rotate automatically — `rotation` are
 * NotInConfig, and the name is the key id until the aliases are read (as the API collector names a
 * key whose aliases it did not list). What the item does not hold — a key whose imported material
 * expires without saying until when, a field an older item lacks — is NotInConfig, never guessed.
 */
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { KmsKeyConfig } from '../../../model/types/kms/key.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { FieldOf } from '../../contract/collector.js';
import { bool, configDate, str, type ConfigItem } from '../../config-source/config-item.js';
import { usageOfSpec } from './key-usage.js';
import { configResource, notInConfig, UNEXPECTED_CONFIG_ITEM, type NormaliseContext, type Normalised } from '../../config-source/normaliser.js';

type Field = FieldOf<'AWS::KMS::Key'>;

export const KMS_CONFIG_FILLS: readonly Field[] = [
  'keyId',
  'manager',
  'origin',
  'state',
  'spec',
  'usage',
  'multiRegion',
  'keyMaterialExpires',
  'validTo',
  'keyMaterialImportedAt',
  'deletionDate',
  'createdAt',
  'tags',
];

/** Never in a configuration item (`rotation` only for keys that can rotate; `name` follows the aliases). */
export const KMS_NOT_IN_CONFIG: readonly Field[] = ['policy', 'aliases', 'rotation', 'name'];

const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/** Multi-Region key ids begin with `mrk-` (KMS documents the prefix). */
const MULTI_REGION_KEY_ID = /^mrk-/;

export function normaliseKmsKey(item: ConfigItem, ctx: NormaliseContext): Normalised<'AWS::KMS::Key'> {
  const c = item.configuration;
  const keyId = str(c['keyId']) ?? item.resourceId;
  const arn = str(c['arn']) ?? item.arn ?? arnFor('AWS::KMS::Key', item.accountId, item.awsRegion, keyId, ctx.partition);
  const missing: Field[] = ['policy', 'aliases', 'name'];
  // What the item does not hold is NotInConfig (named in coverage); what it holds that the model does not know is unreadable.
  const reported = <V>(value: V | undefined, field: Field & keyof KmsKeyConfig): Maybe<V> => {
    if (value !== undefined) return value;
    missing.push(field);
    return notInConfig(field);
  };
  const unexpected = (field: string, value: unknown): Unknown =>
    ctx.unreadable(arn, UNEXPECTED_CONFIG_ITEM, `key ${keyId}: unexpected ${field} ${String(value)}`);
  const known = <V extends string>(value: string | undefined, allowed: readonly V[], field: Field & keyof KmsKeyConfig, name: string): Maybe<V> =>
    value === undefined ? reported<V>(undefined, field) : (allowed as readonly string[]).includes(value) ? (value as V) : unexpected(name, value);

  const manager = known(str(c['keyManager']), ['AWS', 'CUSTOMER'] as const, 'manager', 'keyManager');
  const origin = known(str(c['origin']), ORIGINS, 'origin', 'origin');
  const state = reported(str(c['keyState']), 'state');
  const specText = str(c['keySpec']) ?? str(c['customerMasterKeySpec']);
  const spec = reported(specText, 'spec');
  const usage = reported(str(c['keyUsage']) ?? usageOfSpec(specText), 'usage');

  // KMS reports an expiration model for imported key material only.
  const expiration = str(c['expirationModel']);
  const imported: Maybe<boolean> = isUnknown(origin) ? origin : origin === 'EXTERNAL' && state !== 'PendingImport';
  let keyMaterialExpires: Maybe<boolean | null>;
  if (expiration === 'KEY_MATERIAL_EXPIRES') keyMaterialExpires = true;
  else if (expiration === 'KEY_MATERIAL_DOES_NOT_EXPIRE') keyMaterialExpires = false;
  else if (expiration !== undefined) keyMaterialExpires = unexpected('expirationModel', expiration);
  else if (imported === false) keyMaterialExpires = null;
  // Imported material (or perhaps imported: the origin is unknown) and the item does not say whether it expires.
  else keyMaterialExpires = reported<boolean>(undefined, 'keyMaterialExpires');
  const validToDate = configDate(c['validTo']);
  // Material that expires, in an item that does not say until when: unknown, never "does not expire".
  const validTo: Maybe<string | null> =
    validToDate === null && keyMaterialExpires !== false && imported !== false ? reported<string>(undefined, 'validTo') : validToDate;

  // Only symmetric keys with KMS-generated material rotate automatically; the others have no rotation status.
  let rotation: CollectedConfig<KmsKeyConfig>['rotation'] = null;
  if (isUnknown(origin)) rotation = origin;
  else if (isUnknown(spec)) rotation = spec;
  else if (origin === 'AWS_KMS' && spec === 'SYMMETRIC_DEFAULT') {
    rotation = notInConfig('rotation');
    missing.push('rotation');
  }

  const config: CollectedConfig<KmsKeyConfig> = {
    keyId,
    manager,
    origin,
    state,
    spec,
    usage,
    multiRegion: bool(c['multiRegion']) ?? MULTI_REGION_KEY_ID.test(keyId),
    rotation,
    policy: notInConfig('policy'),
    keyMaterialExpires,
    validTo,
    // No read API reports when imported material was imported (see the API collector): unknown, with coverage.
    keyMaterialImportedAt: isUnknown(imported)
      ? imported
      : imported
        ? ctx.unreadable(arn, 'NotReported', 'KMS does not report when imported key material was imported')
        : null,
    deletionDate: configDate(c['deletionDate']),
    aliases: notInConfig('aliases'),
  };
  const resource = configResource(item, ctx, { type: 'AWS::KMS::Key', arn, id: keyId, name: keyId, config, createdAt: c['creationDate'] });
  return { ok: true, resource, missing };
}
