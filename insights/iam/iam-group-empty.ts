import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'iam-group-empty',
  title: 'IAM groups that grant permissions have members',
  resourceType: 'AWS::IAM::Group',
  severity: 'low',
  description:
    'Checks that an IAM group with attached or inline policies has at least one member. A group with no policy grants nothing and is not applicable.',
  rationale:
    'A group nobody is in still carries its permissions: it is unreviewed access waiting for anyone who can add a user to it, and clutter that hides the groups that matter.',
  remediation: {
    cli: 'aws iam detach-group-policy --group-name <group> --policy-arn <policy-arn> && aws iam delete-group-policy --group-name <group> --policy-name <inline-policy> && aws iam delete-group --group-name <group>',
    console: 'IAM console > User groups > the group: add the users who need it, or delete the group (its policies are detached with it).',
  },
  reads: { self: ['members', 'attachedPolicies', 'inlinePolicies'] },
  evaluate(group, { verdict }) {
    const { members, attachedPolicies, inlinePolicies } = group.config;
    if (isUnknown(members)) return verdict.unreadable('group members', members);
    if (members.length > 0) return verdict.pass(`the group has ${members.length} member${members.length > 1 ? 's' : ''}`);
    const attached = isUnknown(attachedPolicies) ? [] : attachedPolicies;
    const inline = isUnknown(inlinePolicies) ? [] : inlinePolicies.map((policy) => policy.name);
    // A policy we could read proves the empty group grants something, whatever the other list holds.
    if (attached.length > 0 || inline.length > 0) {
      return verdict.fail('the group has no members but grants permissions', { members, attachedPolicies: attached, inlinePolicies: inline });
    }
    if (isUnknown(attachedPolicies)) return verdict.unreadable('attached policies', attachedPolicies);
    if (isUnknown(inlinePolicies)) return verdict.unreadable('inline policies', inlinePolicies);
    return verdict.notApplicable('the group has no members and no policy, so it grants nothing');
  },
});
