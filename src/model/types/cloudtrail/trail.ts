/** `AWS::CloudTrail::Trail`: a trail, its status and the events it records. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';
import { exampleKeyArn } from '../../example-defaults.js';

/**
 * The S3 objects whose object-level events (one kind: read or write) a trail records in full: every
 * bucket but the objects under `exceptArnPrefixes` (often the trail's own bucket), only the objects
 * under `arnPrefixes` (`arn:aws:s3:::bucket/` is one whole bucket, `arn:aws:s3:::bucket/logs/` part
 * of one), or none. Prefixes are string prefixes of object ARNs. What is recorded only in part (an
 * event-name filter, say) is left out, so the scope may understate what the trail records, never
 * overstate it.
 */
export const S3DataEventScope = Type.Union([
  Type.Object({ buckets: Type.Literal('all'), exceptArnPrefixes: Type.Array(Type.String()) }, { additionalProperties: false }),
  Type.Object({ buckets: Type.Literal('prefixes'), arnPrefixes: Type.Array(Type.String(), { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ buckets: Type.Literal('none') }, { additionalProperties: false }),
]);
export type S3DataEventScope = Static<typeof S3DataEventScope>;

export const CloudTrailTrailConfig = Type.Object(
  {
    homeRegion: Type.String(),
    isMultiRegionTrail: MaybeSchema(Type.Boolean()),
    isOrganizationTrail: MaybeSchema(Type.Boolean()),
    logFileValidationEnabled: MaybeSchema(Type.Boolean()),
    kmsKeyId: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    s3BucketName: Type.Union([Type.String(), Type.Null()]),
    cloudWatchLogsLogGroupArn: Type.Union([Type.String(), Type.Null()]),
    isLogging: MaybeSchema(Type.Boolean()),
    /** Management events the trail records, after its basic or advanced event selectors. */
    managementEvents: MaybeSchema(Type.Union([Type.Literal('All'), Type.Literal('ReadOnly'), Type.Literal('WriteOnly'), Type.Literal('None')])),
    /** S3 object-level (data) events the trail records, per kind, after its basic or advanced event selectors. */
    s3DataEvents: MaybeSchema(Type.Object({ read: S3DataEventScope, write: S3DataEventScope }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type CloudTrailTrailConfig = Static<typeof CloudTrailTrailConfig>;

export default defineResourceType({
  type: 'AWS::CloudTrail::Trail',
  config: CloudTrailTrailConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:cloudtrail:${region}:${accountId}:trail/${id}`,
  placeholders: { '<trail>': 'id' },
  example: {
    id: () => 'organization-trail',
    config: ({ accountId, region }) => ({
      homeRegion: region,
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      logFileValidationEnabled: true,
      kmsKeyId: exampleKeyArn(region, accountId),
      s3BucketName: 'cloudtrail-logs',
      cloudWatchLogsLogGroupArn: null,
      isLogging: true,
      managementEvents: 'All',
      s3DataEvents: { read: { buckets: 'all', exceptArnPrefixes: [] }, write: { buckets: 'all', exceptArnPrefixes: [] } },
    }),
  },
});
