import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

const CHARACTER_CLASSES = [
  ['requireSymbols', 'symbols'],
  ['requireNumbers', 'numbers'],
  ['requireUppercase', 'uppercase letters'],
  ['requireLowercase', 'lowercase letters'],
] as const;

export default defineInsight({
  id: 'iam-password-policy',
  title: 'The IAM password policy is strong enough',
  resourceType: 'AWS::Account',
  severity: 'medium',
  description:
    'Checks the account password policy: a minimum length (14 by default), the number of previous passwords that cannot be reused (24 by default), and, when the parameters ask for them, required character classes and a maximum password age. No password policy fails. Accounts without IAM users are not applicable.',
  rationale:
    'IAM user passwords are only as strong as the policy that accepts them: short or reused passwords fall to guessing and credential stuffing (CIS AWS 2.8 and 2.9).',
  remediation: {
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password',
    console:
      'IAM console > Account settings > Password policy > Edit > Custom: set the minimum length, prevent password reuse, and the character requirements.',
  },
  reads: { self: ['passwordPolicy', 'iamUserCount'] },
  params: Type.Object(
    {
      minimumLength: Type.Integer({ minimum: 6, maximum: 128, default: 14, description: 'Shortest accepted minimum password length' }),
      passwordReusePrevention: Type.Integer({
        minimum: 0,
        maximum: 24,
        default: 24,
        description: 'Fewest previous passwords that must not be reused; 0 does not require reuse prevention',
      }),
      requireSymbols: Type.Boolean({ default: false }),
      requireNumbers: Type.Boolean({ default: false }),
      requireUppercase: Type.Boolean({ default: false }),
      requireLowercase: Type.Boolean({ default: false }),
      maxPasswordAgeDays: Type.Union([Type.Integer({ minimum: 1, maximum: 1095 }), Type.Null()], {
        default: null,
        description: 'Longest accepted password age in days; null does not require expiry',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(account, { params, verdict }) {
    const { passwordPolicy: policy, iamUserCount } = account.config;
    if (iamUserCount === 0) return verdict.notApplicable('the account has no IAM users, so no IAM password exists for the policy to govern');
    // An unknown user count only separates not-applicable from a verdict on the policy itself.
    if (isUnknown(policy)) return verdict.unreadable('password policy', policy);
    if (policy === null) {
      return verdict.fail('the account has no password policy, so IAM applies its default: 8 characters and no reuse prevention', {
        passwordPolicy: null,
      });
    }

    const shortfalls: string[] = [];
    if (policy.minimumLength < params.minimumLength) {
      shortfalls.push(`minimum length is ${policy.minimumLength}, below ${params.minimumLength}`);
    }
    if (params.passwordReusePrevention > 0 && (policy.passwordReusePrevention ?? 0) < params.passwordReusePrevention) {
      shortfalls.push(
        policy.passwordReusePrevention === null
          ? 'password reuse is not prevented'
          : `only the last ${policy.passwordReusePrevention} passwords cannot be reused, fewer than ${params.passwordReusePrevention}`,
      );
    }
    for (const [flag, label] of CHARACTER_CLASSES) {
      if (params[flag] && !policy[flag]) shortfalls.push(`${label} are not required`);
    }
    if (params.maxPasswordAgeDays !== null && (policy.maxPasswordAgeDays === null || policy.maxPasswordAgeDays > params.maxPasswordAgeDays)) {
      shortfalls.push(
        policy.maxPasswordAgeDays === null
          ? 'passwords never expire'
          : `passwords expire after ${policy.maxPasswordAgeDays} days, more than ${params.maxPasswordAgeDays}`,
      );
    }
    if (shortfalls.length > 0) return verdict.fail(shortfalls.join('; '), { passwordPolicy: policy });
    const reuse = policy.passwordReusePrevention === null ? 'reuse is not restricted' : `the last ${policy.passwordReusePrevention} cannot be reused`;
    return verdict.pass(`passwords need at least ${policy.minimumLength} characters; ${reuse}`);
  },
});
