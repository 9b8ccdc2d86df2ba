/** CloudTrail trails, SageMaker notebooks, CloudFormation stacks and Step Functions state machines. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';
import { IsoDate } from '../common.js';

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
    managementEvents: MaybeSchema(
      Type.Union([Type.Literal('All'), Type.Literal('ReadOnly'), Type.Literal('WriteOnly'), Type.Literal('None')]),
    ),
    /** S3 object-level (data) events the trail records, per kind, after its basic or advanced event selectors. */
    s3DataEvents: MaybeSchema(Type.Object({ read: S3DataEventScope, write: S3DataEventScope }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type CloudTrailTrailConfig = Static<typeof CloudTrailTrailConfig>;

export const SageMakerNotebookConfig = Type.Object(
  {
    status: Type.String({ description: 'Pending, InService, Stopping, Stopped, Failed, Deleting, Updating' }),
    instanceType: Type.String(),
    directInternetAccess: MaybeSchema(Type.Union([Type.Literal('Enabled'), Type.Literal('Disabled')])),
    rootAccess: MaybeSchema(Type.Union([Type.Literal('Enabled'), Type.Literal('Disabled')])),
    kmsKeyId: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    subnetId: Type.Union([Type.String(), Type.Null()]),
    lastModifiedTime: Type.Union([IsoDate, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SageMakerNotebookConfig = Static<typeof SageMakerNotebookConfig>;

export const CloudFormationStackConfig = Type.Object(
  {
    stackId: Type.String(),
    status: Type.String({ description: 'CREATE_COMPLETE, ROLLBACK_COMPLETE, UPDATE_ROLLBACK_FAILED ...' }),
    statusReason: Type.Union([Type.String(), Type.Null()]),
    lastUpdatedTime: Type.Union([IsoDate, Type.Null()]),
    terminationProtection: MaybeSchema(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CloudFormationStackConfig = Static<typeof CloudFormationStackConfig>;

export const StateMachineConfig = Type.Object(
  {
    machineType: Type.Union([Type.Literal('STANDARD'), Type.Literal('EXPRESS')]),
    status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('DELETING')]),
    /** Executions that ended FAILED, TIMED_OUT or ABORTED in the 24 hours before collection. */
    recentFailedExecutions: MaybeSchema(
      Type.Array(
        Type.Object(
          { executionArn: Type.String(), status: Type.String(), stopDate: IsoDate },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
export type StateMachineConfig = Static<typeof StateMachineConfig>;
