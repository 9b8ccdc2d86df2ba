import rootAccessKeys from '../../../insights/iam/iam-root-access-keys.js';
import { account } from '../../../src/model/builders.js';
import type { RootCredentials } from '../../../src/model/types/account/account.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function root(overrides: Partial<RootCredentials>): RootCredentials {
  return { passwordPresent: true, centrallyManaged: false, mfaActive: true, passwordLastUsed: null, accessKeys: [], ...overrides };
}

const key = { active: true, lastRotated: '2025-01-01T00:00:00.000Z', lastUsed: '2026-05-30T08:00:00.000Z' };

testInsight(rootAccessKeys, [
  { name: 'no root access keys', resource: account({ root: root({}) }), status: 'pass', reason: /no access keys/ },
  { name: 'only an inactive key', resource: account({ root: root({ accessKeys: [{ ...key, active: false }] }) }), status: 'pass', reason: /inactive/ },
  {
    name: 'one active key',
    resource: account({ root: root({ accessKeys: [key] }) }),
    status: 'fail',
    evidence: { activeAccessKeys: [key] },
  },
  {
    name: 'an active and an inactive key',
    resource: account({ root: root({ accessKeys: [{ ...key, active: false }, key] }) }),
    status: 'fail',
    reason: /an active access key/,
  },
  {
    name: 'active key in a centrally managed account',
    resource: account({ root: root({ passwordPresent: false, centrallyManaged: true, accessKeys: [key] }) }),
    status: 'fail',
  },
  {
    name: 'member account with root credentials removed centrally',
    resource: account({ root: root({ passwordPresent: false, centrallyManaged: true, mfaActive: false }) }),
    status: 'not-applicable',
  },
  {
    name: 'no keys while central management is unreadable',
    resource: account({ root: root({ passwordPresent: false, centrallyManaged: unknown('not readable from a member account') }) }),
    status: 'pass',
  },
  { name: 'credential report denied', resource: account({ root: unknown('AccessDenied: iam:GenerateCredentialReport') }), status: 'error' },
]);
