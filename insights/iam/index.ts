/** iam insights, sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import iamAccessKeyAge from './iam-access-key-age.js';
import iamCredentialsUnused from './iam-credentials-unused.js';
import iamGroupEmpty from './iam-group-empty.js';
import iamPasswordPolicy from './iam-password-policy.js';
import iamPolicyAdminStar from './iam-policy-admin-star.js';
import iamRootAccessKeys from './iam-root-access-keys.js';
import iamRootMfa from './iam-root-mfa.js';
import iamServerCertificateExpired from './iam-server-certificate-expired.js';
import iamSupportRole from './iam-support-role.js';
import iamUserDirectPolicies from './iam-user-direct-policies.js';
import iamUserMfa from './iam-user-mfa.js';

export const iamInsights: readonly Insight[] = [
  iamAccessKeyAge,
  iamCredentialsUnused,
  iamGroupEmpty,
  iamPasswordPolicy,
  iamPolicyAdminStar,
  iamRootAccessKeys,
  iamRootMfa,
  iamServerCertificateExpired,
  iamSupportRole,
  iamUserDirectPolicies,
  iamUserMfa,
];
