import { describe, expect, it } from 'vitest';
import type { AnyBotAction, StepPlan } from '../../../src/bots/actions/define-action.js';
import s3AccountBlockPublicAccess from '../../../src/bots/actions/s3-account-block-public-access.js';
import s3RemovePublicAclGrants from '../../../src/bots/actions/s3-remove-public-acl-grants.js';
import s3RemovePublicPolicyStatements from '../../../src/bots/actions/s3-remove-public-policy-statements.js';
import { account, s3Bucket } from '../../../src/model/builders.js';
import type { Resource } from '../../../src/model/resource.js';
import type { AclGrant } from '../../../src/model/types/s3/bucket.js';
import { unknown } from '../../../src/model/unknown.js';

const ctx = { options: {}, now: new Date('2026-12-07T12:00:00Z'), account: { id: '123456789012', name: 'dev' }, bot: 'test', params: {}, answers: [] };
const plan = (action: AnyBotAction, resource: Resource): StepPlan => action.plan(resource, ctx);
const calls = (step: StepPlan) => (step.kind === 'change' ? step.calls : []);

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const owner: AclGrant = { grantee: { type: 'CanonicalUser', id: 'owner-id' }, permission: 'FULL_CONTROL' };
const logDelivery: AclGrant = { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'WRITE' };
const partner: AclGrant = { grantee: { type: 'CanonicalUser', id: 'partner-id' }, permission: 'READ' };

describe('s3-account-block-public-access', () => {
  it('turns on all four settings with S3 Control in the account when any is off', () => {
    const step = plan(
      s3AccountBlockPublicAccess,
      account(
        { s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: true } },
        { accountId: '210987654321' },
      ),
    );
    expect(calls(step)).toEqual([
      {
        service: 's3control',
        operation: 'PutPublicAccessBlock',
        input: {
          AccountId: '210987654321',
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        },
        permission: 's3:PutAccountPublicAccessBlock',
      },
    ]);
  });

  it('changes nothing when all four are on, and refuses when they could not be read', () => {
    expect(plan(s3AccountBlockPublicAccess, account()).kind).toBe('in-desired-state');
    expect(plan(s3AccountBlockPublicAccess, account({ s3PublicAccessBlock: null })).kind).toBe('change');
    const step = plan(s3AccountBlockPublicAccess, account({ s3PublicAccessBlock: unknown('AccessDenied: s3control:GetPublicAccessBlock') }));
    expect(step).toMatchObject({ kind: 'refused', summary: expect.stringContaining('AccessDenied') });
  });
});

describe('s3-remove-public-acl-grants', () => {
  it("removes the grants to AllUsers and AuthenticatedUsers and keeps the owner's and every other grant", () => {
    const bucket = s3Bucket(
      {
        acl: {
          ownerId: 'owner-id',
          grants: [
            owner,
            { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' },
            logDelivery,
            { grantee: { type: 'Group', uri: AUTHENTICATED }, permission: 'WRITE' },
            partner,
          ],
        },
      },
      { name: 'open-data' },
    );
    expect(calls(plan(s3RemovePublicAclGrants, bucket))).toEqual([
      {
        service: 's3',
        operation: 'PutBucketAcl',
        input: {
          Bucket: 'open-data',
          AccessControlPolicy: {
            Owner: { ID: 'owner-id' },
            Grants: [
              { Grantee: { Type: 'CanonicalUser', ID: 'owner-id' }, Permission: 'FULL_CONTROL' },
              { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
              { Grantee: { Type: 'CanonicalUser', ID: 'partner-id' }, Permission: 'READ' },
            ],
          },
        },
        permission: 's3:PutBucketAcl',
      },
    ]);
  });

  it('is idempotent: an ACL without public grants needs nothing; an unread ACL is refused', () => {
    expect(plan(s3RemovePublicAclGrants, s3Bucket({ acl: { ownerId: 'owner-id', grants: [owner, logDelivery] } })).kind).toBe('in-desired-state');
    expect(plan(s3RemovePublicAclGrants, s3Bucket({ acl: unknown('AccessDenied: s3:GetBucketAcl') })).kind).toBe('refused');
  });
});

describe('s3-remove-public-policy-statements', () => {
  const tlsOnly = {
    Sid: 'TlsOnly',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['arn:aws:s3:::open-data', 'arn:aws:s3:::open-data/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  const readers = {
    Sid: 'Readers',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::123456789012:role/app' },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::open-data/*',
  };
  const everyone = { Sid: 'Everyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::open-data/*' };
  const bucketWith = (policy: unknown) => s3Bucket({ policy: policy as Record<string, unknown> }, { name: 'open-data', accountId: '123456789012' });

  it('rewrites the policy without the public statements, every other statement unchanged and in order', () => {
    const step = plan(s3RemovePublicPolicyStatements, bucketWith({ Version: '2012-10-17', Id: 'keep-me', Statement: [tlsOnly, everyone, readers] }));
    const [call] = calls(step);
    expect(call).toMatchObject({ service: 's3', operation: 'PutBucketPolicy', permission: 's3:PutBucketPolicy', input: { Bucket: 'open-data' } });
    expect(JSON.parse(call!.input['Policy'] as string)).toEqual({ Version: '2012-10-17', Id: 'keep-me', Statement: [tlsOnly, readers] });
    expect(step.summary).toContain('Everyone');
  });

  it('deletes a policy whose every statement is public', () => {
    expect(calls(plan(s3RemovePublicPolicyStatements, bucketWith({ Version: '2012-10-17', Statement: everyone })))).toEqual([
      { service: 's3', operation: 'DeleteBucketPolicy', input: { Bucket: 'open-data' }, permission: 's3:DeleteBucketPolicy' },
    ]);
  });

  it('keeps a public statement narrowed to the owner account, and changes nothing without public statements or policy', () => {
    const ownAccountOnly = { ...everyone, Condition: { StringEquals: { 'aws:PrincipalAccount': '123456789012' } } };
    expect(plan(s3RemovePublicPolicyStatements, bucketWith({ Version: '2012-10-17', Statement: [tlsOnly, ownAccountOnly, readers] })).kind).toBe(
      'in-desired-state',
    );
    expect(plan(s3RemovePublicPolicyStatements, bucketWith(null)).kind).toBe('in-desired-state');
  });

  it('refuses a policy it could not read or analyse', () => {
    expect(plan(s3RemovePublicPolicyStatements, s3Bucket({ policy: unknown('AccessDenied: s3:GetBucketPolicy') })).kind).toBe('refused');
    expect(
      plan(s3RemovePublicPolicyStatements, bucketWith({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Principal: '*', Action: 's3:*' }] })).kind,
    ).toBe('refused');
  });
});
