/** Schemas shared by several resource types. */
import { Type, type Static } from '@sinclair/typebox';

export const IsoDate = Type.String({ format: 'date-time', description: 'ISO 8601 timestamp' });

/**
 * An IAM policy document as parsed JSON. Its structure is checked by the policy analyser, which
 * turns a malformed statement into an `error` verdict rather than rejecting the snapshot.
 */
export const PolicyDocument = Type.Record(Type.String(), Type.Unknown(), {
  description: 'IAM policy document (parsed JSON)',
});
export type PolicyDocument = Static<typeof PolicyDocument>;

export const PublicAccessBlock = Type.Object(
  {
    blockPublicAcls: Type.Boolean(),
    ignorePublicAcls: Type.Boolean(),
    blockPublicPolicy: Type.Boolean(),
    restrictPublicBuckets: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PublicAccessBlock = Static<typeof PublicAccessBlock>;

export const AttachedPolicy = Type.Object({ arn: Type.String(), name: Type.String() }, { additionalProperties: false });
export type AttachedPolicy = Static<typeof AttachedPolicy>;

export const InlinePolicy = Type.Object({ name: Type.String(), document: PolicyDocument }, { additionalProperties: false });
export type InlinePolicy = Static<typeof InlinePolicy>;
