import userMfa from '../../../insights/iam/iam-user-mfa.js';
import { iamUser } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(userMfa, [
  { name: 'console user with MFA', resource: iamUser({ passwordEnabled: true, mfaActive: true }), status: 'pass' },
  {
    name: 'console user without MFA',
    resource: iamUser({ passwordEnabled: true, mfaActive: false }),
    status: 'fail',
    evidence: { passwordEnabled: true, mfaActive: false },
  },
  { name: 'programmatic user without MFA', resource: iamUser({ passwordEnabled: false, mfaActive: false }), status: 'not-applicable' },
  { name: 'login profile unreadable', resource: iamUser({ passwordEnabled: unknown('AccessDenied: iam:GetLoginProfile') }), status: 'error' },
  {
    name: 'MFA devices unreadable',
    resource: iamUser({ passwordEnabled: true, mfaActive: unknown('AccessDenied: iam:ListMFADevices') }),
    status: 'error',
    reason: /MFA status/,
  },
  {
    name: 'programmatic user with unreadable MFA devices',
    resource: iamUser({ passwordEnabled: false, mfaActive: unknown('AccessDenied: iam:ListMFADevices') }),
    status: 'not-applicable',
  },
]);
