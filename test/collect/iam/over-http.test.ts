/**
 * The IAM collectors through real SDK clients, answered at the HTTP layer in IAM's wire format
 * (the AWS query protocol: form-encoded requests, XML responses, `<Error><Code>` errors): the SDK
 * decodes the base64 report into bytes and leaves policy documents URL-encoded, errors carry
 * IAM's codes (ReportNotPresent, NoSuchEntity), and a throttle is retried inside the SDK.
 */
import { describe, expect, it } from 'vitest';
import { CallStats } from '../../../src/collect/aws/call-stats.js';
import { fakeHttp, type Reply, type SeenRequest } from '../support/fake-http.js';
import { ACCOUNT, byId, runCollector, runSettings } from '../support/harness.js';
import { DOCS, encode, REPORT_ROWS, reportContent, testCollectors, userArn } from './fixtures.js';

const NS = 'xmlns="https://iam.amazonaws.com/doc/2010-05-08/"';

function ok(action: string, result: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response ${NS}><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function error(code: string, message: string, status: number): Reply {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>`,
  };
}

const members = (items: readonly string[]) => items.map((item) => `<member>${item}</member>`).join('');

const aliceXml =
  `<Path>/</Path><UserName>alice</UserName><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Arn>${userArn('alice')}</Arn><CreateDate>2023-04-11T09:15:02Z</CreateDate>` +
  `<UserPolicyList>${members([`<PolicyName>alice-scratch</PolicyName><PolicyDocument>${encode(DOCS.aliceS3)}</PolicyDocument>`])}</UserPolicyList>` +
  `<GroupList>${members(['engineers'])}</GroupList>` +
  `<AttachedManagedPolicies>${members(['<PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn>'])}</AttachedManagedPolicies>` +
  `<Tags>${members(['<Key>team</Key><Value>payments</Value>'])}</Tags>`;
const bobXml = `<Path>/</Path><UserName>bob</UserName><UserId>AIDAJQABLZS4A3QDU576Q</UserId><Arn>${userArn('bob')}</Arn><CreateDate>2022-01-20T16:40:00Z</CreateDate><UserPolicyList/><GroupList>${members(['engineers', 'admins'])}</GroupList><AttachedManagedPolicies/><Tags/>`;

const PAGES: Record<string, { users: string[]; next?: string }> = {
  '': { users: [aliceXml], next: 'AAEAAXBhZ2UtMg==' },
  'AAEAAXBhZ2UtMg==': { users: [bobXml], next: 'AAEAAXBhZ2UtMw==' },
  'AAEAAXBhZ2UtMw==': { users: [] },
};

function iamServer() {
  let reportGenerated = false;
  let generateCalls = 0;
  let throttled = false;
  return (request: SeenRequest): Reply => {
    expect(request.hostname).toBe('iam.amazonaws.com');
    const form = new URLSearchParams(request.body);
    switch (form.get('Action')) {
      case 'GetAccountAuthorizationDetails': {
        expect([1, 2, 3, 4, 5].map((n) => form.get(`Filter.member.${n}`))).toEqual(['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy']);
        const marker = form.get('Marker') ?? '';
        if (marker === 'AAEAAXBhZ2UtMg==' && !throttled) {
          throttled = true;
          return error('Throttling', 'Rate exceeded', 400);
        }
        const page = PAGES[marker]!;
        return ok(
          'GetAccountAuthorizationDetails',
          `<IsTruncated>${page.next !== undefined}</IsTruncated>${page.next !== undefined ? `<Marker>${page.next}</Marker>` : ''}` +
            `<UserDetailList>${members(page.users)}</UserDetailList><GroupDetailList/><RoleDetailList/><Policies/>`,
        );
      }
      case 'GetCredentialReport':
        if (!reportGenerated) return error('ReportNotPresent', 'Credential report not present', 410);
        return ok(
          'GetCredentialReport',
          `<Content>${Buffer.from(reportContent([REPORT_ROWS.root, REPORT_ROWS.alice, REPORT_ROWS.bob])).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-03-01T08:59:30Z</GeneratedTime>`,
        );
      case 'GenerateCredentialReport':
        generateCalls++;
        reportGenerated = generateCalls >= 2;
        return ok(
          'GenerateCredentialReport',
          reportGenerated
            ? '<State>COMPLETE</State>'
            : '<State>STARTED</State><Description>No report exists. Starting a new report generation task</Description>',
        );
      case 'GetAccountPasswordPolicy':
        return error('NoSuchEntity', `The Password Policy with domain name ${ACCOUNT} cannot be found.`, 404);
      case 'GetAccountSummary':
        return ok(
          'GetAccountSummary',
          `<SummaryMap>${['Users:2', 'Groups:2', 'AccountMFAEnabled:1', 'AccountPasswordPresent:1', 'AccountAccessKeysPresent:0']
            .map((pair) => pair.split(':'))
            .map(([key, value]) => `<entry><key>${key}</key><value>${value}</value></entry>`)
            .join('')}</SummaryMap>`,
        );
      case 'ListOrganizationsFeatures':
        return error('OrganizationNotFoundException', 'The request failed because your account is not a member of an organization.', 400);
      default:
        return error('InvalidAction', String(form.get('Action')), 400);
    }
  };
}

describe('IAM over HTTP', () => {
  it('collects users and account settings through the wire format', async () => {
    const http = fakeHttp(iamServer());
    const stats = new CallStats();
    const collectors = testCollectors();
    const clients = { stats, clientConfig: () => ({ requestHandler: http.handler }) };
    // One account run: the settings collector takes the report the user collector read.
    const run = { clients, shared: collectors.shared };

    const { resources, coverage } = await runCollector(collectors.user, run);
    expect(resources.map((r) => r.id)).toEqual(['alice', 'bob']);
    expect(byId(resources, 'alice').config).toMatchObject({
      createDate: '2023-04-11T09:15:02.000Z',
      passwordEnabled: true,
      mfaActive: true,
      inlinePolicies: [{ name: 'alice-scratch', document: DOCS.aliceS3 }],
      accessKeys: [
        { id: 'access_key_1', status: 'Active', createDate: '2025-11-01T10:00:00.000Z', lastUsedDate: '2026-02-28T17:03:00.000Z' },
        { id: 'access_key_2', status: 'Inactive', createDate: '2024-05-01T12:00:00.000Z', lastUsedDate: null },
      ],
    });
    expect(byId(resources, 'alice').tags).toEqual({ team: 'payments' });
    expect(byId(resources, 'bob').config.groups).toEqual(['engineers', 'admins']);
    expect(coverage).toEqual([]);

    const { settings, coverage: accountCoverage } = await runSettings(collectors.account, run);
    expect(settings).toEqual({
      passwordPolicy: null,
      root: { passwordPresent: true, centrallyManaged: false, mfaActive: true, passwordLastUsed: '2026-01-04T19:22:10.000Z', accessKeys: [] },
      iamUserCount: 2,
    });
    expect(accountCoverage).toEqual([]);

    expect(stats.byOperation()).toEqual({
      'iam:GenerateCredentialReport': { calls: 2, attempts: 2, throttles: 0, failures: 0, retries: 0 },
      'iam:GetAccountAuthorizationDetails': { calls: 3, attempts: 4, throttles: 1, failures: 0, retries: 1 },
      // NoSuchEntity: no password policy, a documented answer, not a failed call.
      'iam:GetAccountPasswordPolicy': { calls: 1, attempts: 1, throttles: 0, failures: 0, retries: 0 },
      'iam:GetAccountSummary': { calls: 1, attempts: 1, throttles: 0, failures: 0, retries: 0 },
      'iam:GetCredentialReport': { calls: 2, attempts: 2, throttles: 0, failures: 1, retries: 0 },
      'iam:ListOrganizationsFeatures': { calls: 1, attempts: 1, throttles: 0, failures: 0, retries: 0 },
    });
  });
});
