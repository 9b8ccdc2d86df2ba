/**
 * Rewrites the bucket ACL without its grants to everyone (AllUsers) and to every AWS account
 * (AuthenticatedUsers); the owner's grants and every other grant stay as they are. PutBucketAcl
 * replaces the whole ACL, so the call carries the grants read live that are kept.
 */
import { Type } from '@sinclair/typebox';
import { isPublicGroupGrant } from '../../analysis/s3-exposure.js';
import type { AclGrant } from '../../model/types/s3/bucket.js';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

function grantInput(grant: AclGrant): Record<string, unknown> {
  const { type, id, uri, emailAddress } = grant.grantee;
  return {
    Grantee: {
      Type: type,
      ...(id !== undefined && { ID: id }),
      ...(uri !== undefined && { URI: uri }),
      ...(emailAddress !== undefined && { EmailAddress: emailAddress }),
    },
    Permission: grant.permission,
  };
}

export default defineAction({
  id: 's3-remove-public-acl-grants',
  title: "Remove the bucket ACL's grants to everyone and to any AWS account",
  resourceType: 'AWS::S3::Bucket',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['s3:PutBucketAcl'],
  destructive: false,
  plan(bucket) {
    const { acl } = bucket.config;
    if (isUnknown(acl)) return { kind: 'refused', summary: `the bucket ACL could not be read (${acl.$unknown})` };
    const removed = acl.grants.filter(isPublicGroupGrant);
    if (removed.length === 0) return { kind: 'in-desired-state', summary: 'the ACL grants nothing to everyone or to any AWS account' };
    const kept = acl.grants.filter((grant) => !isPublicGroupGrant(grant));
    return {
      kind: 'change',
      summary: `remove ${removed.map((g) => `${g.permission} to ${g.grantee.uri?.split('/').at(-1) ?? g.grantee.type}`).join(', ')} from the ACL; keep ${kept.length} other grant(s)`,
      calls: [
        {
          service: 's3',
          operation: 'PutBucketAcl',
          input: { Bucket: bucket.name, AccessControlPolicy: { Owner: { ID: acl.ownerId }, Grants: kept.map(grantInput) } },
          permission: 's3:PutBucketAcl',
        },
      ],
    };
  },
});
