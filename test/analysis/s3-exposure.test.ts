import { describe, expect, it } from 'vitest';
import { effectiveBlockPublicAccess, s3Exposure } from '../../src/analysis/s3-exposure.js';
import { account, s3Bucket } from '../../src/model/builders.js';
import type { PublicAccessBlock } from '../../src/model/common.js';
import type { AclGrant } from '../../src/model/types/s3/bucket.js';
import { unknown } from '../../src/model/unknown.js';

const BUCKET = 'arn:aws:s3:::example-bucket';
const OFF: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
const publicRead = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }],
};
const owner: AclGrant = { grantee: { type: 'CanonicalUser', id: 'owner-canonical-id' }, permission: 'FULL_CONTROL' };
const allUsersRead: AclGrant = { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' };
const authenticatedWrite: AclGrant = { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, permission: 'WRITE' };
const logDelivery: AclGrant = { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'WRITE' };
const openAccount = account({ s3PublicAccessBlock: null });

describe('effectiveBlockPublicAccess', () => {
  it('takes each setting from whichever level turns it on', () => {
    const block = effectiveBlockPublicAccess(
      { ...OFF, ignorePublicAcls: true, restrictPublicBuckets: true },
      { ...OFF, restrictPublicBuckets: true, blockPublicAcls: true },
    );
    expect(block).toEqual({
      blockPublicAcls: { on: true, where: 'account' },
      ignorePublicAcls: { on: true, where: 'bucket' },
      blockPublicPolicy: { on: false },
      restrictPublicBuckets: { on: true, where: 'account and bucket' },
    });
  });

  it('is unknown only when no level turns the setting on and one could not be read', () => {
    const block = effectiveBlockPublicAccess(unknown('AccessDenied: s3:GetBucketPublicAccessBlock'), { ...OFF, ignorePublicAcls: true });
    expect(block.ignorePublicAcls).toEqual({ on: true, where: 'account' });
    expect(block.restrictPublicBuckets).toMatchObject({ on: 'unknown', field: 'bucket-level Block Public Access', cause: /AccessDenied/ });
    expect(effectiveBlockPublicAccess(null, undefined).blockPublicPolicy).toMatchObject({ on: 'unknown', field: 'account-level Block Public Access' });
    expect(effectiveBlockPublicAccess(null, null).blockPublicPolicy).toEqual({ on: false });
  });
});

describe('s3Exposure', () => {
  it('is not public by default', () => {
    expect(s3Exposure(s3Bucket(), account())).toMatchObject({ status: 'not-public', neutralised: [] });
  });

  it('names the public policy statement and the setting that would block it', () => {
    const result = s3Exposure(s3Bucket({ publicAccessBlock: null, policy: publicRead }), openAccount);
    expect(result).toMatchObject({
      status: 'public',
      accessLevels: ['read'],
      paths: [{ via: 'policy', source: 'statement 1 (Sid "PublicRead")', actions: ['s3:GetObject'], blockedBy: /^RestrictPublicBuckets/ }],
    });
  });

  it('RestrictPublicBuckets (account or bucket) neutralises a public policy; BlockPublicPolicy does not', () => {
    expect(
      s3Exposure(s3Bucket({ publicAccessBlock: null, policy: publicRead }), account({ s3PublicAccessBlock: { ...OFF, restrictPublicBuckets: true } })),
    ).toMatchObject({
      status: 'not-public',
      neutralised: [{ source: 'statement 1 (Sid "PublicRead")', neutralisedBy: 'RestrictPublicBuckets (account)' }],
    });
    expect(s3Exposure(s3Bucket({ publicAccessBlock: { ...OFF, blockPublicPolicy: true }, policy: publicRead }), openAccount)).toMatchObject({
      status: 'public',
    });
  });

  it('names public ACL grants with their permissions', () => {
    const result = s3Exposure(
      s3Bucket({
        publicAccessBlock: null,
        objectOwnership: 'ObjectWriter',
        acl: { ownerId: 'o', grants: [owner, allUsersRead, authenticatedWrite, logDelivery] },
      }),
      openAccount,
    );
    expect(result).toMatchObject({
      status: 'public',
      accessLevels: ['list', 'write'],
      paths: [
        { via: 'acl', source: 'ACL grant READ to AllUsers', accessLevels: ['list'], blockedBy: /^IgnorePublicAcls/ },
        { via: 'acl', source: 'ACL grant WRITE to AuthenticatedUsers', accessLevels: ['write'] },
      ],
    });
  });

  it('IgnorePublicAcls or BucketOwnerEnforced neutralises ACL grants; BlockPublicAcls does not', () => {
    const acl = { ownerId: 'o', grants: [owner, allUsersRead] };
    expect(s3Exposure(s3Bucket({ publicAccessBlock: { ...OFF, ignorePublicAcls: true }, objectOwnership: 'ObjectWriter', acl }), openAccount)).toMatchObject({
      status: 'not-public',
      neutralised: [{ source: 'ACL grant READ to AllUsers', neutralisedBy: 'IgnorePublicAcls (bucket)' }],
    });
    expect(s3Exposure(s3Bucket({ publicAccessBlock: null, objectOwnership: 'BucketOwnerEnforced', acl }), openAccount)).toMatchObject({
      status: 'not-public',
      neutralised: [{ neutralisedBy: /BucketOwnerEnforced/ }],
    });
    expect(
      s3Exposure(s3Bucket({ publicAccessBlock: { ...OFF, blockPublicAcls: true }, objectOwnership: 'BucketOwnerPreferred', acl }), openAccount),
    ).toMatchObject({
      status: 'public',
    });
  });

  it('is public when one path is public, whatever else is unknown', () => {
    const result = s3Exposure(
      s3Bucket({ publicAccessBlock: null, policy: publicRead, acl: unknown('AccessDenied: s3:GetBucketAcl'), objectOwnership: unknown('AccessDenied') }),
      openAccount,
    );
    expect(result.status).toBe('public');
  });

  it('ignores unreadable documents that a setting already neutralises', () => {
    expect(s3Exposure(s3Bucket({ policy: unknown('AccessDenied: s3:GetBucketPolicy'), acl: unknown('AccessDenied: s3:GetBucketAcl') }), undefined).status).toBe(
      'not-public',
    );
    expect(s3Exposure(s3Bucket({ publicAccessBlock: null, policy: unknown('AccessDenied'), acl: unknown('AccessDenied') }), account()).status).toBe(
      'not-public',
    );
  });

  it('is undetermined when an unreadable input could change the answer', () => {
    expect(s3Exposure(s3Bucket({ publicAccessBlock: null, policy: unknown('AccessDenied: s3:GetBucketPolicy') }), openAccount)).toMatchObject({
      status: 'undetermined',
      unreadable: [{ field: 'bucket policy', cause: 'AccessDenied: s3:GetBucketPolicy' }],
    });
    // A public policy whose effect depends on the account setting that was not collected.
    expect(s3Exposure(s3Bucket({ publicAccessBlock: null, policy: publicRead }), undefined)).toMatchObject({
      status: 'undetermined',
      unreadable: [{ field: 'account-level Block Public Access', cause: /not collected/ }],
      possiblePaths: [{ source: 'statement 1 (Sid "PublicRead")' }],
    });
    // A public ACL grant with the ownership setting unreadable.
    expect(
      s3Exposure(
        s3Bucket({
          publicAccessBlock: null,
          objectOwnership: unknown('AccessDenied: s3:GetBucketOwnershipControls'),
          acl: { ownerId: 'o', grants: [allUsersRead] },
        }),
        openAccount,
      ),
    ).toMatchObject({ status: 'undetermined', unreadable: [{ field: 'object ownership' }] });
  });

  it('reports a malformed policy only when it could matter', () => {
    const malformed = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    expect(s3Exposure(s3Bucket({ publicAccessBlock: null, policy: malformed }), openAccount)).toMatchObject({
      status: 'undetermined',
      malformedPolicy: { error: /statement 1/, statement: 'statement 1' },
    });
    expect(s3Exposure(s3Bucket({ policy: malformed }), account()).status).toBe('not-public');
  });

  it('does not count a policy that is not public, even with Block Public Access off', () => {
    const crossAccount = {
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }],
    };
    expect(s3Exposure(s3Bucket({ publicAccessBlock: null, policy: crossAccount }), openAccount).status).toBe('not-public');
  });
});
