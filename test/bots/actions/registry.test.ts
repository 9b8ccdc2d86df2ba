import { describe, expect, it } from 'vitest';
import { botActions } from '../../../src/bots/actions/index.js';
import { isReadOperation } from '../../../src/bots/runtime/read-operations.js';
import { sdkCommandOf } from '../../../src/bots/runtime/sdk-commands.js';
import type { ReadAnswer, ReadCall } from '../../../src/bots/actions/define-action.js';
import {
  account as accountResource,
  cfnStack,
  ec2Instance,
  iamUser,
  kmsKey,
  notebook,
  rdsInstance,
  s3Bucket,
  stateMachine,
} from '../../../src/model/builders.js';
import type { Resource } from '../../../src/model/resource.js';

const now = new Date('2026-12-07T12:00:00Z');
const account = { id: '123456789012', name: 'dev' };
const key = { id: 'AKIA1', status: 'Active' as const, createDate: '2026-01-01T00:00:00Z', lastUsedDate: null };

/** Per type, a resource every action of that type would change. */
const subjects: Record<string, Resource[]> = {
  'AWS::KMS::Key': [kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }), kmsKey({ origin: 'EXTERNAL', rotation: null })],
  'AWS::IAM::User': [iamUser({ accessKeys: [key] }), iamUser({ accessKeys: [{ ...key, status: 'Inactive' }] })],
  'AWS::S3::Bucket': [
    s3Bucket({ publicAccessBlock: null }),
    s3Bucket({
      acl: {
        ownerId: 'owner',
        grants: [
          { grantee: { type: 'CanonicalUser', id: 'owner' }, permission: 'FULL_CONTROL' },
          { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
        ],
      },
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] },
    }),
  ],
  'AWS::Account': [accountResource({ s3PublicAccessBlock: null })],
  'AWS::RDS::DBInstance': [
    rdsInstance({ publiclyAccessible: true, deletionProtection: false, backupRetentionPeriod: 1 }),
    rdsInstance({ publiclyAccessible: true, deletionProtection: false, clusterIdentifier: 'aurora-1' }),
  ],
  'AWS::SageMaker::NotebookInstance': [notebook({ status: 'InService' })],
  'AWS::EC2::Instance': [ec2Instance({ state: 'running', rootDeviceType: 'ebs' })],
  'AWS::CloudFormation::Stack': [cfnStack({ status: 'ROLLBACK_COMPLETE', terminationProtection: false })],
  'AWS::StepFunctions::StateMachine': [
    stateMachine({ recentFailedExecutions: [{ executionArn: 'arn:x', status: 'FAILED', stopDate: '2026-12-07T01:00:00Z' }] }),
  ],
};
const options: Record<string, Record<string, unknown>> = {
  tag: { tags: { owner: 'team-a' } },
  notify: { message: 'hello {name}' },
  'mark-for-op': { op: 'rds-delete', days: 3 },
  'lookup-creator': { message: 'hello {name}' },
};

/** What the reads of the actions answer here: two of Vigil's snapshots, one long expired. */
function answer(call: ReadCall): ReadAnswer {
  const ours = (id: string, at: string) => ({
    DBSnapshotIdentifier: id,
    Status: 'available',
    SnapshotCreateTime: at,
    TagList: [{ Key: 'vigil-made-by', Value: 'b' }],
  });
  const value =
    call.operation === 'DescribeDBSnapshots'
      ? { DBSnapshots: [ours('vigil-backup-example-db-20260101', '2026-01-01T03:00:00Z'), ours('vigil-backup-example-db-20261206', '2026-12-06T03:00:00Z')] }
      : {};
  return { ok: true, value, pages: [value], more: false };
}

describe('the action registry', () => {
  it('is sorted by id, without duplicates', () => {
    const ids = botActions.map((action) => action.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(botActions.map((action) => [action.id, action] as const))('%s declares every permission its calls and reads need', (_id, action) => {
    const resources = action.resourceType === '*' ? Object.values(subjects).flat() : (subjects[action.resourceType] ?? []);
    expect(resources.length).toBeGreaterThan(0);
    let changes = 0;
    for (const resource of resources) {
      const ctx = { options: options[action.id] ?? {}, now, account, bot: 'test', params: {} };
      const reads = action.reads?.(resource, ctx) ?? [];
      for (const read of reads) {
        expect(action.permissions).toContain(read.permission);
        // Planning sends reads even in a dry run: each must be one it allows.
        expect(isReadOperation(read.service, read.operation), `${read.service}:${read.operation}`).toBe(true);
      }
      const plan = action.plan(resource, { ...ctx, answers: reads.map(answer) });
      if (plan.kind !== 'change') continue;
      changes++;
      for (const call of plan.calls) {
        expect(action.permissions).toContain(call.permission);
        // The SDK caller can send it.
        expect(sdkCommandOf(call.service, call.operation), `${call.service}:${call.operation}`).toBeDefined();
        if (call.waitUntil !== undefined) expect(action.permissions.some((p) => p.endsWith(`:${call.waitUntil!.operation}`))).toBe(true);
      }
    }
    if (action.recordsOnly !== true) expect(changes).toBeGreaterThan(0);
  });
});
