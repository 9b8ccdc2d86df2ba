/** `AWS::KMS::Key`: DescribeKey, rotation status, key policy and aliases. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate, PolicyDocument } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { EXAMPLE_KEY_ID } from '../../example-defaults.js';
import { isUnknown } from '../../unknown.js';

export const KmsKeyConfig = Type.Object(
  {
    keyId: Type.String(),
    manager: Type.Union([Type.Literal('AWS'), Type.Literal('CUSTOMER')]),
    origin: Type.Union([Type.Literal('AWS_KMS'), Type.Literal('EXTERNAL'), Type.Literal('AWS_CLOUDHSM'), Type.Literal('EXTERNAL_KEY_STORE')]),
    state: Type.String({ description: 'Enabled, Disabled, PendingDeletion, PendingImport, PendingReplicaDeletion, Unavailable, Creating, Updating' }),
    spec: Type.String({ description: 'SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256 ...' }),
    usage: Type.String({ description: 'ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT' }),
    multiRegion: Type.Boolean(),
    /** Automatic rotation; null for keys that cannot rotate automatically (EXTERNAL, CloudHSM, asymmetric, HMAC). */
    rotation: MaybeSchema(
      Type.Union([
        Type.Object(
          {
            enabled: Type.Boolean(),
            periodDays: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
            nextRotationDate: Type.Union([IsoDate, Type.Null()]),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    policy: MaybeSchema(PolicyDocument),
    /** Imported key material (EXTERNAL origin) */
    keyMaterialExpires: Type.Union([Type.Boolean(), Type.Null()]),
    validTo: Type.Union([IsoDate, Type.Null()]),
    /** When the current imported key material was imported; null when not imported. */
    keyMaterialImportedAt: MaybeSchema(Type.Union([IsoDate, Type.Null()])),
    deletionDate: Type.Union([IsoDate, Type.Null()]),
    aliases: MaybeSchema(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type KmsKeyConfig = Static<typeof KmsKeyConfig>;

export default defineResourceType({
  type: 'AWS::KMS::Key',
  config: KmsKeyConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:kms:${region}:${accountId}:key/${id}`,
  // A key is referenced by its aliases too (`alias/bank-data`).
  alternativeIds: { fields: ['aliases'], ids: (config) => (isUnknown(config.aliases) ? [] : config.aliases) },
  placeholders: { '<key-id>': 'id', '<key-arn>': 'arn' },
  example: {
    id: () => EXAMPLE_KEY_ID,
    config: ({ accountId, id }) => ({
      keyId: id,
      manager: 'CUSTOMER',
      origin: 'AWS_KMS',
      state: 'Enabled',
      spec: 'SYMMETRIC_DEFAULT',
      usage: 'ENCRYPT_DECRYPT',
      multiRegion: false,
      rotation: { enabled: true, periodDays: 365, nextRotationDate: null },
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
        ],
      },
      keyMaterialExpires: null,
      validTo: null,
      keyMaterialImportedAt: null,
      deletionDate: null,
      aliases: [],
    }),
  },
});
