/** CloudFormation stacks, Step Functions state machines, SageMaker notebooks and CloudTrail trails. */
import { arnFor } from '../../model/arn.js';
import { cfnStack, cloudTrail, notebook, stateMachine } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { S3DataEventScope } from '../../model/types/cloudtrail/trail.js';
import type { Maybe } from '../../model/unknown.js';
import type { AccountScope } from '../scope.js';

export type StackOutcome = 'created' | 'updated' | 'rollback-complete' | 'update-rollback-failed';

const STACK_STATUS: Record<StackOutcome, string> = {
  created: 'CREATE_COMPLETE',
  updated: 'UPDATE_COMPLETE',
  'rollback-complete': 'ROLLBACK_COMPLETE',
  'update-rollback-failed': 'UPDATE_ROLLBACK_FAILED',
};

export interface StackSpec {
  region: string;
  name: string;
  tags: Tags;
  outcome: StackOutcome;
  createdDaysAgo: number;
  /** The resource whose failure the status reason names. */
  failedResource?: string;
  terminationProtection: boolean;
}

/** The id is `<name>/<uuid>`, so that the ARN is the stack id AWS returns. */
export function stack(scope: AccountScope, spec: StackSpec): Resource<'AWS::CloudFormation::Stack'> {
  const { clock, rng } = scope;
  const id = `${spec.name}/${rng.uuid()}`;
  const failed = spec.failedResource ?? 'Resource';
  const statusReason =
    spec.outcome === 'rollback-complete'
      ? `The following resource(s) failed to create: [${failed}]. Rollback requested by user.`
      : spec.outcome === 'update-rollback-failed'
        ? `The following resource(s) failed to update: [${failed}]. Resource handler returned message: "Resource of type 'AWS::RDS::DBInstance' with identifier '${failed}' did not stabilize."`
        : null;
  return cfnStack(
    {
      stackId: id,
      status: STACK_STATUS[spec.outcome],
      statusReason,
      lastUpdatedTime: spec.outcome === 'created' || spec.outcome === 'rollback-complete' ? null : clock.daysAgo(rng.int(1, 60)),
      terminationProtection: spec.terminationProtection,
    },
    scope.envelope(spec.region, id, spec.name, spec.tags, clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface StateMachineSpec {
  region: string;
  name: string;
  tags: Tags;
  machineType: 'STANDARD' | 'EXPRESS';
  /** Executions that failed in the last 24 hours. */
  failures: number;
  createdDaysAgo: number;
}

const FAILURE_STATUSES = ['FAILED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;

export function workflow(scope: AccountScope, spec: StateMachineSpec): Resource<'AWS::StepFunctions::StateMachine'> {
  const { clock, rng } = scope;
  const failed = [];
  for (let i = 0; i < spec.failures; i++) {
    failed.push({
      executionArn: `arn:aws:states:${spec.region}:${scope.accountId}:execution:${spec.name}:${rng.uuid()}`,
      status: rng.pick(FAILURE_STATUSES),
      stopDate: clock.hoursAgo(rng.int(1, 23) + i / 10),
    });
  }
  return stateMachine(
    { machineType: spec.machineType, status: 'ACTIVE', recentFailedExecutions: failed },
    scope.envelope(spec.region, spec.name, spec.name, spec.tags, clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface NotebookSpec {
  region: string;
  name: string;
  tags: Maybe<Tags>;
  instanceType: string;
  status: 'InService' | 'Stopped';
  directInternetAccess: boolean;
  rootAccess: boolean;
  kmsKeyArn: string | null;
  createdDaysAgo: number;
}

export function researchNotebook(scope: AccountScope, spec: NotebookSpec): Resource<'AWS::SageMaker::NotebookInstance'> {
  const { clock, rng } = scope;
  return notebook(
    {
      status: spec.status,
      instanceType: spec.instanceType,
      directInternetAccess: spec.directInternetAccess ? 'Enabled' : 'Disabled',
      rootAccess: spec.rootAccess ? 'Enabled' : 'Disabled',
      kmsKeyId: spec.kmsKeyArn,
      subnetId: spec.directInternetAccess ? null : rng.pick(scope.vpc(spec.region).subnetIds),
      lastModifiedTime: clock.daysAgo(rng.int(0, Math.min(spec.createdDaysAgo, 30))),
    },
    scope.envelope(spec.region, spec.name, spec.name, spec.tags, clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface TrailSpec {
  region: string;
  name: string;
  tags: Tags;
  organization: boolean;
  multiRegion: boolean;
  logFileValidation: boolean;
  kmsKeyArn: string | null;
  bucketName: string;
  /** Deliver to a CloudWatch Logs group of this name. */
  logGroup?: string;
  logging: boolean;
  createdDaysAgo: number;
  /** The S3 objects whose data events the trail records; none when absent. */
  s3DataEvents?: { read: S3DataEventScope; write: S3DataEventScope };
}

export function trailArn(accountId: string, region: string, name: string): string {
  return arnFor('AWS::CloudTrail::Trail', accountId, region, name);
}

export function trail(scope: AccountScope, spec: TrailSpec): Resource<'AWS::CloudTrail::Trail'> {
  return cloudTrail(
    {
      homeRegion: spec.region,
      isMultiRegionTrail: spec.multiRegion,
      isOrganizationTrail: spec.organization,
      logFileValidationEnabled: spec.logFileValidation,
      kmsKeyId: spec.kmsKeyArn,
      s3BucketName: spec.bucketName,
      cloudWatchLogsLogGroupArn: spec.logGroup === undefined ? null : `arn:aws:logs:${spec.region}:${scope.accountId}:log-group:${spec.logGroup}:*`,
      isLogging: spec.logging,
      managementEvents: 'All',
      s3DataEvents: structuredClone(spec.s3DataEvents ?? { read: { buckets: 'none' }, write: { buckets: 'none' } }),
    },
    scope.envelope(spec.region, spec.name, spec.name, spec.tags, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
}
