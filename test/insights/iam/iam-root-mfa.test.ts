import rootMfa from '../../../insights/iam/iam-root-mfa.js';
import { account } from '../../../src/model/builders.js';
import type { RootCredentials } from '../../../src/model/types/account/account.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function root(overrides: Partial<RootCredentials>): RootCredentials {
  return { passwordPresent: true, centrallyManaged: false, mfaActive: true, passwordLastUsed: null, accessKeys: [], ...overrides };
}

const activeKey = { active: true, lastRotated: '2025-01-01T00:00:00.000Z', lastUsed: null };

testInsight(rootMfa, [
  { name: 'root with password and MFA', resource: account({ root: root({}) }), status: 'pass' },
  {
    name: 'centrally managed root with MFA left over',
    resource: account({ root: root({ passwordPresent: false, centrallyManaged: true }) }),
    status: 'pass',
  },
  {
    name: 'root with password, no MFA',
    resource: account({ root: root({ mfaActive: false }) }),
    status: 'fail',
    evidence: { mfaActive: false, passwordPresent: true },
  },
  {
    name: 'root with only an access key, no MFA',
    resource: account({ root: root({ passwordPresent: false, centrallyManaged: true, mfaActive: false, accessKeys: [activeKey] }) }),
    status: 'fail',
    evidence: { activeAccessKeys: 1 },
  },
  {
    name: 'no password but recoverable by e-mail (not centrally managed)',
    resource: account({ root: root({ passwordPresent: false, mfaActive: false }) }),
    status: 'fail',
    reason: /recovered/,
  },
  {
    name: 'member account with root credentials removed centrally',
    resource: account({ root: root({ passwordPresent: false, centrallyManaged: true, mfaActive: false }) }),
    status: 'not-applicable',
  },
  {
    name: 'credential report denied',
    resource: account({ root: unknown('AccessDenied: iam:GenerateCredentialReport') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'no credentials and central management unreadable',
    resource: account({ root: root({ passwordPresent: false, mfaActive: false, centrallyManaged: unknown('not readable from a member account') }) }),
    status: 'error',
    reason: /central root credentials management/,
  },
  {
    name: 'password without MFA fails even when central management is unreadable',
    resource: account({ root: root({ mfaActive: false, centrallyManaged: unknown('not readable from a member account') }) }),
    status: 'fail',
  },
]);
