/**
 * An account's IAM as the IAM API reference documents it (after the SDK's deserialisation:
 * timestamps are Dates, the credential report's Content is bytes, policy documents stay
 * URL-encoded): three pages of GetAccountAuthorizationDetails and a credential report.
 */
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  IAMServiceException,
  type GetAccountAuthorizationDetailsCommandOutput,
  type GroupDetail,
  type IAMClient,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { expect } from 'vitest';
import { iamCollectors, IamSnapshots, type IamSnapshotOptions } from '../../../src/collect/collectors/iam/index.js';
import { SharedReads } from '../../../src/collect/contract/shared-reads.js';
import { ACCOUNT } from '../support/harness.js';

export const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };

/** IAM's RFC 3986 encoding (encodeURIComponent leaves !'()* alone; IAM does not). */
export function encode(document: object): string {
  return encodeURIComponent(JSON.stringify(document)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function accessDenied(action: string): IAMServiceException {
  return new IAMServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403, requestId: 'req' },
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} on resource: *`,
  });
}

export const userArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:user${path}${name}`;
export const groupArn = (name: string) => `arn:aws:iam::${ACCOUNT}:group/${name}`;
export const roleArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:role${path}${name}`;
export const customerPolicyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
export const awsPolicyArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;

export const DOCS = {
  aliceS3: {
    Version: '2012-10-17',
    Statement: [{ Sid: "Alice's (own) bucket!", Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::alice-scratch/*' }],
  },
  denyBilling: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'aws-portal:*', Resource: '*' }] },
  deployV1: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] },
  deployV2: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack'], Resource: `arn:aws:cloudformation:*:${ACCOUNT}:stack/app-*/*` },
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: `arn:aws:iam::${ACCOUNT}:role/app-*`,
        Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
      },
    ],
  },
  readOnly: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*'], Resource: '*' }] },
  admin: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  support: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['support:*', 'trustedadvisor:Describe*'], Resource: '*' }] },
  trustCi: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'ci-7f3a' } },
      },
    ],
  },
  trustSupport: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
};

export const ALICE: UserDetail = {
  Path: '/',
  UserName: 'alice',
  UserId: 'AIDACKCEVSQ6C2EXAMPLE',
  Arn: userArn('alice'),
  CreateDate: new Date('2023-04-11T09:15:02Z'),
  UserPolicyList: [{ PolicyName: 'alice-scratch', PolicyDocument: encode(DOCS.aliceS3) }],
  GroupList: ['engineers'],
  AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: awsPolicyArn('ReadOnlyAccess') }],
  Tags: [
    { Key: 'team', Value: 'payments' },
    { Key: 'cost-center', Value: '' },
  ],
};

export const BOB: UserDetail = {
  Path: '/',
  UserName: 'bob',
  UserId: 'AIDAJQABLZS4A3QDU576Q',
  Arn: userArn('bob'),
  CreateDate: new Date('2022-01-20T16:40:00Z'),
  UserPolicyList: [],
  GroupList: ['engineers', 'admins'],
  AttachedManagedPolicies: [],
  Tags: [],
};

export const CAROL: UserDetail = {
  Path: '/ops/',
  UserName: 'carol',
  UserId: 'AIDAIOSFODNN7EXAMPLE',
  Arn: userArn('carol', '/ops/'),
  CreateDate: new Date('2021-06-30T07:00:00Z'),
  UserPolicyList: [],
  GroupList: ['admins'],
  AttachedManagedPolicies: [{ PolicyName: 'deploy', PolicyArn: customerPolicyArn('deploy') }],
};

/** Created after the credential report was generated. */
export const DAVE: UserDetail = {
  Path: '/',
  UserName: 'dave',
  UserId: 'AIDAXAMPLEDAVE0000001',
  Arn: userArn('dave'),
  CreateDate: new Date('2026-03-01T08:30:00Z'),
  UserPolicyList: [],
  GroupList: [],
  AttachedManagedPolicies: [],
  Tags: [],
};

export const ENGINEERS: GroupDetail = {
  Path: '/',
  GroupName: 'engineers',
  GroupId: 'AGPAI3VHGYUSCEXAMPLE1',
  Arn: groupArn('engineers'),
  CreateDate: new Date('2021-02-01T10:00:00Z'),
  GroupPolicyList: [],
  AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: awsPolicyArn('ReadOnlyAccess') }],
};

export const ADMINS: GroupDetail = {
  Path: '/',
  GroupName: 'admins',
  GroupId: 'AGPAJ3HVGYUSCEXAMPLE2',
  Arn: groupArn('admins'),
  CreateDate: new Date('2021-02-01T10:05:00Z'),
  GroupPolicyList: [{ PolicyName: 'deny-billing', PolicyDocument: encode(DOCS.denyBilling) }],
  AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: awsPolicyArn('AdministratorAccess') }],
};

/** A group nobody is in. */
export const AUDITORS: GroupDetail = {
  Path: '/audit/',
  GroupName: 'auditors',
  GroupId: 'AGPAJ3HVGYUSCEXAMPLE3',
  Arn: `arn:aws:iam::${ACCOUNT}:group/audit/auditors`,
  CreateDate: new Date('2024-07-07T07:07:07Z'),
  GroupPolicyList: [],
  AttachedManagedPolicies: [],
};

export const DEPLOYER: RoleDetail = {
  Path: '/',
  RoleName: 'deployer',
  RoleId: 'AROADBQP57FF2AEXAMPLE',
  Arn: roleArn('deployer'),
  CreateDate: new Date('2022-09-13T13:45:00Z'),
  AssumeRolePolicyDocument: encode(DOCS.trustCi),
  InstanceProfileList: [],
  RolePolicyList: [],
  AttachedManagedPolicies: [{ PolicyName: 'deploy', PolicyArn: customerPolicyArn('deploy') }],
  Tags: [{ Key: 'owner', Value: 'platform' }],
  RoleLastUsed: { LastUsedDate: new Date('2026-02-27T22:10:31Z'), Region: 'eu-west-1' },
};

export const SUPPORT_ROLE: RoleDetail = {
  Path: '/aws-service-role/support.amazonaws.com/',
  RoleName: 'AWSServiceRoleForSupport',
  RoleId: 'AROAJDUNMJ4OPEXAMPLE',
  Arn: roleArn('AWSServiceRoleForSupport', '/aws-service-role/support.amazonaws.com/'),
  CreateDate: new Date('2019-10-01T00:00:00Z'),
  AssumeRolePolicyDocument: encode(DOCS.trustSupport),
  InstanceProfileList: [],
  RolePolicyList: [],
  AttachedManagedPolicies: [{ PolicyName: 'AWSSupportServiceRolePolicy', PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy' }],
  Tags: [],
  // Not used in the last 400 days: RoleLastUsed without a date.
  RoleLastUsed: {},
};

export const DEPLOY_POLICY: ManagedPolicyDetail = {
  PolicyName: 'deploy',
  PolicyId: 'ANPAJ2UCCR6DPCEXAMPLE',
  Arn: customerPolicyArn('deploy'),
  Path: '/',
  DefaultVersionId: 'v2',
  AttachmentCount: 2,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  CreateDate: new Date('2022-09-13T13:40:00Z'),
  UpdateDate: new Date('2025-01-08T11:00:00Z'),
  PolicyVersionList: [
    { Document: encode(DOCS.deployV2), VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date('2025-01-08T11:00:00Z') },
    { Document: encode(DOCS.deployV1), VersionId: 'v1', IsDefaultVersion: false, CreateDate: new Date('2022-09-13T13:40:00Z') },
  ],
};

function awsManaged(name: string, document: object, attachments: number, path = '/'): ManagedPolicyDetail {
  return {
    PolicyName: name,
    PolicyId: `ANPA${name
      .toUpperCase()
      .replace(/[^A-Z]/g, '')
      .padEnd(17, 'X')
      .slice(0, 17)}`,
    Arn: `arn:aws:iam::aws:policy${path}${name}`,
    Path: path,
    DefaultVersionId: 'v7',
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: new Date('2015-02-06T18:39:48Z'),
    UpdateDate: new Date('2024-11-15T16:00:00Z'),
    PolicyVersionList: [{ Document: encode(document), VersionId: 'v7', IsDefaultVersion: true, CreateDate: new Date('2024-11-15T16:00:00Z') }],
  };
}

export const READ_ONLY = awsManaged('ReadOnlyAccess', DOCS.readOnly, 2);
export const ADMINISTRATOR = awsManaged('AdministratorAccess', DOCS.admin, 1);
export const SUPPORT_POLICY = awsManaged('AWSSupportServiceRolePolicy', DOCS.support, 1, '/aws-service-role/');
/** AWS-managed and attached to nothing: not part of the account's inventory. */
export const UNUSED_AWS = awsManaged('AmazonS3FullAccess', DOCS.admin, 0);

type Page = Omit<GetAccountAuthorizationDetailsCommandOutput, '$metadata'>;

/** GetAccountAuthorizationDetails in three pages (Marker / IsTruncated); entity types spread over them as IAM does. */
export const PAGES: Record<string, Page> = {
  '': { UserDetailList: [ALICE, BOB], GroupDetailList: [ENGINEERS], RoleDetailList: [], Policies: [], IsTruncated: true, Marker: 'AAEAAXBhZ2UtMg==' },
  'AAEAAXBhZ2UtMg==': {
    UserDetailList: [CAROL, DAVE],
    GroupDetailList: [ADMINS, AUDITORS],
    RoleDetailList: [DEPLOYER, SUPPORT_ROLE],
    Policies: [],
    IsTruncated: true,
    Marker: 'AAEAAXBhZ2UtMw==',
  },
  'AAEAAXBhZ2UtMw==': {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [DEPLOY_POLICY, READ_ONLY, ADMINISTRATOR, SUPPORT_POLICY, UNUSED_AWS],
    IsTruncated: false,
  },
};

export function mockAuthorizationDetails(iam: AwsClientStub<IAMClient>, pages: Record<string, Page> = PAGES): void {
  iam.on(GetAccountAuthorizationDetailsCommand).callsFake((input: { Filter?: string[]; MaxItems?: number; Marker?: string }) => {
    expect(input.Filter).toEqual(['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy']);
    expect(input.MaxItems).toBe(1000);
    const page = pages[input.Marker ?? ''];
    if (page === undefined) throw new Error(`unexpected marker ${input.Marker}`);
    return { ...page, $metadata };
  });
}

export const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

export const REPORT_ROWS = {
  root:
    `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-01-10T08:00:00+00:00,not_supported,2026-01-04T19:22:10+00:00,not_supported,not_supported,true,` +
    'false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  alice:
    `alice,${userArn('alice')},2023-04-11T09:15:02+00:00,true,2026-02-27T08:12:45+00:00,2025-12-01T10:00:00+00:00,N/A,true,` +
    'true,2025-11-01T10:00:00+00:00,2026-02-28T17:03:00+00:00,eu-west-1,s3,' +
    'false,2024-05-01T12:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A',
  bob: `bob,${userArn('bob')},2022-01-20T16:40:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  carol:
    `carol,${userArn('carol', '/ops/')},2021-06-30T07:00:00+00:00,true,no_information,2021-06-30T07:00:00+00:00,N/A,false,` +
    'false,N/A,N/A,N/A,N/A,true,2021-07-01T09:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A',
};

export function reportContent(rows: readonly string[] = Object.values(REPORT_ROWS)): Uint8Array {
  return new TextEncoder().encode(`${[REPORT_HEADER, ...rows].join('\n')}\n`);
}

/** Generated an hour before the harness clock (2026-03-01T09:00Z): fresh. */
export const FRESH = new Date('2026-03-01T08:00:00Z');

export function mockReport(iam: AwsClientStub<IAMClient>, content: Uint8Array = reportContent(), generated: Date = FRESH): void {
  iam.on(GetCredentialReportCommand).resolves({ Content: content, ReportFormat: 'text/csv', GeneratedTime: generated, $metadata });
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE', $metadata });
}

/** The IAM collectors, polling without waiting (the waits are recorded), and the reads of one account run they can share. */
export function testCollectors(options: IamSnapshotOptions = {}) {
  const waits: number[] = [];
  const snapshots = new IamSnapshots({
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  return { ...iamCollectors(snapshots), shared: new SharedReads(), waits };
}
