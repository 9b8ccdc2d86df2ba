import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown, type Unknown } from '../../src/model/unknown.js';

/**
 * Deny-only policies AWS itself attaches to a user whose access key it found exposed. They grant
 * nothing and are not a permissions design choice.
 */
const QUARANTINE_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AWSCompromisedKeyQuarantine(V[0-9]+)?$/;

export default defineInsight({
  id: 'iam-user-direct-policies',
  title: 'IAM users receive permissions only through groups',
  resourceType: 'AWS::IAM::User',
  severity: 'low',
  description:
    'Checks that no managed or inline policy is attached directly to an IAM user. A user whose only direct policy is the quarantine policy AWS attached after its key was exposed is not applicable.',
  rationale:
    'Permissions granted user by user drift apart, outlive role changes and are hard to review; granting them through groups (or roles) keeps one place to read and revoke them (CIS AWS 2.13).',
  remediation: {
    cli: 'aws iam add-user-to-group --user-name <user> --group-name <group> && aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn> && aws iam delete-user-policy --user-name <user> --policy-name <inline-policy>',
    console: 'IAM console > Users > the user > Permissions: add the user to a group that grants what it needs, then remove the policies attached directly.',
  },
  reads: { self: ['attachedPolicies', 'inlinePolicies'] },
  evaluate(user, { verdict }) {
    const { attachedPolicies, inlinePolicies } = user.config;
    const attached = isUnknown(attachedPolicies) ? [] : attachedPolicies.filter((policy) => !QUARANTINE_POLICY.test(policy.arn));
    const inline = isUnknown(inlinePolicies) ? [] : inlinePolicies.map((policy) => policy.name);
    // A direct policy we could read fails the user whatever the list we could not read.
    if (attached.length > 0 || inline.length > 0) {
      const parts = [
        ...(attached.length > 0 ? [`managed ${attached.map((p) => p.name).join(', ')}`] : []),
        ...(inline.length > 0 ? [`inline ${inline.join(', ')}`] : []),
      ];
      return verdict.fail(`policies are attached directly to the user: ${parts.join('; ')}`, {
        attachedPolicies: attached,
        inlinePolicies: inline,
      });
    }
    const unreadable: [string, Unknown] | undefined = isUnknown(attachedPolicies)
      ? ['attached policies', attachedPolicies]
      : isUnknown(inlinePolicies)
        ? ['inline policies', inlinePolicies]
        : undefined;
    if (unreadable !== undefined) return verdict.unreadable(...unreadable);
    if (!isUnknown(attachedPolicies) && attachedPolicies.length > 0) {
      return verdict.notApplicable('the only policy attached to the user is the quarantine policy AWS attached after its access key was exposed');
    }
    return verdict.pass('no policy is attached directly to the user');
  },
});
