import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CredentialReportNotPresentException,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';
import {
  $metadata,
  accessDenied,
  ALICE,
  DOCS,
  encode,
  mockAuthorizationDetails,
  mockReport,
  PAGES,
  REPORT_ROWS,
  reportContent,
  testCollectors,
  userArn,
} from './fixtures.js';

const iam = mockClient(IAMClient);
let collectors: ReturnType<typeof testCollectors>;

beforeEach(() => {
  iam.reset();
  mockAuthorizationDetails(iam);
  mockReport(iam);
  collectors = testCollectors();
});

describe('IAM user collector', () => {
  it('reads every page of authorization details and the credential report, and normalises a user exactly', async () => {
    const { resources, coverage } = await runCollector(collectors.user);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(3);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
    expect(resources.map((r) => r.id).sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(byId(resources, 'alice')).toEqual({
      arn: userArn('alice'),
      type: 'AWS::IAM::User',
      accountId: ACCOUNT,
      region: 'global',
      id: 'alice',
      name: 'alice',
      tags: { team: 'payments', 'cost-center': '' },
      createdAt: '2023-04-11T09:15:02.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        userId: 'AIDACKCEVSQ6C2EXAMPLE',
        path: '/',
        createDate: '2023-04-11T09:15:02.000Z',
        passwordEnabled: true,
        passwordLastUsed: '2026-02-27T08:12:45.000Z',
        mfaActive: true,
        accessKeys: [
          { id: 'access_key_1', status: 'Active', createDate: '2025-11-01T10:00:00.000Z', lastUsedDate: '2026-02-28T17:03:00.000Z' },
          { id: 'access_key_2', status: 'Inactive', createDate: '2024-05-01T12:00:00.000Z', lastUsedDate: null },
        ],
        attachedPolicies: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }],
        // URL-encoded in the response, decoded here.
        inlinePolicies: [{ name: 'alice-scratch', document: DOCS.aliceS3 }],
        groups: ['engineers'],
      },
    });
    // dave was created after the report was generated: his credentials are unknown, and coverage says why.
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'us-east-1',
        service: 'iam',
        operation: 'GetCredentialReport',
        resourceType: 'AWS::IAM::User',
        resourceArn: userArn('dave'),
        error: {
          code: 'NotInCredentialReport',
          message: 'the credential report generated 2026-03-01T08:00:00.000Z does not list the user created 2026-03-01T08:30:00.000Z',
        },
        count: 1,
      },
    ]);
  });

  it('reads no password, never-used passwords and a key in the second slot from the report', async () => {
    const { resources } = await runCollector(collectors.user);
    expect(byId(resources, 'bob').config).toMatchObject({
      passwordEnabled: false,
      passwordLastUsed: null,
      mfaActive: false,
      accessKeys: [],
      groups: ['engineers', 'admins'],
    });
    expect(byId(resources, 'bob').tags).toEqual({});
    const carol = byId(resources, 'carol');
    expect(carol.arn).toBe(userArn('carol', '/ops/'));
    expect(carol.tags).toEqual({});
    expect(carol.config).toMatchObject({
      path: '/ops/',
      passwordEnabled: true,
      // no_information: never used (or not since IAM began tracking).
      passwordLastUsed: null,
      mfaActive: false,
      accessKeys: [{ id: 'access_key_2', status: 'Active', createDate: '2021-07-01T09:00:00.000Z', lastUsedDate: null }],
      attachedPolicies: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`, name: 'deploy' }],
    });
    const dave = byId(resources, 'dave');
    for (const field of ['passwordEnabled', 'passwordLastUsed', 'mfaActive', 'accessKeys'] as const) {
      expect(dave.config[field]).toEqual(unknown('NotInCredentialReport: iam:GetCredentialReport'));
    }
  });

  it('AccessDenied on GetCredentialReport: the report fields are unknown in one coverage entry, the rest is collected', async () => {
    iam.on(GetCredentialReportCommand).rejects(accessDenied('iam:GetCredentialReport'));
    const { resources, coverage } = await runCollector(collectors.user);
    expect(resources).toHaveLength(4);
    const denied = unknown('AccessDenied: iam:GetCredentialReport');
    for (const user of resources) {
      expect(user.config).toMatchObject({ passwordEnabled: denied, passwordLastUsed: denied, mfaActive: denied, accessKeys: denied });
    }
    expect(byId(resources, 'alice').config).toMatchObject({ groups: ['engineers'], inlinePolicies: [{ name: 'alice-scratch', document: DOCS.aliceS3 }] });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'us-east-1',
        service: 'iam',
        operation: 'GetCredentialReport',
        resourceType: 'AWS::IAM::User',
        error: { code: 'AccessDenied', message: expect.stringContaining('not authorized to perform: iam:GetCredentialReport') },
        count: 1,
      },
    ]);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
  });

  it('an unparsable inline policy leaves that user’s inline policies unknown, named in coverage', async () => {
    const broken = {
      ...ALICE,
      UserPolicyList: [...(ALICE.UserPolicyList ?? []), { PolicyName: 'half', PolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B' }],
    };
    mockAuthorizationDetails(iam, { ...PAGES, '': { ...PAGES['']!, UserDetailList: [broken, ...(PAGES['']!.UserDetailList ?? []).slice(1)] } });
    const { resources, coverage } = await runCollector(collectors.user);
    const alice = byId(resources, 'alice');
    expect(alice.config.inlinePolicies).toEqual(unknown('UnparsablePolicy: iam:GetAccountAuthorizationDetails'));
    expect(alice.config.attachedPolicies).toEqual([{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }]);
    expect(coverage).toContainEqual(
      expect.objectContaining({
        operation: 'GetAccountAuthorizationDetails',
        resourceArn: userArn('alice'),
        error: { code: 'UnparsablePolicy', message: expect.stringMatching(/^inline policy "half": the policy is not valid JSON/) },
      }),
    );
  });

  it('a policy that is not URL-encoded text is unknown too', async () => {
    const broken = { ...ALICE, UserPolicyList: [{ PolicyName: 'bad-escape', PolicyDocument: '%7B%22Version%22%3A%E0%A4%A%7D' }] };
    mockAuthorizationDetails(iam, { ...PAGES, '': { ...PAGES['']!, UserDetailList: [broken] } });
    const { resources, coverage } = await runCollector(collectors.user);
    expect(byId(resources, 'alice').config.inlinePolicies).toEqual(unknown('UnparsablePolicy: iam:GetAccountAuthorizationDetails'));
    expect(coverage).toContainEqual(
      expect.objectContaining({
        error: { code: 'UnparsablePolicy', message: 'inline policy "bad-escape": the policy document is not valid URL-encoded text' },
      }),
    );
  });

  it('a report row for an earlier user of the same name does not describe the current one', async () => {
    const recreated = REPORT_ROWS.bob.replace('2022-01-20T16:40:00+00:00', '2020-05-05T05:05:05+00:00');
    mockReport(iam, reportContent([REPORT_ROWS.root, REPORT_ROWS.alice, recreated, REPORT_ROWS.carol]));
    const { resources } = await runCollector(collectors.user);
    expect(byId(resources, 'bob').config.mfaActive).toEqual(unknown('NotInCredentialReport: iam:GetCredentialReport'));
  });

  it('an unexpected value in a report column leaves only that field unknown', async () => {
    const odd = REPORT_ROWS.alice.replace(',true,true,2025-11-01', ',maybe,true,2025-11-01');
    mockReport(iam, reportContent([REPORT_ROWS.root, odd, REPORT_ROWS.bob, REPORT_ROWS.carol]));
    const { resources, coverage } = await runCollector(collectors.user);
    const alice = byId(resources, 'alice');
    expect(alice.config.mfaActive).toEqual(unknown('UnreadableCredentialReport: iam:GetCredentialReport'));
    expect(alice.config.passwordEnabled).toBe(true);
    expect(alice.config.accessKeys).toHaveLength(2);
    expect(coverage).toContainEqual(
      expect.objectContaining({ resourceArn: userArn('alice'), error: { code: 'UnreadableCredentialReport', message: "mfa_active is 'maybe'" } }),
    );
  });

  it('a page that fails keeps the users read before it and records the incomplete list', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand, { Marker: 'AAEAAXBhZ2UtMg==' }).rejects(accessDenied('iam:GetAccountAuthorizationDetails'));
    const { resources, coverage } = await runCollector(collectors.user);
    expect(resources.map((r) => r.id).sort()).toEqual(['alice', 'bob']);
    // A user's own groups and policies are complete even when the list of users is not.
    expect(byId(resources, 'bob').config.groups).toEqual(['engineers', 'admins']);
    expect(coverage).toContainEqual(
      expect.objectContaining({
        operation: 'GetAccountAuthorizationDetails',
        resourceType: 'AWS::IAM::User',
        error: expect.objectContaining({ code: 'AccessDenied' }),
        count: 1,
      }),
    );
  });

  it('runs only the authorization details when no credential field is selected; those fields are NotCollected', async () => {
    const { resources, coverage } = await runCollector(collectors.user, { fields: ['groups', 'attachedPolicies'] });
    expect(new Set(sentOperations(iam.send.getCalls()))).toEqual(new Set(['GetAccountAuthorizationDetails']));
    const alice = byId(resources, 'alice');
    expect(alice.config.mfaActive).toEqual(unknown('NotCollected: iam:GetCredentialReport'));
    expect(alice.config.accessKeys).toEqual(unknown('NotCollected: iam:GetCredentialReport'));
    expect(alice.config.groups).toEqual(['engineers']);
    expect(coverage).toEqual([]);
  });

  it('sends exactly the operations it declares', async () => {
    iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(new CredentialReportNotPresentException({ message: 'Credential report not present', $metadata: { httpStatusCode: 410 } }))
      .resolves({ Content: reportContent(), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-03-01T08:59:00Z'), $metadata });
    await runCollector(collectors.user);
    expect([...new Set(sentOperations(iam.send.getCalls()))].sort()).toEqual(collectors.user.operations.map((op) => op.operation).sort());
  });

  it('parses a URL-encoded document exactly as IAM encodes it', async () => {
    const tricky = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ä + 100% (x)', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } } },
      ],
    };
    mockAuthorizationDetails(iam, {
      ...PAGES,
      '': { ...PAGES['']!, UserDetailList: [{ ...ALICE, UserPolicyList: [{ PolicyName: 'tricky', PolicyDocument: encode(tricky) }] }] },
    });
    const { resources } = await runCollector(collectors.user);
    expect(byId(resources, 'alice').config.inlinePolicies).toEqual([{ name: 'tricky', document: tricky }]);
  });
});
