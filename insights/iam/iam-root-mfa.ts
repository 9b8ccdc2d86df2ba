import { defineInsight } from '../../src/engine/define-insight.js';
import { rootCredentialState } from '../../src/analysis/iam-root.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'iam-root-mfa',
  title: 'The root user has MFA enabled',
  resourceType: 'AWS::Account',
  severity: 'critical',
  description:
    "Checks that the account's root user has an MFA device. Member accounts whose root credentials were removed by AWS Organizations central root access management are not applicable.",
  rationale:
    'The root user can do anything in the account, including closing it and changing its billing and support settings; without MFA a leaked or phished root password is enough to take the account. A root user without a password can still get one through the e-mail recovery flow unless the organization manages root credentials centrally.',
  remediation: {
    cli: 'Root MFA is assigned in the console. For a member account, remove the root credentials instead: aws iam enable-organizations-root-credentials-management (management account), then aws sts assume-root --target-principal <account-id> --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials and aws iam delete-login-profile with those credentials.',
    console: 'Sign in as the root user > account menu > Security credentials > Multi-factor authentication (MFA) > Assign MFA device (prefer a hardware key).',
  },
  reads: { self: ['root'] },
  evaluate(account, { verdict }) {
    const root = account.config.root;
    if (isUnknown(root)) return verdict.unreadable('root credentials', root);
    if (root.mfaActive) return verdict.pass('the root user has MFA enabled');
    const state = rootCredentialState(root);
    switch (state.kind) {
      case 'centrally-removed':
        return verdict.notApplicable('the root user has no credentials and the organization manages root credentials centrally');
      case 'unknown':
        return verdict.unreadable('central root credentials management', state.cause);
      case 'recoverable':
        return verdict.fail('the root user has no MFA; it has no password now, but one can be recovered through the root e-mail address', {
          mfaActive: false,
          passwordPresent: false,
          centrallyManaged: false,
        });
      case 'has-credentials':
        return verdict.fail('the root user has credentials and no MFA', {
          mfaActive: false,
          passwordPresent: root.passwordPresent,
          activeAccessKeys: root.accessKeys.filter((key) => key.active).length,
        });
    }
  },
});
