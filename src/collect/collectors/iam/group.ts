/**
 * `AWS::IAM::Group`, from the account's shared GetAccountAuthorizationDetails read. IAM lists a
 * group's members nowhere but on the users (`GroupList`), so the members are the users naming the
 * group — unknown when the list of users is incomplete. IAM groups cannot be tagged.
 */
import { defineCollector, type ResourceCollector } from '../../contract/collector.js';
import { attachedPolicies, iamResource, identityOf, incompleteLists, inlinePolicies } from './entity.js';
import type { IamSnapshots } from './snapshot.js';

export function iamGroupCollector(snapshots: IamSnapshots): ResourceCollector<'AWS::IAM::Group'> {
  return defineCollector({
    resourceType: 'AWS::IAM::Group',
    service: 'iam',
    scope: 'account',
    operations: [
      {
        operation: 'GetAccountAuthorizationDetails',
        iamAction: 'iam:GetAccountAuthorizationDetails',
        fills: ['groupId', 'path', 'members', 'attachedPolicies', 'inlinePolicies', 'name', 'tags', 'createdAt'],
        required: true,
        lists: true,
      },
    ],
    async collect(ctx) {
      const details = await snapshots.authorizationDetails(ctx);
      const incomplete = incompleteLists(ctx, details);
      const members = new Map<string, string[]>();
      for (const user of details.users) {
        if (user.UserName === undefined) continue;
        for (const group of user.GroupList ?? []) members.set(group, [...(members.get(group) ?? []), user.UserName]);
      }
      for (const group of details.groups) {
        const found = identityOf(ctx, details.call, 'group', {
          name: group.GroupName,
          id: group.GroupId,
          arn: group.Arn,
          path: group.Path,
          created: group.CreateDate,
        });
        if (!found.ok) {
          ctx.unreadable(details.call, found.error.code, found.error.message);
          continue;
        }
        const identity = found.value;
        ctx.emit(
          iamResource(
            ctx,
            identity,
            {},
            {
              groupId: identity.id,
              path: identity.path,
              members: incomplete ?? (members.get(identity.name) ?? []).sort(),
              attachedPolicies: attachedPolicies(ctx, group.AttachedManagedPolicies, details.call, identity.arn),
              inlinePolicies: inlinePolicies(ctx, group.GroupPolicyList, details.call, identity.arn),
            },
          ),
        );
      }
    },
  });
}
