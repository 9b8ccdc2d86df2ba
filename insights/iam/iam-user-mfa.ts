import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'iam-user-mfa',
  title: 'IAM users with a console password have MFA enabled',
  resourceType: 'AWS::IAM::User',
  severity: 'high',
  description:
    'Checks that every IAM user who can sign in to the console with a password has an MFA device. Users without a console password are not applicable.',
  rationale:
    'A password alone is phished, reused and guessed; MFA stops a stolen password from being enough to sign in to the console with the user\u2019s permissions.',
  remediation: {
    cli: 'aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <qr.png> --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name <user> --serial-number <mfa-arn> --authentication-code1 <code> --authentication-code2 <next-code>',
    console: 'IAM console > Users > the user > Security credentials > Multi-factor authentication (MFA) > Assign MFA device.',
  },
  reads: { self: ['passwordEnabled', 'mfaActive'] },
  evaluate(user, { verdict }) {
    const { passwordEnabled, mfaActive } = user.config;
    if (isUnknown(passwordEnabled)) return verdict.unreadable('console password status', passwordEnabled);
    if (!passwordEnabled) return verdict.notApplicable('the user has no console password');
    if (isUnknown(mfaActive)) return verdict.unreadable('MFA status', mfaActive);
    return mfaActive
      ? verdict.pass('the user has a console password and MFA')
      : verdict.fail('the user has a console password and no MFA', { passwordEnabled, mfaActive });
  },
});
