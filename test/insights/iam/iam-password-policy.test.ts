import passwordPolicy from '../../../insights/iam/iam-password-policy.js';
import { account } from '../../../src/model/builders.js';
import type { PasswordPolicy } from '../../../src/model/types/account/account.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

/** The policy CIS asks for, without character requirements or expiry. */
function policy(overrides: Partial<PasswordPolicy> = {}): PasswordPolicy {
  return {
    minimumLength: 14,
    requireSymbols: false,
    requireNumbers: false,
    requireUppercase: false,
    requireLowercase: false,
    allowUsersToChangePassword: true,
    maxPasswordAgeDays: null,
    passwordReusePrevention: 24,
    hardExpiry: false,
    ...overrides,
  };
}

testInsight(passwordPolicy, [
  { name: 'CIS policy', resource: account({ passwordPolicy: policy() }), status: 'pass', reason: /at least 14 characters/ },
  { name: 'longer and stricter than asked', resource: account({ passwordPolicy: policy({ minimumLength: 20, requireSymbols: true }) }), status: 'pass' },
  {
    name: 'minimum length 13',
    resource: account({ passwordPolicy: policy({ minimumLength: 13 }) }),
    status: 'fail',
    reason: /minimum length is 13, below 14/,
    evidence: { passwordPolicy: { minimumLength: 13 } },
  },
  { name: 'reuse of the last 5 only', resource: account({ passwordPolicy: policy({ passwordReusePrevention: 5 }) }), status: 'fail', reason: /last 5/ },
  { name: 'reuse not prevented', resource: account({ passwordPolicy: policy({ passwordReusePrevention: null }) }), status: 'fail', reason: /not prevented/ },
  {
    name: 'reuse prevention not asked for',
    resource: account({ passwordPolicy: policy({ passwordReusePrevention: null }) }),
    params: { passwordReusePrevention: 0 },
    status: 'pass',
    reason: /reuse is not restricted/,
  },
  {
    name: 'several shortfalls are all named',
    resource: account({ passwordPolicy: policy({ minimumLength: 8, passwordReusePrevention: null }) }),
    status: 'fail',
    reason: /minimum length is 8.*reuse is not prevented/,
  },
  { name: 'no password policy', resource: account({ passwordPolicy: null }), status: 'fail', evidence: { passwordPolicy: null } },
  {
    name: 'symbols required by parameter',
    resource: account({ passwordPolicy: policy() }),
    params: { requireSymbols: true },
    status: 'fail',
    reason: /symbols are not required/,
  },
  {
    name: 'all character classes required and present',
    resource: account({ passwordPolicy: policy({ requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true }) }),
    params: { requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true },
    status: 'pass',
  },
  {
    name: 'expiry required, passwords never expire',
    resource: account({ passwordPolicy: policy() }),
    params: { maxPasswordAgeDays: 90 },
    status: 'fail',
    reason: /never expire/,
  },
  {
    name: 'expiry required, expires later than allowed',
    resource: account({ passwordPolicy: policy({ maxPasswordAgeDays: 180 }) }),
    params: { maxPasswordAgeDays: 90 },
    status: 'fail',
  },
  {
    name: 'expiry required and met',
    resource: account({ passwordPolicy: policy({ maxPasswordAgeDays: 90 }) }),
    params: { maxPasswordAgeDays: 90 },
    status: 'pass',
  },
  { name: 'account without IAM users', resource: account({ passwordPolicy: null, iamUserCount: 0 }), status: 'not-applicable' },
  {
    name: 'weak policy with an unreadable user count',
    resource: account({ passwordPolicy: policy({ minimumLength: 8 }), iamUserCount: unknown('AccessDenied: iam:GetAccountSummary') }),
    status: 'fail',
  },
  { name: 'password policy unreadable', resource: account({ passwordPolicy: unknown('AccessDenied: iam:GetAccountPasswordPolicy') }), status: 'error' },
]);
