/**
 * `AWS::IAM::User`: users, their groups and policies from the account's shared
 * GetAccountAuthorizationDetails read; password, MFA and access keys from the credential report —
 * never a call per user.
 *
 * Access keys: the report describes a user's two key slots (`access_key_1`, `access_key_2`:
 * active, created or rotated, last used) but not the key ids, which only ListAccessKeys — one call
 * per user — returns. The model requires an id, so a key is named by its report slot,
 * `access_key_1` / `access_key_2`: it cannot be taken for a real key id (those are 16+ upper-case
 * characters beginning AKIA/ASIA), and every judged fact (status, age, last use) is the report's.
 */
import type { UserDetail } from '@aws-sdk/client-iam';
import type { AccessKey, IamUserConfig } from '../../../model/types/iam/user.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CollectContext } from '../../contract/collect-context.js';
import { defineCollector, type FieldOf, type ResourceCollector } from '../../contract/collector.js';
import { reportBoolean, reportDate, UNREADABLE_REPORT, unreadableKeySlot, type ReportRow } from './credential-report.js';
import { attachedPolicies, iamResource, iamTags, identityOf, incompleteLists, inlinePolicies, type Identity } from './entity.js';
import type { AuthorizationDetails, CredentialReportRead, IamSnapshots } from './snapshot.js';
import { readProblem, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = CollectContext<'AWS::IAM::User'>;
type Credentials = Pick<IamUserConfig, 'passwordEnabled' | 'passwordLastUsed' | 'mfaActive' | 'accessKeys'>;

const CREDENTIAL_FIELDS: readonly FieldOf<'AWS::IAM::User'>[] = ['passwordEnabled', 'passwordLastUsed', 'mfaActive', 'accessKeys'];

function all(value: Unknown): Credentials {
  return { passwordEnabled: value, passwordLastUsed: value, mfaActive: value, accessKeys: value };
}

/** The user's keys from the report's two slots, or which report cells could not be read. */
export function accessKeysOf(row: ReportRow): Read<AccessKey[]> {
  const keys: AccessKey[] = [];
  for (const slot of [1, 2] as const) {
    const name = `access_key_${slot}` as const;
    const active = reportBoolean(row[`${name}_active`]);
    const rotated = reportDate(row[`${name}_last_rotated`]);
    const lastUsed = reportDate(row[`${name}_last_used_date`]);
    if (active === undefined || rotated === undefined || lastUsed === undefined) {
      return unreadableKeySlot(row, name);
    }
    // No date and not active: the slot is empty.
    if (rotated === null) {
      if (active) return readProblem(UNREADABLE_REPORT, `${name} is active but has no last_rotated date`);
      continue;
    }
    keys.push({ id: name, status: active ? 'Active' : 'Inactive', createDate: rotated, lastUsedDate: lastUsed });
  }
  return ok(keys);
}

/** The row describes this user, not an earlier one of the same name (the report may be four hours old). */
function sameUser(row: ReportRow, createDate: string): boolean {
  const created = reportDate(row.user_creation_time);
  return typeof created !== 'string' || Math.floor(Date.parse(created) / 1000) === Math.floor(Date.parse(createDate) / 1000);
}

function credentials(ctx: Ctx, report: CredentialReportRead | undefined, reportFailure: Unknown | undefined, user: Identity): Credentials {
  if (report === undefined) return all(ctx.notCollected('GetCredentialReport'));
  if (!report.ok) return all(reportFailure ?? ctx.unknownOf(report.failed));
  // A report row is this user's only if it was created when the user was: a name can be reused.
  if (isUnknown(user.createDate)) return all(user.createDate);
  const ref = { arn: user.arn };
  const row = report.report.users.get(user.name);
  if (row === undefined || !sameUser(row, user.createDate)) {
    return all(
      ctx.unreadable(
        report.call,
        'NotInCredentialReport',
        `the credential report generated ${report.report.generatedAt ?? 'at an unknown time'} does not list the user created ${user.createDate}`,
        ref,
      ),
    );
  }
  const read = <V>(value: V | undefined, column: string): Maybe<V> =>
    value !== undefined ? value : ctx.unreadable(report.call, UNREADABLE_REPORT, `${column} is '${row[column] ?? ''}'`, ref);
  const keys = accessKeysOf(row);
  return {
    passwordEnabled: read(reportBoolean(row.password_enabled), 'password_enabled'),
    // `N/A` (no password) and `no_information` (never used, or not since October 2014) are null.
    passwordLastUsed: read(reportDate(row.password_last_used), 'password_last_used'),
    mfaActive: read(reportBoolean(row.mfa_active), 'mfa_active'),
    accessKeys: keys.ok ? keys.value : ctx.unreadable(report.call, keys.error.code, keys.error.message, ref),
  };
}

function emitUser(
  ctx: Ctx,
  details: AuthorizationDetails,
  user: UserDetail,
  report: CredentialReportRead | undefined,
  reportFailure: Unknown | undefined,
): void {
  const found = identityOf(ctx, details.call, 'user', { name: user.UserName, id: user.UserId, arn: user.Arn, path: user.Path, created: user.CreateDate });
  if (!found.ok) {
    ctx.unreadable(details.call, found.error.code, found.error.message);
    return;
  }
  const identity = found.value;
  const { call } = details;
  ctx.emit(
    iamResource(ctx, identity, iamTags(user.Tags), {
      userId: identity.id,
      path: identity.path,
      createDate: identity.createDate,
      ...credentials(ctx, report, reportFailure, identity),
      attachedPolicies: attachedPolicies(ctx, user.AttachedManagedPolicies, call, identity.arn),
      inlinePolicies: inlinePolicies(ctx, user.UserPolicyList, call, identity.arn),
      groups: [...(user.GroupList ?? [])],
    }),
  );
}

export function iamUserCollector(snapshots: IamSnapshots): ResourceCollector<'AWS::IAM::User'> {
  return defineCollector({
    resourceType: 'AWS::IAM::User',
    service: 'iam',
    scope: 'account',
    operations: [
      {
        operation: 'GetAccountAuthorizationDetails',
        iamAction: 'iam:GetAccountAuthorizationDetails',
        fills: ['userId', 'path', 'createDate', 'attachedPolicies', 'inlinePolicies', 'groups', 'name', 'tags', 'createdAt'],
        required: true,
        lists: true,
      },
      { operation: 'GetCredentialReport', iamAction: 'iam:GetCredentialReport', fills: CREDENTIAL_FIELDS },
      // Only when the report is missing or stale; it fills what the report fills.
      { operation: 'GenerateCredentialReport', iamAction: 'iam:GenerateCredentialReport', fills: CREDENTIAL_FIELDS },
    ],
    async collect(ctx) {
      const [details, report] = await Promise.all([
        snapshots.authorizationDetails(ctx),
        ctx.runs('GetCredentialReport') ? snapshots.credentialReport(ctx) : Promise.resolve(undefined),
      ]);
      // An incomplete list loses users, not fields: each user's groups and policies are its own.
      incompleteLists(ctx, details);
      // One coverage entry for the account, not one per user.
      const reportFailure = report !== undefined && !report.ok ? ctx.unknownOf(report.failed) : undefined;
      for (const user of details.users) emitUser(ctx, details, user, report, reportFailure);
    },
  });
}
