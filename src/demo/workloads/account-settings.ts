/** The account-wide (`AWS::Account`) and region-wide (`AWS::Account::Region`) settings of a demo account. */
import { account, accountRegion, STRONG_PASSWORD_POLICY } from '../../model/builders.js';
import type { Resource } from '../../model/resource.js';
import type { PasswordPolicy } from '../../model/types/account/account.js';
import type { AccessAnalyzer } from '../../model/types/account/account-region.js';
import type { Maybe } from '../../model/unknown.js';
import type { AccountScope } from '../scope.js';

/** The console default that teams leave in place: short, never expires, reuse allowed. */
const WEAK_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireSymbols: false,
  requireNumbers: true,
  requireUppercase: false,
  requireLowercase: true,
  allowUsersToChangePassword: true,
  maxPasswordAgeDays: null,
  passwordReusePrevention: null,
  hardExpiry: false,
};

export interface AccountPosture {
  passwordPolicy: 'strong' | 'weak' | 'none';
  /**
   * `central`: a member account whose root credentials the organization manages (no password, no MFA
   * needed); `mfa`: a root password protected by MFA; `key`: MFA on, but an old active root access key.
   */
  root: 'central' | 'mfa' | 'key';
  s3PublicAccessBlock: boolean;
  iamUserCount: number;
}

export function accountSettings(scope: AccountScope, posture: AccountPosture): Resource<'AWS::Account'> {
  const { clock } = scope;
  const entry = scope.plan.entry;
  const central = posture.root === 'central';
  return account(
    {
      passwordPolicy:
        posture.passwordPolicy === 'strong' ? { ...STRONG_PASSWORD_POLICY } : posture.passwordPolicy === 'weak' ? { ...WEAK_PASSWORD_POLICY } : null,
      root: {
        passwordPresent: !central,
        centrallyManaged: central,
        mfaActive: !central,
        passwordLastUsed: central ? null : clock.daysAgo(scope.rng.int(40, 400)),
        accessKeys: posture.root === 'key' ? [{ active: true, lastRotated: clock.daysAgo(1_460), lastUsed: clock.daysAgo(scope.rng.int(30, 200)) }] : [],
      },
      iamUserCount: posture.iamUserCount,
      s3PublicAccessBlock: posture.s3PublicAccessBlock
        ? { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }
        : null,
    },
    scope.envelope('global', scope.accountId, entry.name, { ...entry.tags, owner: entry.owner?.email ?? scope.slug }),
  );
}

export interface RegionPosture {
  ebsEncryptionByDefault: Maybe<boolean>;
  /** `global`: a recorder of all types including global ones (one region per account); `none`: no recorder. */
  recorder: 'global' | 'regional' | 'stopped' | 'none';
  /** Trails that log the region: the organization trail, plus the account's own. */
  trailArns: readonly string[];
  /**
   * IAM Access Analyzer: `account`, the baseline's external-access analyzer; `organization`, the
   * organization's analyzer (in the delegated administrator account); `unused-only`, an unused-access
   * analyzer and no external-access one; `none`.
   */
  accessAnalyzer: 'account' | 'organization' | 'unused-only' | 'none';
  /** Subscribed to Security Hub in the region. */
  securityHub: boolean;
}

const ANALYZERS: Record<RegionPosture['accessAnalyzer'], AccessAnalyzer[]> = {
  account: [{ name: 'ledgerline-baseline-external-access', type: 'ACCOUNT', status: 'ACTIVE' }],
  organization: [
    { name: 'ledgerline-organization-external-access', type: 'ORGANIZATION', status: 'ACTIVE' },
    { name: 'ledgerline-organization-unused-access', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'ACTIVE' },
  ],
  'unused-only': [{ name: 'unused-access-trial', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' }],
  none: [],
};

export function regionSettings(scope: AccountScope, region: string, posture: RegionPosture): Resource<'AWS::Account::Region'> {
  const ebs = posture.ebsEncryptionByDefault;
  return accountRegion(
    {
      ebsEncryptionByDefault: typeof ebs === 'boolean' ? { enabled: ebs, kmsKeyId: ebs ? 'alias/aws/ebs' : null } : ebs,
      configRecorders:
        posture.recorder === 'none'
          ? []
          : [
              {
                name: 'default',
                recording: posture.recorder !== 'stopped',
                allSupported: true,
                includeGlobalResourceTypes: posture.recorder === 'global',
                lastStatus: 'SUCCESS',
              },
            ],
      trailArns: [...posture.trailArns],
      accessAnalyzers: ANALYZERS[posture.accessAnalyzer].map((analyzer) => ({ ...analyzer })),
      securityHub: posture.securityHub
        ? {
            hubArn: `arn:aws:securityhub:${region}:${scope.accountId}:hub/default`,
            subscribedAt: scope.clock.daysAgo(scope.rng.int(200, 700)),
            autoEnableControls: true,
          }
        : null,
    },
    scope.envelope(region, region, region, {}),
  );
}
