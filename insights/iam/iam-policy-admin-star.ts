import { defineInsight } from '../../src/engine/define-insight.js';
import { findFullAdminGrants, type FullAdminGrant } from '../../src/analysis/policy/full-admin.js';
import { isUnknown } from '../../src/model/unknown.js';

function describeGrant(grant: FullAdminGrant): string {
  const parts = [grant.statement];
  if (grant.conditions.length > 0) parts.push(`under the condition ${grant.conditions.join(' and ')}`);
  if (grant.narrowedBy.length > 0) parts.push(`(${grant.narrowedBy.join(', ')} deny part of it)`);
  return parts.join(' ');
}

/**
 * Judges the policies the account writes: AWS-managed ones (AdministratorAccess among them) have
 * documents AWS owns, and who holds them is judged on the users, groups and roles they are
 * attached to. The default version is the one in force; older versions are not judged.
 */
export default defineInsight({
  id: 'iam-policy-admin-star',
  title: 'No attached customer-managed IAM policy allows "*:*" administrative privileges',
  resourceType: 'AWS::IAM::Policy',
  severity: 'high',
  description:
    'Checks that the default version of a customer-managed IAM policy has no Allow statement of every action ("*" or "*:*") on every resource, when the policy is attached to a user, group or role. A statement with a condition still grants full administration under that condition and fails; a Deny ends the grant only when it applies unconditionally to every resource. An unattached policy passes; AWS-managed policies are not applicable.',
  rationale:
    'A policy that allows every action on every resource makes whoever holds it an administrator, able to grant themselves anything else, switch off logging and delete data; least privilege starts with granting only the actions a job needs (CIS AWS 2.14).',
  remediation: {
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default  # or detach it: aws iam detach-role-policy --role-name <role> --policy-arn <policy-arn>',
    console:
      'IAM console > Policies > the policy > Edit: replace the "*" action and resource with the actions and resources the holders need, and save as the default version (or detach the policy under Entities attached).',
  },
  reads: { self: ['awsManaged', 'document', 'attachedTo', 'defaultVersionId'] },
  evaluate(policy, { verdict }) {
    const { awsManaged, document, attachedTo } = policy.config;
    if (awsManaged) {
      return verdict.notApplicable(
        'AWS-managed policy: AWS owns its document; AdministratorAccess and other AWS-managed grants are judged on the users, groups and roles they are attached to (CIS 2.13 and others)',
      );
    }
    if (isUnknown(document)) return verdict.unreadable('policy document', document);
    const result = findFullAdminGrants(document);
    if (!result.ok) return verdict.error(`the default policy version could not be analysed: ${result.error}`);
    const { grants, nearAdmin, ended } = result.analysis;
    if (grants.length === 0) {
      const notes = [
        ...ended.map((e) => `${e.statement} is ended by ${e.endedBy}${e.leaves.length > 0 ? `, which leaves only ${e.leaves.join(', ')}` : ''}`),
        ...nearAdmin.map((n) => `${n.statement} allows ${n.allows}, which is broad though not "*:*"`),
      ];
      const reason = `no statement allows every action on every resource${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`;
      return notes.length > 0 ? verdict.pass(reason, { ended, nearAdmin }) : verdict.pass(reason);
    }
    const grantText = grants.map(describeGrant).join('; ');
    if (isUnknown(attachedTo)) {
      return verdict.error(
        `${grantText} allows every action on every resource, and whether the policy is attached could not be read (${attachedTo.$unknown})`,
        {
          grants,
          unreadable: 'attachedTo',
          cause: attachedTo.$unknown,
        },
      );
    }
    const holders = [
      ...attachedTo.users.map((name) => `user ${name}`),
      ...attachedTo.groups.map((name) => `group ${name}`),
      ...attachedTo.roles.map((name) => `role ${name}`),
    ];
    if (holders.length === 0) return verdict.pass(`${grantText} allows every action on every resource, but the policy is attached to nothing`, { grants });
    return verdict.fail(`${grantText} allows every action on every resource, and the policy is attached to ${holders.join(', ')}`, {
      grants,
      attachedTo,
      defaultVersionId: policy.config.defaultVersionId,
    });
  },
});
