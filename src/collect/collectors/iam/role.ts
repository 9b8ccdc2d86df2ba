/**
 * `AWS::IAM::Role`, from the account's shared GetAccountAuthorizationDetails read: trust policy,
 * attached and inline policies, tags, and when it was last used (IAM tracks the last 400 days;
 * none means not used in that time).
 */
import type { RoleDetail } from '@aws-sdk/client-iam';
import type { Maybe } from '../../../model/unknown.js';
import type { CollectContext } from '../../contract/collect-context.js';
import { defineCollector, type ResourceCollector } from '../../contract/collector.js';
import { isoDate } from '../../contract/normalise.js';
import { attachedPolicies, iamResource, iamTags, identityOf, incompleteLists, inlinePolicies, policyDocument } from './entity.js';
import type { AuthorizationDetails, IamSnapshots } from './snapshot.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::IAM::Role'>;

function lastUsed(ctx: Ctx, role: RoleDetail, details: AuthorizationDetails, arn: string): Maybe<string | null> {
  const date = role.RoleLastUsed?.LastUsedDate;
  if (date === undefined) return null;
  return isoDate(date) ?? ctx.unreadable(details.call, UNEXPECTED_RESPONSE, 'RoleLastUsed has an invalid LastUsedDate', { arn });
}

export function iamRoleCollector(snapshots: IamSnapshots): ResourceCollector<'AWS::IAM::Role'> {
  return defineCollector({
    resourceType: 'AWS::IAM::Role',
    service: 'iam',
    scope: 'account',
    operations: [
      {
        operation: 'GetAccountAuthorizationDetails',
        iamAction: 'iam:GetAccountAuthorizationDetails',
        fills: ['roleId', 'path', 'assumeRolePolicy', 'attachedPolicies', 'inlinePolicies', 'lastUsed', 'name', 'tags', 'createdAt'],
        required: true,
        lists: true,
      },
    ],
    async collect(ctx) {
      const details = await snapshots.authorizationDetails(ctx);
      // Roles relate to nothing else here: an incomplete list loses roles, recorded once.
      incompleteLists(ctx, details);
      for (const role of details.roles) {
        const found = identityOf(ctx, details.call, 'role', {
          name: role.RoleName,
          id: role.RoleId,
          arn: role.Arn,
          path: role.Path,
          created: role.CreateDate,
        });
        if (!found.ok) {
          ctx.unreadable(details.call, found.error.code, found.error.message);
          continue;
        }
        const identity = found.value;
        const { call } = details;
        ctx.emit(
          iamResource(ctx, identity, iamTags(role.Tags), {
            roleId: identity.id,
            path: identity.path,
            assumeRolePolicy: policyDocument(ctx, role.AssumeRolePolicyDocument, call, identity.arn, 'trust policy'),
            attachedPolicies: attachedPolicies(ctx, role.AttachedManagedPolicies, call, identity.arn),
            inlinePolicies: inlinePolicies(ctx, role.RolePolicyList, call, identity.arn),
            lastUsed: lastUsed(ctx, role, details, identity.arn),
          }),
        );
      }
    },
  });
}
