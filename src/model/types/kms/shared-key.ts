/**
 * `AWS::KMS::SharedKey`: a KMS key of another account (the bank's) that this account is
 * contracted to use, as this account sees it. ListKeys never returns another account's key, so
 * the keys come from the configuration (requiredKeyArns) and each is probed from the observing
 * account with the calls KMS allows across accounts: DescribeKey, a GenerateDataKey dry run and
 * ListGrants. What KMS answers — including "no such key" and "access denied" — is the fact judged.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';

/** A DescribeKey field: null when DescribeKey did not describe the key (see `describe`). */
const described = <T extends TSchema>(schema: T) => MaybeSchema(Type.Union([schema, Type.Null()]));

export const SharedKeyGrant = Type.Object(
  {
    /** Whom the grant lets use the key: a role ARN or a service principal (rds.eu-west-1.amazonaws.com). */
    granteePrincipal: Type.Union([Type.String(), Type.Null()]),
    operations: Type.Array(Type.String()),
    /** Whether the grant is limited by an encryption context constraint. */
    constrained: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SharedKeyGrant = Static<typeof SharedKeyGrant>;

export const KmsSharedKeyConfig = Type.Object(
  {
    /**
     * How DescribeKey(KeyId=<ARN>) answered this account: `ok`; `not-found` (no such key, or none
     * this account can see); `access-denied` (the key policy does not let this account describe it).
     */
    describe: MaybeSchema(Type.Union([Type.Literal('ok'), Type.Literal('not-found'), Type.Literal('access-denied')])),
    /** KeyMetadata.AWSAccountId: the account that owns the key. */
    ownerAccountId: described(Type.String({ pattern: '^[0-9]{12}$' })),
    keyManager: described(Type.Union([Type.Literal('AWS'), Type.Literal('CUSTOMER')])),
    keyState: described(
      Type.String({ description: 'Enabled, Disabled, PendingDeletion, PendingImport, PendingReplicaDeletion, Unavailable, Creating, Updating' }),
    ),
    enabled: described(Type.Boolean()),
    keyUsage: described(Type.String({ description: 'ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT' })),
    keySpec: described(Type.String({ description: 'SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256 ...' })),
    origin: described(Type.String({ description: 'AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM, EXTERNAL_KEY_STORE' })),
    multiRegion: described(Type.Boolean()),
    /** When imported key material expires; null also when it does not expire or is not imported. */
    validTo: described(IsoDate),
    /** When a scheduled deletion happens; null also when none is scheduled. */
    deletionDate: described(IsoDate),
    /**
     * Whether this account may use the key, from GenerateDataKey with DryRun: `authorised`
     * (DryRunOperationException), `denied` (AccessDeniedException), `key-unusable` (the key is
     * disabled, in a state that refuses use, or not an encryption key; `dryRunAnswer` names the
     * code). Null: not probed, because DescribeKey found no such key.
     */
    usable: MaybeSchema(Type.Union([Type.Literal('authorised'), Type.Literal('denied'), Type.Literal('key-unusable'), Type.Null()])),
    /** The error code KMS answered the dry run with; null when not probed. */
    dryRunAnswer: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    /**
     * ListGrants on the key (which principals and AWS services hold grants). Often unknown: the
     * owner's key policy need not allow this account kms:ListGrants. Null: not listed, because
     * DescribeKey found no such key.
     */
    grants: MaybeSchema(Type.Union([Type.Array(SharedKeyGrant), Type.Null()])),
  },
  { additionalProperties: false },
);
export type KmsSharedKeyConfig = Static<typeof KmsSharedKeyConfig>;

const KEY_ARN = /^arn:[^:]+:kms:([^:]*):([0-9]{12}):key\/(.+)$/;

/**
 * The bank's key as a SaaS account sees it (id: the key ARN). Its ARN is not an AWS ARN: the
 * inventory and findings are keyed by ARN, and two accounts may use the same bank key, so each
 * observing account's view of it gets its own.
 */
export default defineResourceType({
  type: 'AWS::KMS::SharedKey',
  config: KmsSharedKeyConfig,
  arn: ({ partition, accountId, region, id }) => {
    const key = KEY_ARN.exec(id);
    return `arn:${partition}:kms:${region}:${accountId}:shared-key/${key !== null ? `${key[2]}/${key[3]}` : id}`;
  },
  // Its id is the shared key's own ARN.
  placeholders: { '<key-arn>': 'id' },
  example: {
    id: ({ region }) => `arn:aws:kms:${region}:999999999999:key/99999999-8888-7777-6666-555555555555`,
    config: ({ id }) => ({
      describe: 'ok',
      ownerAccountId: KEY_ARN.exec(id)?.[2] ?? '999999999999',
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      enabled: true,
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      origin: 'EXTERNAL',
      multiRegion: false,
      validTo: null,
      deletionDate: null,
      usable: 'authorised',
      dryRunAnswer: 'DryRunOperationException',
      grants: [],
    }),
  },
});
