import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccountNotManagementOrDelegatedAdministratorException,
  CredentialReportNotPresentException,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListOrganizationsFeaturesCommand,
  NoSuchEntityException,
  OrganizationNotFoundException,
} from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { account } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, expectValid, runSettings, sentOperations } from '../support/harness.js';
import { $metadata, accessDenied, mockAuthorizationDetails, mockReport, REPORT_ROWS, reportContent, testCollectors } from './fixtures.js';

const iam = mockClient(IAMClient);
const organizations = mockClient(OrganizationsClient);
let collectors: ReturnType<typeof testCollectors>;

const ACCOUNT_ARN = `arn:aws:::${ACCOUNT}`;
const MANAGEMENT = '999988887777';

/** The SummaryMap GetAccountSummary returns (a part of it). */
const SUMMARY = {
  Users: 4,
  UsersQuota: 5000,
  Groups: 3,
  Roles: 2,
  Policies: 1,
  AccountMFAEnabled: 1,
  AccountAccessKeysPresent: 0,
  AccountPasswordPresent: 1,
  AccountSigningCertificatesPresent: 0,
  MFADevices: 2,
  MFADevicesInUse: 2,
};

function describeOrganization(management: string) {
  return {
    Organization: {
      Id: 'o-a1b2c3d4e5',
      Arn: `arn:aws:organizations::${management}:organization/o-a1b2c3d4e5`,
      FeatureSet: 'ALL' as const,
      MasterAccountArn: `arn:aws:organizations::${management}:account/o-a1b2c3d4e5/${management}`,
      MasterAccountId: management,
      MasterAccountEmail: 'aws-root@example.com',
    },
    $metadata,
  };
}

beforeEach(() => {
  iam.reset();
  organizations.reset();
  mockAuthorizationDetails(iam);
  mockReport(iam);
  iam.on(GetAccountPasswordPolicyCommand).resolves({
    PasswordPolicy: {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    },
    $metadata,
  });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: SUMMARY, $metadata });
  // A standalone account.
  iam.on(ListOrganizationsFeaturesCommand).rejects(
    new OrganizationNotFoundException({
      message: 'The request failed because your account is not a member of an organization.',
      $metadata: { httpStatusCode: 400 },
    }),
  );
  collectors = testCollectors();
});

describe('account IAM settings', () => {
  it('reads the password policy, the root user from the credential report and the user count', async () => {
    const { settings, coverage } = await runSettings(collectors.account);
    expect(settings).toEqual({
      passwordPolicy: {
        minimumLength: 14,
        requireSymbols: true,
        requireNumbers: true,
        requireUppercase: true,
        requireLowercase: false,
        allowUsersToChangePassword: true,
        maxPasswordAgeDays: 90,
        passwordReusePrevention: 24,
        hardExpiry: false,
      },
      root: { passwordPresent: true, centrallyManaged: false, mfaActive: true, passwordLastUsed: '2026-01-04T19:22:10.000Z', accessKeys: [] },
      iamUserCount: 4,
    });
    expect(coverage).toEqual([]);
    // Standalone: no organization to ask.
    expect(organizations.send.callCount).toBe(0);
    expectValid([account(settings, { accountId: ACCOUNT })]);
  });

  it('no password policy (NoSuchEntity) is null — a fail for the insight, not an error', async () => {
    iam
      .on(GetAccountPasswordPolicyCommand)
      .rejects(new NoSuchEntityException({ message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`, $metadata: { httpStatusCode: 404 } }));
    const { settings, coverage } = await runSettings(collectors.account);
    expect(settings.passwordPolicy).toBeNull();
    expect(coverage).toEqual([]);
    expectValid([account(settings, { accountId: ACCOUNT })]);
  });

  it('a policy without expiry or reuse prevention has null for them', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({
      PasswordPolicy: {
        MinimumPasswordLength: 8,
        RequireSymbols: false,
        RequireNumbers: false,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: false,
        ExpirePasswords: false,
      },
      $metadata,
    });
    const { settings } = await runSettings(collectors.account);
    expect(settings.passwordPolicy).toMatchObject({ minimumLength: 8, maxPasswordAgeDays: null, passwordReusePrevention: null, hardExpiry: false });
  });

  it('AccessDenied on GetAccountPasswordPolicy is unknown and in coverage; the rest is read', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(accessDenied('iam:GetAccountPasswordPolicy'));
    const { settings, coverage } = await runSettings(collectors.account);
    expect(settings.passwordPolicy).toEqual(unknown('AccessDenied: iam:GetAccountPasswordPolicy'));
    expect(settings.iamUserCount).toBe(4);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'us-east-1',
        service: 'iam',
        operation: 'GetAccountPasswordPolicy',
        resourceType: 'AWS::Account',
        resourceArn: ACCOUNT_ARN,
        error: { code: 'AccessDenied', message: expect.stringContaining('iam:GetAccountPasswordPolicy') },
        count: 1,
      },
    ]);
    expectValid([account(settings, { accountId: ACCOUNT })]);
  });

  it('reads the root user’s access keys and missing MFA from its report row', async () => {
    const root =
      `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-01-10T08:00:00+00:00,not_supported,no_information,not_supported,not_supported,false,` +
      'true,2021-03-03T10:00:00+00:00,2026-02-11T06:41:00+00:00,us-east-1,s3,false,2020-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A';
    mockReport(iam, reportContent([root, REPORT_ROWS.alice]));
    const { settings } = await runSettings(collectors.account);
    expect(settings.root).toEqual({
      passwordPresent: true,
      centrallyManaged: false,
      mfaActive: false,
      passwordLastUsed: null,
      accessKeys: [
        { active: true, lastRotated: '2021-03-03T10:00:00.000Z', lastUsed: '2026-02-11T06:41:00.000Z' },
        { active: false, lastRotated: '2020-01-01T00:00:00.000Z', lastUsed: null },
      ],
    });
  });

  it('AccessDenied on GetCredentialReport: root is unknown and in coverage; the policy and user count are read', async () => {
    iam.on(GetCredentialReportCommand).rejects(accessDenied('iam:GetCredentialReport'));
    const { settings, coverage } = await runSettings(collectors.account);
    expect(settings.root).toEqual(unknown('AccessDenied: iam:GetCredentialReport'));
    expect(settings.passwordPolicy).toMatchObject({ minimumLength: 14 });
    expect(settings.iamUserCount).toBe(4);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GetCredentialReport', resourceType: 'AWS::Account', resourceArn: ACCOUNT_ARN, count: 1 })]);
    expectValid([account(settings, { accountId: ACCOUNT })]);
  });

  it('AccessDenied on GetAccountSummary: the user count is unknown; the root user’s password falls back to the report when it tells', async () => {
    iam.on(GetAccountSummaryCommand).rejects(accessDenied('iam:GetAccountSummary'));
    const { settings, coverage } = await runSettings(collectors.account);
    expect(settings.iamUserCount).toEqual(unknown('AccessDenied: iam:GetAccountSummary'));
    // The root row says not_supported for password_enabled: nothing to fall back on.
    expect(settings.root).toEqual(unknown('AccessDenied: iam:GetAccountSummary'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GetAccountSummary', count: 1 })]);

    const rootWithPassword = REPORT_ROWS.root.replace(',not_supported,2026-01-04', ',false,2026-01-04');
    mockReport(iam, reportContent([rootWithPassword]));
    const again = await runSettings(testCollectors().account);
    expect(again.settings.root).toMatchObject({ passwordPresent: false, mfaActive: true });
    expectValid([account(again.settings, { accountId: ACCOUNT })]);
  });

  describe('central root credentials management', () => {
    it('a member account cannot ask: unknown, and coverage says why', async () => {
      iam.on(ListOrganizationsFeaturesCommand).rejects(
        new AccountNotManagementOrDelegatedAdministratorException({
          message:
            'The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.',
          $metadata: { httpStatusCode: 400 },
        }),
      );
      const { settings, coverage } = await runSettings(collectors.account);
      expect(settings.root).toMatchObject({
        mfaActive: true,
        centrallyManaged: unknown('AccountNotManagementOrDelegatedAdministratorException: iam:ListOrganizationsFeatures'),
      });
      expect(coverage).toEqual([expect.objectContaining({ operation: 'ListOrganizationsFeatures', resourceArn: ACCOUNT_ARN })]);
      expectValid([account(settings, { accountId: ACCOUNT })]);
    });

    it('the management account with the feature on: its own root is not centrally managed', async () => {
      iam
        .on(ListOrganizationsFeaturesCommand)
        .resolves({ OrganizationId: 'o-a1b2c3d4e5', EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'], $metadata });
      organizations.on(DescribeOrganizationCommand).resolves(describeOrganization(ACCOUNT));
      const { settings } = await runSettings(collectors.account);
      expect(settings.root).toMatchObject({ centrallyManaged: false });
    });

    it('the delegated administrator with the feature on: a member, so centrally managed', async () => {
      iam.on(ListOrganizationsFeaturesCommand).resolves({ OrganizationId: 'o-a1b2c3d4e5', EnabledFeatures: ['RootCredentialsManagement'], $metadata });
      organizations.on(DescribeOrganizationCommand).resolves(describeOrganization(MANAGEMENT));
      const { settings } = await runSettings(collectors.account);
      expect(settings.root).toMatchObject({ centrallyManaged: true });
    });

    it('the feature off: not centrally managed, no need to ask Organizations', async () => {
      iam.on(ListOrganizationsFeaturesCommand).resolves({ OrganizationId: 'o-a1b2c3d4e5', EnabledFeatures: [], $metadata });
      const { settings } = await runSettings(collectors.account);
      expect(settings.root).toMatchObject({ centrallyManaged: false });
      expect(organizations.send.callCount).toBe(0);
    });
  });

  it('runs only what the selected fields need', async () => {
    const { settings } = await runSettings(collectors.account, { fields: ['passwordPolicy'] });
    expect(sentOperations(iam.send.getCalls())).toEqual(['GetAccountPasswordPolicy']);
    expect(settings.root).toEqual(unknown('NotCollected: iam:GetCredentialReport'));
    expect(settings.iamUserCount).toEqual(unknown('NotCollected: iam:GetAccountSummary'));

    iam.resetHistory();
    const count = await runSettings(testCollectors().account, { fields: ['iamUserCount'] });
    expect(sentOperations(iam.send.getCalls())).toEqual(['GetAccountSummary']);
    expect(count.settings).toEqual({
      passwordPolicy: unknown('NotCollected: iam:GetAccountPasswordPolicy'),
      root: unknown('NotCollected: iam:GetCredentialReport'),
      iamUserCount: 4,
    });
    expect(organizations.send.callCount).toBe(0);
  });

  it('sends exactly the operations it declares', async () => {
    iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(new CredentialReportNotPresentException({ message: 'Credential report not present', $metadata: { httpStatusCode: 410 } }))
      .resolves({ Content: reportContent(), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-03-01T08:59:00Z'), $metadata });
    iam.on(ListOrganizationsFeaturesCommand).resolves({ OrganizationId: 'o-a1b2c3d4e5', EnabledFeatures: ['RootCredentialsManagement'], $metadata });
    organizations.on(DescribeOrganizationCommand).resolves(describeOrganization(MANAGEMENT));
    await runSettings(collectors.account);
    const sent = [...new Set([...sentOperations(iam.send.getCalls()), ...sentOperations(organizations.send.getCalls())])].sort();
    expect(sent).toEqual(collectors.account.operations.map((op) => op.operation).sort());
  });
});
