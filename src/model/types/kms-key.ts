/** `AWS::KMS::Key`: DescribeKey, rotation status, key policy and aliases. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';
import { IsoDate, PolicyDocument } from '../common.js';

export const KmsKeyConfig = Type.Object(
  {
    keyId: Type.String(),
    manager: Type.Union([Type.Literal('AWS'), Type.Literal('CUSTOMER')]),
    origin: Type.Union([
      Type.Literal('AWS_KMS'),
      Type.Literal('EXTERNAL'),
      Type.Literal('AWS_CLOUDHSM'),
      Type.Literal('EXTERNAL_KEY_STORE'),
    ]),
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
