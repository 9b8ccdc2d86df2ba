/** `AWS::S3::Bucket`: a general-purpose bucket and the sub-documents that decide its posture. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { PolicyDocument, PublicAccessBlock } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { exampleKeyArn, tlsOnlyStatement } from '../../example-defaults.js';

const S3Permission = Type.Union([
  Type.Literal('FULL_CONTROL'),
  Type.Literal('READ'),
  Type.Literal('WRITE'),
  Type.Literal('READ_ACP'),
  Type.Literal('WRITE_ACP'),
]);

export const AclGrant = Type.Object(
  {
    grantee: Type.Object(
      {
        type: Type.Union([Type.Literal('CanonicalUser'), Type.Literal('Group'), Type.Literal('AmazonCustomerByEmail')]),
        id: Type.Optional(Type.String()),
        uri: Type.Optional(Type.String()),
        emailAddress: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    permission: S3Permission,
  },
  { additionalProperties: false },
);
export type AclGrant = Static<typeof AclGrant>;

const StorageClass = Type.String({ description: 'S3 storage class, e.g. GLACIER, DEEP_ARCHIVE, GLACIER_IR, STANDARD_IA' });

export const LifecycleRule = Type.Object(
  {
    id: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('Enabled'), Type.Literal('Disabled')]),
    /** Object key prefix the rule is limited to; '' for the whole bucket. */
    prefix: Type.String(),
    transitions: Type.Array(
      Type.Object(
        {
          days: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
          date: Type.Union([Type.String(), Type.Null()]),
          storageClass: StorageClass,
        },
        { additionalProperties: false },
      ),
    ),
    noncurrentVersionTransitions: Type.Array(
      Type.Object({ noncurrentDays: Type.Integer({ minimum: 0 }), storageClass: StorageClass }, { additionalProperties: false }),
    ),
    expirationDays: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type LifecycleRule = Static<typeof LifecycleRule>;

export const EncryptionRule = Type.Object(
  {
    sseAlgorithm: Type.Union([Type.Literal('AES256'), Type.Literal('aws:kms'), Type.Literal('aws:kms:dsse')]),
    /** Key id, key ARN or alias ARN as S3 returns it; null means the AWS-managed key aws/s3. */
    kmsMasterKeyId: Type.Union([Type.String(), Type.Null()]),
    bucketKeyEnabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type EncryptionRule = Static<typeof EncryptionRule>;

export const ObjectLock = Type.Object(
  {
    enabled: Type.Boolean(),
    defaultRetention: Type.Union([
      Type.Object(
        {
          mode: Type.Union([Type.Literal('GOVERNANCE'), Type.Literal('COMPLIANCE')]),
          days: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
          years: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type ObjectLock = Static<typeof ObjectLock>;

export const S3BucketConfig = Type.Object(
  {
    /** null: no bucket-level Block Public Access configuration. */
    publicAccessBlock: MaybeSchema(Type.Union([PublicAccessBlock, Type.Null()])),
    /** null: the bucket has no policy. */
    policy: MaybeSchema(Type.Union([PolicyDocument, Type.Null()])),
    acl: MaybeSchema(Type.Object({ ownerId: Type.String(), grants: Type.Array(AclGrant) }, { additionalProperties: false })),
    /** null: no ownership controls (ACLs enabled, ObjectWriter behaviour). */
    objectOwnership: MaybeSchema(
      Type.Union([Type.Literal('BucketOwnerEnforced'), Type.Literal('BucketOwnerPreferred'), Type.Literal('ObjectWriter'), Type.Null()]),
    ),
    /** null: no default encryption configuration. */
    encryption: MaybeSchema(Type.Union([Type.Object({ rules: Type.Array(EncryptionRule) }, { additionalProperties: false }), Type.Null()])),
    versioning: MaybeSchema(
      Type.Object(
        {
          /** null: versioning was never enabled. */
          status: Type.Union([Type.Literal('Enabled'), Type.Literal('Suspended'), Type.Null()]),
          mfaDelete: Type.Union([Type.Literal('Enabled'), Type.Literal('Disabled'), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
    /** null: Object Lock was never enabled on the bucket. */
    objectLock: MaybeSchema(Type.Union([ObjectLock, Type.Null()])),
    /** null: no lifecycle configuration. */
    lifecycleRules: MaybeSchema(Type.Union([Type.Array(LifecycleRule), Type.Null()])),
    /** null: server access logging is off. */
    logging: MaybeSchema(Type.Union([Type.Object({ targetBucket: Type.String(), targetPrefix: Type.String() }, { additionalProperties: false }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type S3BucketConfig = Static<typeof S3BucketConfig>;

export default defineResourceType({
  type: 'AWS::S3::Bucket',
  config: S3BucketConfig,
  // Bucket ARNs name neither region nor account.
  arn: ({ partition, id }) => `arn:${partition}:s3:::${id}`,
  placeholders: { '<bucket>': 'id', '<bucket-arn>': 'arn' },
  example: {
    id: () => 'example-bucket',
    config: ({ accountId, region, arn }) => ({
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      policy: { Version: '2012-10-17', Statement: [tlsOnlyStatement(arn)] },
      acl: { ownerId: 'owner-canonical-id', grants: [{ grantee: { type: 'CanonicalUser', id: 'owner-canonical-id' }, permission: 'FULL_CONTROL' }] },
      objectOwnership: 'BucketOwnerEnforced',
      // The customer-managed key of the KMS key example.
      encryption: { rules: [{ sseAlgorithm: 'aws:kms', kmsMasterKeyId: exampleKeyArn(region, accountId), bucketKeyEnabled: true }] },
      versioning: { status: 'Enabled', mfaDelete: 'Disabled' },
      objectLock: { enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: null, years: 6 } },
      lifecycleRules: [
        {
          id: 'archive-to-glacier',
          status: 'Enabled',
          prefix: '',
          transitions: [{ days: 90, date: null, storageClass: 'GLACIER' }],
          noncurrentVersionTransitions: [],
          expirationDays: null,
        },
      ],
      logging: null,
    }),
  },
});
