/**
 * Where the resource-type examples live and what they share: the default account, region and
 * time, the customer-managed key the examples encrypt with, a CIS-grade password policy and the
 * TLS-only bucket statement.
 */
import type { PasswordPolicy } from './types/account/account.js';

export const DEFAULT_ACCOUNT = '111111111111';
export const DEFAULT_REGION = 'eu-west-1';
export const DEFAULT_TIME = '2026-01-15T10:00:00.000Z';

/** The id of the customer-managed key the KMS key example is, and the other examples encrypt with. */
export const EXAMPLE_KEY_ID = '11111111-2222-3333-4444-555555555555';

/** The ARN of the example customer-managed key in the account and region. */
export function exampleKeyArn(region: string, accountId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${EXAMPLE_KEY_ID}`;
}

/** A password policy that meets CIS (length 14, reuse 24) and more. */
export const STRONG_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercase: true,
  requireLowercase: true,
  allowUsersToChangePassword: true,
  maxPasswordAgeDays: 90,
  passwordReusePrevention: 24,
  hardExpiry: false,
};

/** The bucket policy statement that refuses requests made without TLS. */
export function tlsOnlyStatement(bucketArn: string): Record<string, unknown> {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
