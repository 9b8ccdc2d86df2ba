import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import type { AttachedPolicy } from '../../src/model/common.js';
import type { Resource } from '../../src/model/resource.js';
import { isUnknown, type Maybe } from '../../src/model/unknown.js';

type Holder = Resource<'AWS::IAM::Role'> | Resource<'AWS::IAM::User'> | Resource<'AWS::IAM::Group'>;

const nameOf = (holder: Holder) => holder.name ?? holder.id;

function holds(attached: Maybe<AttachedPolicy[]>, policyArn: string): boolean {
  return !isUnknown(attached) && attached.some((policy) => policy.arn === policyArn);
}

/**
 * Judged per account from the account's roles, users and groups, by the ARN in their attached
 * policies. Not from the AWS::IAM::Policy resource: an AWS-managed policy has the same ARN in every
 * account, so a lookup by ARN could return another account's copy, and a customer policy may be
 * named AWSSupportAccess too.
 *
 * "Attached to nothing" needs complete lists: the group members are unknown when IAM's
 * authorization details were read only in part, and an account always has service-linked roles
 * (AWSServiceRoleForSupport among them), so one without any role in the inventory was not
 * collected. Either is an error, never a fail on missing data.
 */
export default defineInsight({
  id: 'iam-support-role',
  title: 'A support role manages incidents with AWS Support',
  resourceType: 'AWS::Account',
  severity: 'low',
  description:
    'Checks that the AWS-managed policy AWSSupportAccess is attached to at least one IAM role of the account, as CIS asks (ListEntitiesForPolicy PolicyRoles non-empty). With roleRequired set to false, a user or a group with members holding the policy is enough.',
  rationale:
    'Without a role allowed to open and follow AWS Support cases, an incident waits until someone finds the root user or an administrator; a dedicated support role gives the people on call exactly that access, and nothing more (CIS AWS 2.15).',
  remediation: {
    cli: 'aws iam create-role --role-name aws-support --assume-role-policy-document file://trust-on-call.json && aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
    console:
      'IAM console > Roles > Create role: trusted entity your account (or your identity provider) for the people on call, permissions AWSSupportAccess, name it e.g. aws-support.',
  },
  reads: {
    self: [],
    lookups: {
      'AWS::IAM::Role': ['attachedPolicies'],
      'AWS::IAM::User': ['attachedPolicies'],
      'AWS::IAM::Group': ['attachedPolicies', 'members'],
    },
  },
  params: Type.Object(
    {
      roleRequired: Type.Boolean({
        default: true,
        description: 'Only a role counts, as CIS asks; false lets a user, or a group with members, holding AWSSupportAccess count too',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(account, { params, inventory, verdict }) {
    const partition = account.arn.split(':')[1] ?? 'aws';
    const policyArn = `arn:${partition}:iam::aws:policy/AWSSupportAccess`;
    const roles = inventory.list('AWS::IAM::Role', account.accountId);
    const users = inventory.list('AWS::IAM::User', account.accountId);
    const groups = inventory.list('AWS::IAM::Group', account.accountId);

    const supportRoles = roles.filter((role) => holds(role.config.attachedPolicies, policyArn)).map(nameOf);
    if (supportRoles.length > 0) {
      return verdict.pass(`AWSSupportAccess is attached to the role${supportRoles.length === 1 ? '' : 's'} ${supportRoles.join(', ')}`, {
        roles: supportRoles,
      });
    }

    const supportUsers = users.filter((user) => holds(user.config.attachedPolicies, policyArn)).map(nameOf);
    const supportGroups = groups.filter((group) => holds(group.config.attachedPolicies, policyArn));
    const staffedGroups = supportGroups.filter((group) => !isUnknown(group.config.members) && group.config.members.length > 0).map(nameOf);
    if (!params.roleRequired && (supportUsers.length > 0 || staffedGroups.length > 0)) {
      const holders = [...supportUsers.map((name) => `user ${name}`), ...staffedGroups.map((name) => `group ${name}`)];
      return verdict.pass(`AWSSupportAccess is attached to ${holders.join(', ')}`, { users: supportUsers, groups: staffedGroups });
    }

    // Nothing found: a fail only when the lists it was sought in are complete.
    const candidates: readonly Holder[] = params.roleRequired ? roles : [...roles, ...users, ...groups];
    const unreadable = candidates
      .filter((holder) => isUnknown(holder.config.attachedPolicies))
      .map((holder) => `${holder.type.replace('AWS::IAM::', '').toLowerCase()} ${nameOf(holder)}`);
    const incomplete = groups.map((group) => group.config.members).find(isUnknown);
    if (roles.length === 0) {
      return verdict.error('no IAM role of the account is in the inventory; every account has service-linked roles, so its IAM roles were not collected', {
        policy: policyArn,
      });
    }
    const unlisted = (params.roleRequired ? (['AWS::IAM::Role'] as const) : (['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'] as const))
      .map((type) => inventory.listingGap(type, account.accountId))
      .find((gap) => gap !== undefined);
    if (unlisted !== undefined) {
      return verdict.error(`no role is seen holding AWSSupportAccess, but the account's IAM entities could not all be listed (${unlisted})`, {
        policy: policyArn,
        cause: unlisted,
      });
    }
    if (incomplete !== undefined) {
      return verdict.error(`no role is seen holding AWSSupportAccess, but the account's IAM lists were read only in part (${incomplete.$unknown})`, {
        policy: policyArn,
        cause: incomplete.$unknown,
      });
    }
    if (unreadable.length > 0) {
      return verdict.error(`no role is seen holding AWSSupportAccess, and the attached policies of ${unreadable.join(', ')} could not be read`, {
        policy: policyArn,
        unreadable,
      });
    }
    const elsewhere = [...supportUsers.map((name) => `user ${name}`), ...supportGroups.map((group) => `group ${nameOf(group)}`)];
    const evidence = { policy: policyArn, roles: [], users: supportUsers, groups: supportGroups.map(nameOf) };
    if (elsewhere.length > 0) {
      const why = params.roleRequired ? 'CIS asks for a role that those who handle incidents assume' : 'the groups have no members';
      return verdict.fail(`AWSSupportAccess is attached to ${elsewhere.join(', ')} but to no role: ${why}`, evidence);
    }
    return verdict.fail(`AWSSupportAccess is attached to no ${params.roleRequired ? 'role' : 'role, user or group'} of the account`, evidence);
  },
});
