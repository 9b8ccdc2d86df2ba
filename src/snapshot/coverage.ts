/**
 * Coverage: what could not be read during collection, so that a report can say why a verdict is
 * `error` and nobody mistakes a gap for compliance.
 */
import { Type, type Static } from '@sinclair/typebox';

export const CoverageEntry = Type.Object(
  {
    accountId: Type.String(),
    region: Type.String(),
    service: Type.String({ description: 'e.g. s3, iam, kms' }),
    operation: Type.String({ description: 'API operation, e.g. GetBucketPolicy' }),
    resourceType: Type.Optional(Type.String()),
    /** Resource the failure concerns, when it concerns one. */
    resourceArn: Type.Optional(Type.String()),
    error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
    /** How many times the same failure happened (resources affected). */
    count: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type CoverageEntry = Static<typeof CoverageEntry>;
