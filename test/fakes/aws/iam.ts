/**
 * IAM (query protocol, global endpoint): GetAccountAuthorizationDetails — users, groups, roles and
 * managed policies with their documents URL-encoded, paged by `MaxItems` across all the lists
 * together, as IAM does — the credential report (CSV, base64 in `Content`, generated an hour
 * before the collection clock), the password policy, the account summary, the organization's IAM
 * features and each customer-managed policy's tags.
 */
import type { AccessKeyRecord, IamPolicy, IamRole, IamUser, SyntheticAccount } from './account.js';
import { change, remove } from './state.js';
import {
  formParams,
  list,
  page,
  pageSize,
  queryEmptyReply,
  queryError,
  queryReply,
  strings,
  urlEncodedJson,
  val,
  type Reply,
  type ServiceHandler,
} from './wire.js';

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

const tagList = (tags: Readonly<Record<string, string>>) => list('Tags', Object.entries(tags), ([k, v]) => val('Key', k) + val('Value', v));
const attachedList = (arns: readonly string[]) =>
  list('AttachedManagedPolicies', arns, (arn) => val('PolicyName', arn.split('/').at(-1)) + val('PolicyArn', arn));
const inlineList = (tag: string, name: string | undefined) =>
  list(
    tag,
    name === undefined ? [] : [name],
    (n) =>
      val('PolicyName', n) +
      val('PolicyDocument', urlEncodedJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] })),
  );

function user(accountId: string, u: IamUser): string {
  return (
    val('Path', '/') +
    val('UserName', u.name) +
    val('UserId', u.id) +
    val('Arn', `arn:aws:iam::${accountId}:user/${u.name}`) +
    val('CreateDate', u.createdAt) +
    inlineList('UserPolicyList', u.inline ? 'inline-sqs' : undefined) +
    strings('GroupList', u.groups) +
    attachedList(u.attached) +
    tagList(u.tags)
  );
}

function role(accountId: string, r: IamRole): string {
  const service = r.name.startsWith('lambda') ? 'lambda.amazonaws.com' : r.name.startsWith('ecs') ? 'ecs-tasks.amazonaws.com' : 'ec2.amazonaws.com';
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] };
  return (
    val('Path', r.path) +
    val('RoleName', r.name) +
    val('RoleId', r.id) +
    val('Arn', `arn:aws:iam::${accountId}:role${r.path}${r.name}`) +
    val('CreateDate', r.createdAt) +
    val('AssumeRolePolicyDocument', urlEncodedJson(trust)) +
    list('InstanceProfileList', [], () => '') +
    inlineList('RolePolicyList', r.inline ? 'inline-sqs' : undefined) +
    attachedList(r.attached) +
    tagList(r.tags) +
    (r.lastUsed !== undefined ? `<RoleLastUsed>${val('LastUsedDate', r.lastUsed)}${val('Region', 'us-east-1')}</RoleLastUsed>` : '<RoleLastUsed/>')
  );
}

function policy(p: IamPolicy): string {
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] };
  return (
    val('PolicyName', p.name) +
    val('PolicyId', p.id) +
    val('Arn', p.arn) +
    val('Path', '/') +
    val('DefaultVersionId', 'v2') +
    val('AttachmentCount', p.attachments) +
    val('PermissionsBoundaryUsageCount', 0) +
    val('IsAttachable', true) +
    val('CreateDate', p.createdAt) +
    val('UpdateDate', p.createdAt) +
    list(
      'PolicyVersionList',
      ['v2', 'v1'],
      (v) => val('Document', urlEncodedJson(document)) + val('VersionId', v) + val('IsDefaultVersion', v === 'v2') + val('CreateDate', p.createdAt),
    )
  );
}

interface Entity {
  readonly kind: 'user' | 'group' | 'role' | 'policy';
  readonly xml: string;
}

function authorizationDetails(account: SyntheticAccount, params: URLSearchParams): string {
  const id = account.accountId;
  const all: Entity[] = [
    ...account.users.map((u) => ({ kind: 'user' as const, xml: user(id, u) })),
    ...account.groups.map((g) => ({
      kind: 'group' as const,
      xml:
        val('Path', '/') +
        val('GroupName', g.name) +
        val('GroupId', g.id) +
        val('Arn', `arn:aws:iam::${id}:group/${g.name}`) +
        val('CreateDate', g.createdAt) +
        inlineList('GroupPolicyList', undefined) +
        attachedList(g.attached),
    })),
    ...account.roles.map((r) => ({ kind: 'role' as const, xml: role(id, r) })),
    ...account.policies.map((p) => ({ kind: 'policy' as const, xml: policy(p) })),
  ];
  const { items, next } = page(all, params.get('Marker'), pageSize(params.get('MaxItems'), 100, 1000));
  const of = (kind: Entity['kind'], tag: string) =>
    list(
      tag,
      items.filter((e) => e.kind === kind),
      (e) => e.xml,
    );
  return (
    of('user', 'UserDetailList') +
    of('group', 'GroupDetailList') +
    of('role', 'RoleDetailList') +
    of('policy', 'Policies') +
    val('IsTruncated', next !== undefined) +
    val('Marker', next)
  );
}

/** When the generated key was last used (the credential report's time). */
const GENERATED_KEY_LAST_USED = '2026-02-28T12:00:00.000Z';

/**
 * The user's access keys: those set on the user, else the one key `accessKey` gives it (its id
 * made from the user id), kept on the user from the first read on so that changes stay.
 */
export function accessKeysOf(u: IamUser): readonly AccessKeyRecord[] {
  if (u.accessKeys === undefined) {
    const generated: AccessKeyRecord[] = u.accessKey
      ? [
          {
            id: `AKIA${u.id
              .replace(/[^A-Z0-9]/g, '')
              .slice(-16)
              .padStart(16, 'Q')}`,
            status: 'Active',
            createdAt: u.createdAt,
            lastUsed: GENERATED_KEY_LAST_USED,
          },
        ]
      : [];
    change(u, { accessKeys: generated });
  }
  return u.accessKeys!;
}

/** A key slot of the credential report: active, last rotated, last used date, region, service. */
function reportSlot(key: AccessKeyRecord | undefined): string {
  if (key === undefined) return 'false,N/A,N/A,N/A,N/A';
  const used = key.lastUsed === undefined ? 'N/A,N/A,N/A' : `${reportTime(key.lastUsed)},eu-west-1,s3`;
  return `${key.status === 'Active'},${reportTime(key.createdAt)},${used}`;
}

const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** IAM writes report times as `2024-05-01T08:30:00+00:00`. */
const reportTime = (iso: string) => iso.replace(/\.\d{3}Z$/, '+00:00');

function credentialReport(account: SyntheticAccount): string {
  const rows = [
    `<root_account>,arn:aws:iam::${account.accountId}:root,2019-03-04T10:00:00+00:00,not_supported,2026-01-10T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ...account.users.map((u) => {
      const created = reportTime(u.createdAt);
      const password = u.password ? `true,2026-02-20T10:00:00+00:00,${created},N/A` : 'false,N/A,N/A,N/A';
      const [key1, key2] = accessKeysOf(u);
      return `${u.name},arn:aws:iam::${account.accountId}:user/${u.name},${created},${password},${u.mfa},${reportSlot(key1)},${reportSlot(key2)},false,N/A,false,N/A`;
    }),
  ];
  return Buffer.from([REPORT_HEADER, ...rows].join('\n'), 'utf8').toString('base64');
}

const noSuchUser = (name: string | null) => queryError(NS, 'NoSuchEntity', `The user with name ${String(name)} cannot be found.`, 404);

/** The calls about one user's access keys and tags, reading and changing them. */
function userCall(account: SyntheticAccount, action: string, params: URLSearchParams): Reply | undefined {
  const name = params.get('UserName');
  const keyId = params.get('AccessKeyId');
  switch (action) {
    case 'ListAccessKeys': {
      const u = account.users.find((x) => x.name === name);
      if (u === undefined) return noSuchUser(name);
      return queryReply(
        NS,
        action,
        list(
          'AccessKeyMetadata',
          accessKeysOf(u),
          (k) => val('UserName', u.name) + val('AccessKeyId', k.id) + val('Status', k.status) + val('CreateDate', k.createdAt),
        ) + val('IsTruncated', false),
      );
    }
    case 'GetAccessKeyLastUsed': {
      const owner = account.users.find((u) => accessKeysOf(u).some((k) => k.id === keyId));
      const key = owner === undefined ? undefined : accessKeysOf(owner).find((k) => k.id === keyId);
      if (owner === undefined || key === undefined) return queryError(NS, 'NoSuchEntity', `The Access Key with id ${String(keyId)} cannot be found.`, 404);
      const used =
        key.lastUsed === undefined
          ? val('ServiceName', 'N/A') + val('Region', 'N/A')
          : val('LastUsedDate', key.lastUsed) + val('ServiceName', 's3') + val('Region', 'eu-west-1');
      return queryReply(NS, action, val('UserName', owner.name) + `<AccessKeyLastUsed>${used}</AccessKeyLastUsed>`);
    }
    case 'UpdateAccessKey':
    case 'DeleteAccessKey': {
      const u = account.users.find((x) => x.name === name);
      if (u === undefined) return noSuchUser(name);
      const keys = accessKeysOf(u);
      const key = keys.find((k) => k.id === keyId);
      if (key === undefined) return queryError(NS, 'NoSuchEntity', `The Access Key with id ${String(keyId)} cannot be found.`, 404);
      if (action === 'DeleteAccessKey') remove(keys, key);
      else {
        const status = params.get('Status');
        if (status !== 'Active' && status !== 'Inactive') return queryError(NS, 'ValidationError', `Status ${String(status)} is not Active or Inactive`);
        change(key, { status });
      }
      return queryEmptyReply(NS, action);
    }
    case 'TagUser': {
      const u = account.users.find((x) => x.name === name);
      if (u === undefined) return noSuchUser(name);
      const tags = { ...u.tags };
      for (let i = 1; params.has(`Tags.member.${i}.Key`); i++) tags[params.get(`Tags.member.${i}.Key`)!] = params.get(`Tags.member.${i}.Value`) ?? '';
      change(u, { tags });
      return queryEmptyReply(NS, action);
    }
    default:
      return undefined;
  }
}

export function iam(account: SyntheticAccount): ServiceHandler {
  const generatedAt = new Date(Date.parse(account.now) - 3_600_000).toISOString();
  return (request) => {
    const params = formParams(request);
    const action = params.get('Action') ?? '';
    const reply = (result: string) => queryReply(NS, action, result);
    const aboutUser = userCall(account, action, params);
    if (aboutUser !== undefined) return aboutUser;
    switch (action) {
      case 'GetAccountAuthorizationDetails':
        return reply(authorizationDetails(account, params));
      case 'GetCredentialReport':
        return reply(val('Content', credentialReport(account)) + val('ReportFormat', 'text/csv') + val('GeneratedTime', generatedAt));
      case 'GenerateCredentialReport':
        return reply(val('State', 'COMPLETE') + val('Description', 'No report exists. Starting a new report generation task'));
      case 'GetAccountPasswordPolicy':
        return reply(
          '<PasswordPolicy>' +
            val('MinimumPasswordLength', 14) +
            val('RequireSymbols', true) +
            val('RequireNumbers', true) +
            val('RequireUppercaseCharacters', true) +
            val('RequireLowercaseCharacters', true) +
            val('AllowUsersToChangePassword', true) +
            val('ExpirePasswords', false) +
            val('PasswordReusePrevention', 24) +
            '</PasswordPolicy>',
        );
      case 'GetAccountSummary': {
        const summary: Record<string, number> = {
          Users: account.users.length,
          Groups: account.groups.length,
          Roles: account.roles.length,
          Policies: account.policies.filter((p) => !p.arn.includes(':aws:policy/')).length,
          AccountMFAEnabled: 1,
          AccountAccessKeysPresent: 0,
          AccountPasswordPresent: 1,
          MFADevices: account.users.filter((u) => u.mfa).length,
        };
        return reply(
          `<SummaryMap>${Object.entries(summary)
            .map(([k, v]) => `<entry>${val('key', k)}${val('value', v)}</entry>`)
            .join('')}</SummaryMap>`,
        );
      }
      case 'ListOrganizationsFeatures':
        // A member of an organization that does not manage root credentials centrally.
        return reply(val('OrganizationId', 'o-a1b2c3d4e5') + strings('EnabledFeatures', []));
      case 'ListServerCertificates':
        return reply(
          list(
            'ServerCertificateMetadataList',
            account.serverCertificates,
            (c) =>
              val('Path', c.path) +
              val('ServerCertificateName', c.name) +
              val('ServerCertificateId', c.id) +
              val('Arn', `arn:aws:iam::${account.accountId}:server-certificate${c.path}${c.name}`) +
              val('UploadDate', c.uploadedAt) +
              val('Expiration', c.expiresAt),
          ) + val('IsTruncated', false),
        );
      case 'ListServerCertificateTags': {
        const found = account.serverCertificates.find((c) => c.name === params.get('ServerCertificateName'));
        if (found === undefined)
          return queryError(NS, 'NoSuchEntity', `The Server Certificate with name ${String(params.get('ServerCertificateName'))} cannot be found.`, 404);
        return reply(tagList(found.tags) + val('IsTruncated', false));
      }
      case 'ListPolicyTags': {
        const arn = params.get('PolicyArn');
        const found = account.policies.find((p) => p.arn === arn);
        if (found === undefined) return queryError(NS, 'NoSuchEntity', `Policy ${String(arn)} does not exist or is not attachable.`, 404);
        return reply(tagList({ owner: found.name.split('-')[0] ?? 'platform' }) + val('IsTruncated', false));
      }
      default:
        return queryError(NS, 'InvalidAction', `the fake IAM does not answer ${action}`);
    }
  };
}
