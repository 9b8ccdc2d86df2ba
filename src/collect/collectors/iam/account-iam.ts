/**
 * The IAM settings of `AWS::Account`: the password policy (GetAccountPasswordPolicy; NoSuchEntity
 * means the account has none — null, which the password insight fails, not an error), the root
 * user's credentials (the credential report's `<root_account>` row, shared with the user
 * collector; whether it has a password from GetAccountSummary) and the number of IAM users
 * (GetAccountSummary).
 *
 * Whether the organization manages root credentials centrally is IAM's ListOrganizationsFeatures,
 * which only the management account and the delegated administrator may call: a standalone
 * account (OrganizationNotFoundException) or an organization that cannot have the feature
 * answers false; a member account is refused, so for it the value stays unknown (coverage says
 * why). When the feature is on, DescribeOrganization tells the management account — whose own root
 * is never centrally managed — from the delegated administrator.
 */
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  ListOrganizationsFeaturesCommand,
  type PasswordPolicy as SdkPasswordPolicy,
} from '@aws-sdk/client-iam';
import { arnFor } from '../../../model/arn.js';
import type { AccountConfig, PasswordPolicy, RootCredentials } from '../../../model/types/account/account.js';
import { isUnknown, type Maybe } from '../../../model/unknown.js';
import type { Outcome, ResourceRef, SettingsContext } from '../../contract/collect-context.js';
import { defineSettingsCollector, type SettingsCollector } from '../../contract/collector.js';
import { reportBoolean, reportDate, UNREADABLE_REPORT, unreadableKeySlot, type ReportRow } from './credential-report.js';
import {} from './entity.js';
import type { CredentialReportRead, IamSnapshots } from './snapshot.js';
import { UNEXPECTED_RESPONSE, unexpected, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = SettingsContext<'AWS::Account'>;
type Fields = 'passwordPolicy' | 'root' | 'iamUserCount';
type SummaryMap = Partial<Record<string, number>>;

export function passwordPolicyOf(policy: SdkPasswordPolicy | undefined): Read<PasswordPolicy> {
  if (policy === undefined) return unexpected('GetAccountPasswordPolicy returned no PasswordPolicy');
  if (policy.MinimumPasswordLength === undefined) return unexpected('the password policy has no MinimumPasswordLength');
  const maxAge = policy.MaxPasswordAge ?? 0;
  const reuse = policy.PasswordReusePrevention ?? 0;
  return ok({
    minimumLength: policy.MinimumPasswordLength,
    requireSymbols: policy.RequireSymbols === true,
    requireNumbers: policy.RequireNumbers === true,
    requireUppercase: policy.RequireUppercaseCharacters === true,
    requireLowercase: policy.RequireLowercaseCharacters === true,
    allowUsersToChangePassword: policy.AllowUsersToChangePassword === true,
    // IAM: passwords expire when MaxPasswordAge is above 0 (ExpirePasswords says the same).
    maxPasswordAgeDays: maxAge >= 1 ? maxAge : null,
    passwordReusePrevention: reuse >= 1 ? reuse : null,
    hardExpiry: policy.HardExpiry === true,
  });
}

/** The root user's access keys (report slots 1 and 2 that hold a key), or which report cells could not be read. */
export function rootAccessKeysOf(row: ReportRow): Read<RootCredentials['accessKeys']> {
  const keys: RootCredentials['accessKeys'] = [];
  for (const slot of [1, 2] as const) {
    const name = `access_key_${slot}` as const;
    const active = reportBoolean(row[`${name}_active`]);
    const lastRotated = reportDate(row[`${name}_last_rotated`]);
    const lastUsed = reportDate(row[`${name}_last_used_date`]);
    if (active === undefined || lastRotated === undefined || lastUsed === undefined) {
      return unreadableKeySlot(row, name);
    }
    if (!active && lastRotated === null) continue;
    keys.push({ active, lastRotated, lastUsed });
  }
  return ok(keys);
}

async function passwordPolicy(ctx: Ctx, ref: ResourceRef): Promise<AccountConfig['passwordPolicy']> {
  if (!ctx.runs('GetAccountPasswordPolicy')) return ctx.notCollected('GetAccountPasswordPolicy');
  const outcome = await ctx.send(new GetAccountPasswordPolicyCommand({}));
  if (!outcome.ok) return outcome.notConfigured ? null : ctx.unknownOf(outcome, ref);
  const policy = passwordPolicyOf(outcome.value.PasswordPolicy);
  return policy.ok ? policy.value : ctx.unreadable(outcome.call, policy.error.code, policy.error.message, ref);
}

/** Whether root credentials are managed centrally by the organization (see the module comment). */
async function centrallyManaged(ctx: Ctx, ref: ResourceRef): Promise<Maybe<boolean>> {
  const features = await ctx.send(new ListOrganizationsFeaturesCommand({}));
  if (!features.ok) return features.notConfigured ? false : ctx.unknownOf(features, ref);
  if (!(features.value.EnabledFeatures ?? []).includes('RootCredentialsManagement')) return false;
  const organization = await ctx.send(new DescribeOrganizationCommand({}), { service: 'organizations' });
  if (!organization.ok) return ctx.unknownOf(organization, ref);
  const management = organization.value.Organization?.MasterAccountId;
  if (management === undefined) return ctx.unreadable(organization.call, UNEXPECTED_RESPONSE, 'DescribeOrganization returned no MasterAccountId', ref);
  return management !== ctx.accountId;
}

/** The root user has a password: GetAccountSummary's AccountPasswordPresent, else the report row when it says true or false. */
function passwordPresent(
  ctx: Ctx,
  summary: Maybe<SummaryMap>,
  row: ReportRow,
  report: Extract<CredentialReportRead, { ok: true }>,
  ref: ResourceRef,
): Maybe<boolean> {
  const present = isUnknown(summary) ? undefined : summary['AccountPasswordPresent'];
  if (present !== undefined) return present > 0;
  const fromReport = reportBoolean(row.password_enabled);
  if (fromReport !== undefined) return fromReport;
  if (isUnknown(summary)) return summary;
  return ctx.unreadable(
    report.call,
    UNREADABLE_REPORT,
    'neither GetAccountSummary (AccountPasswordPresent) nor the credential report tells whether the root user has a password',
    ref,
  );
}

function rootOf(ctx: Ctx, report: CredentialReportRead, summary: Maybe<SummaryMap>, central: Maybe<boolean>, ref: ResourceRef): Maybe<RootCredentials> {
  if (!report.ok) return ctx.unknownOf(report.failed, ref);
  const unreadable = (message: string) => ctx.unreadable(report.call, UNREADABLE_REPORT, `<root_account>: ${message}`, ref);
  const row = report.report.root;
  if (row === undefined) return unreadable('the credential report has no row for the root user');
  const mfaActive = reportBoolean(row.mfa_active);
  if (mfaActive === undefined) return unreadable(`mfa_active is '${row.mfa_active}'`);
  const passwordLastUsed = reportDate(row.password_last_used);
  if (passwordLastUsed === undefined) return unreadable(`password_last_used is '${row.password_last_used}'`);
  const accessKeys = rootAccessKeysOf(row);
  if (!accessKeys.ok) return unreadable(accessKeys.error.message);
  const password = passwordPresent(ctx, summary, row, report, ref);
  // The model has no root credentials without knowing the password (see the report on the model).
  if (isUnknown(password)) return password;
  return { passwordPresent: password, centrallyManaged: central, mfaActive, passwordLastUsed, accessKeys: accessKeys.value };
}

interface Summary {
  readonly map: Maybe<SummaryMap>;
  readonly users: AccountConfig['iamUserCount'];
}

function summaryOf(ctx: Ctx, outcome: Outcome<{ SummaryMap?: SummaryMap | undefined }> | undefined, ref: ResourceRef): Summary {
  if (outcome === undefined) {
    const notCollected = ctx.notCollected('GetAccountSummary');
    return { map: notCollected, users: notCollected };
  }
  if (!outcome.ok) {
    const failed = ctx.unknownOf(outcome, ref);
    return { map: failed, users: failed };
  }
  const map = outcome.value.SummaryMap;
  if (map === undefined) {
    const missing = ctx.unreadable(outcome.call, UNEXPECTED_RESPONSE, 'GetAccountSummary returned no SummaryMap', ref);
    return { map: missing, users: missing };
  }
  const users = map['Users'];
  const valid = users !== undefined && Number.isInteger(users) && users >= 0;
  return { map, users: valid ? users : ctx.unreadable(outcome.call, UNEXPECTED_RESPONSE, 'GetAccountSummary has no Users count', ref) };
}

export function accountIamCollector(snapshots: IamSnapshots): SettingsCollector<'AWS::Account', Fields> {
  return defineSettingsCollector({
    resourceType: 'AWS::Account',
    service: 'iam',
    scope: 'account',
    fields: ['passwordPolicy', 'root', 'iamUserCount'],
    operations: [
      {
        operation: 'GetAccountPasswordPolicy',
        iamAction: 'iam:GetAccountPasswordPolicy',
        fills: ['passwordPolicy'],
        // The wire code, and the SDK class name where an error carries no code.
        notConfigured: ['NoSuchEntity', 'NoSuchEntityException'],
      },
      { operation: 'GetAccountSummary', iamAction: 'iam:GetAccountSummary', fills: ['iamUserCount', 'root'] },
      { operation: 'GetCredentialReport', iamAction: 'iam:GetCredentialReport', fills: ['root'] },
      { operation: 'GenerateCredentialReport', iamAction: 'iam:GenerateCredentialReport', fills: ['root'] },
      {
        operation: 'ListOrganizationsFeatures',
        iamAction: 'iam:ListOrganizationsFeatures',
        fills: ['root'],
        // No organization, or one that cannot manage root credentials centrally: not managed.
        notConfigured: ['OrganizationNotFoundException', 'OrganizationNotInAllFeaturesModeException', 'ServiceAccessNotEnabledException'],
      },
      { operation: 'DescribeOrganization', service: 'organizations', iamAction: 'organizations:DescribeOrganization', fills: ['root'] },
    ],
    async collect(ctx) {
      const ref: ResourceRef = { arn: arnFor('AWS::Account', ctx.accountId, ctx.region, ctx.accountId, ctx.partition) };
      const readsRoot = ctx.runs('GetCredentialReport');
      const [policy, summaryOutcome, report, central] = await Promise.all([
        passwordPolicy(ctx, ref),
        ctx.runs('GetAccountSummary') ? ctx.send(new GetAccountSummaryCommand({})) : Promise.resolve(undefined),
        readsRoot ? snapshots.credentialReport(ctx) : Promise.resolve(undefined),
        readsRoot ? centrallyManaged(ctx, ref) : Promise.resolve(undefined),
      ]);
      const summary = summaryOf(ctx, summaryOutcome, ref);
      return {
        passwordPolicy: policy,
        root: report === undefined || central === undefined ? ctx.notCollected('GetCredentialReport') : rootOf(ctx, report, summary.map, central, ref),
        iamUserCount: summary.users,
      };
    },
  });
}
