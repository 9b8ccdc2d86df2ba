/** `AWS::Account`: account-wide settings, one per account, region `global`. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate, PublicAccessBlock } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { STRONG_PASSWORD_POLICY } from '../../example-defaults.js';

export const PasswordPolicy = Type.Object(
  {
    minimumLength: Type.Integer({ minimum: 0 }),
    requireSymbols: Type.Boolean(),
    requireNumbers: Type.Boolean(),
    requireUppercase: Type.Boolean(),
    requireLowercase: Type.Boolean(),
    allowUsersToChangePassword: Type.Boolean(),
    /** Days; null when passwords never expire. */
    maxPasswordAgeDays: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    /** How many previous passwords cannot be reused; null when not set. */
    passwordReusePrevention: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    hardExpiry: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PasswordPolicy = Static<typeof PasswordPolicy>;

export const RootAccessKey = Type.Object(
  {
    active: Type.Boolean(),
    lastRotated: Type.Union([IsoDate, Type.Null()]),
    lastUsed: Type.Union([IsoDate, Type.Null()]),
  },
  { additionalProperties: false },
);

export const RootCredentials = Type.Object(
  {
    /** The root user has a console password (IAM GetAccountSummary `AccountPasswordPresent`). */
    passwordPresent: Type.Boolean(),
    /**
     * The organization manages member-account root credentials centrally (IAM
     * `RootCredentialsManagement` feature, read from the management account), so a root user
     * without credentials cannot recover a password. false for standalone and management accounts.
     */
    centrallyManaged: MaybeSchema(Type.Boolean()),
    mfaActive: Type.Boolean(),
    passwordLastUsed: Type.Union([IsoDate, Type.Null()]),
    accessKeys: Type.Array(RootAccessKey),
  },
  { additionalProperties: false },
);
export type RootCredentials = Static<typeof RootCredentials>;

export const AccountConfig = Type.Object(
  {
    /** null: the account has no password policy (IAM answers NoSuchEntity). */
    passwordPolicy: MaybeSchema(Type.Union([PasswordPolicy, Type.Null()])),
    root: MaybeSchema(RootCredentials),
    /** IAM users in the account (IAM GetAccountSummary `Users`). */
    iamUserCount: MaybeSchema(Type.Integer({ minimum: 0 })),
    /** null: no account-level S3 Block Public Access configuration (all four settings off). */
    s3PublicAccessBlock: MaybeSchema(Type.Union([PublicAccessBlock, Type.Null()])),
  },
  { additionalProperties: false },
);
export type AccountConfig = Static<typeof AccountConfig>;

export default defineResourceType({
  type: 'AWS::Account',
  config: AccountConfig,
  global: true,
  arn: ({ partition, accountId }) => `arn:${partition}:::${accountId}`,
  example: {
    id: ({ accountId }) => accountId,
    config: () => ({
      passwordPolicy: STRONG_PASSWORD_POLICY,
      root: { passwordPresent: true, centrallyManaged: false, mfaActive: true, passwordLastUsed: null, accessKeys: [] },
      s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      iamUserCount: 1,
    }),
  },
});
