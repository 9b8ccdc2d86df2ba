/**
 * `AWS::KMS::Key` from its configuration item, whose `configuration` is DescribeKey's KeyMetadata
 * in camelCase (`keyManager`, `origin`, `keyState`, `keySpec` or, in older items, only
 * `customerMasterKeySpec`, `expirationModel`, `validTo`, `deletionDate`, `creationDate`).
 *
 * Config does not record the key policy, the key's aliases, nor its rotation period and next
 * rotation date (`supplementaryConfiguration.KeyRotationStatus` is a bare boolean, too little for
 * the model): `policy`, `aliases` and — for keys that can rotate automatically — `rotation` are
 * NotInConfig, and the name is the key id until the aliases are read (as the API collector names a
 * key whose aliases it did not list). A key whose imported material expires, in an item that does
 * not say until when, cannot be modelled from Config and is left out (coverage names it).
 */
import { arnFor } from '../../../model/arn.js';
import type { KmsKeyConfig } from '../../../model/types/kms-key.js';
import type { FieldOf } from '../../collector.js';
import { bool, configDate, str, type ConfigItem } from '../config-item.js';
import { configResource, leftOut, NOT_IN_CONFIG, notInConfig, UNEXPECTED_CONFIG_ITEM, type NormaliseContext, type Normalised } from '../normaliser.js';

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
type Origin = (typeof ORIGINS)[number];

/** Multi-Region key ids begin with `mrk-` (KMS documents the prefix). */
const MULTI_REGION_KEY_ID = /^mrk-/;

export function normaliseKmsKey(item: ConfigItem, ctx: NormaliseContext): Normalised<'AWS::KMS::Key'> {
  const c = item.configuration;
  const keyId = str(c['keyId']) ?? item.resourceId;
  const arn = str(c['arn']) ?? item.arn ?? arnFor('AWS::KMS::Key', item.accountId, item.awsRegion, keyId, ctx.partition);
  const out = (message: string, code = UNEXPECTED_CONFIG_ITEM) => leftOut(arn, code, `key ${keyId}: ${message}`);

  const manager = str(c['keyManager']);
  if (manager !== 'AWS' && manager !== 'CUSTOMER') return out(`unexpected keyManager ${String(manager)}`);
  const origin = str(c['origin']);
  if (origin === undefined || !(ORIGINS as readonly string[]).includes(origin)) return out(`unexpected origin ${String(origin)}`);
  const state = str(c['keyState']);
  if (state === undefined) return out('no keyState');
  const spec = str(c['keySpec']) ?? str(c['customerMasterKeySpec']);
  if (spec === undefined) return out('no keySpec');
  const usage = str(c['keyUsage']);
  if (usage === undefined) return out('no keyUsage');

  // KMS reports an expiration model for imported key material only.
  const expiration = str(c['expirationModel']);
  const imported = origin === 'EXTERNAL' && state !== 'PendingImport';
  let keyMaterialExpires: boolean | null;
  if (expiration === 'KEY_MATERIAL_EXPIRES') keyMaterialExpires = true;
  else if (expiration === 'KEY_MATERIAL_DOES_NOT_EXPIRE') keyMaterialExpires = false;
  else if (expiration === undefined && !imported) keyMaterialExpires = null;
  else return out(expiration === undefined ? 'the item does not say whether the imported key material expires' : `unexpected expirationModel ${expiration}`, expiration === undefined ? NOT_IN_CONFIG : UNEXPECTED_CONFIG_ITEM);
  const validTo = configDate(c['validTo']);
  if (keyMaterialExpires === true && validTo === null) return out('the item does not say when the imported key material expires', NOT_IN_CONFIG);

  const missing: Field[] = ['policy', 'aliases', 'name'];
  // Only symmetric keys with KMS-generated material rotate automatically; the others have no rotation status.
  let rotation: KmsKeyConfig['rotation'] = null;
  if (origin === 'AWS_KMS' && spec === 'SYMMETRIC_DEFAULT') {
    rotation = notInConfig('rotation');
    missing.push('rotation');
  }

  const config: KmsKeyConfig = {
    keyId,
    manager,
    origin: origin as Origin,
    state,
    spec,
    usage,
    multiRegion: bool(c['multiRegion']) ?? MULTI_REGION_KEY_ID.test(keyId),
    rotation,
    policy: notInConfig('policy'),
    keyMaterialExpires,
    validTo,
    // No read API reports when imported material was imported (see the API collector): unknown, with coverage.
    keyMaterialImportedAt: imported ? ctx.unreadable(arn, 'NotReported', 'KMS does not report when imported key material was imported') : null,
    deletionDate: configDate(c['deletionDate']),
    aliases: notInConfig('aliases'),
  };
  const resource = configResource(item, ctx, { type: 'AWS::KMS::Key', arn, id: keyId, name: keyId, config, createdAt: c['creationDate'] });
  return { ok: true, resource, missing };
}
