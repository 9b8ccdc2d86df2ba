/**
 * The account's IAM read shared by the IAM collectors, and the credential report's life cycle:
 * present, missing (generated and polled), expired, stale, in progress, never ready.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CredentialReportExpiredException,
  CredentialReportNotPresentException,
  CredentialReportNotReadyException,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListOrganizationsFeaturesCommand,
  ListPolicyTagsCommand,
  OrganizationNotFoundException,
} from '@aws-sdk/client-iam';
import { unknown } from '../../../src/model/unknown.js';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import { collectResources } from '../../../src/collect/contract/run-collector.js';
import { TEST_CREDENTIALS } from '../support/fake-http.js';
import { byId, OBSERVED_AT, runCollector, runSettings, sentOperations } from '../support/harness.js';
import { $metadata, accessDenied, mockAuthorizationDetails, mockReport, reportContent, testCollectors } from './fixtures.js';

const iam = mockClient(IAMClient);
let collectors: ReturnType<typeof testCollectors>;

const gone = () => new CredentialReportNotPresentException({ message: 'Credential report not present', $metadata: { httpStatusCode: 410 } });
const expired = () => new CredentialReportExpiredException({ message: 'Credential report has expired', $metadata: { httpStatusCode: 410 } });
const notReady = () => new CredentialReportNotReadyException({ message: 'Credential report is being generated', $metadata: { httpStatusCode: 404 } });
const report = (generated: string) => ({ Content: reportContent(), ReportFormat: 'text/csv' as const, GeneratedTime: new Date(generated), $metadata });
const state = (State: 'STARTED' | 'INPROGRESS' | 'COMPLETE') => ({
  State,
  Description: State === 'STARTED' ? 'No report exists. Starting a new report generation task' : '',
  $metadata,
});

beforeEach(() => {
  iam.reset();
  mockAuthorizationDetails(iam);
  mockReport(iam);
  iam.on(ListPolicyTagsCommand).resolves({ Tags: [], IsTruncated: false, $metadata });
  iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14 }, $metadata });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { Users: 4, AccountPasswordPresent: 1 }, $metadata });
  iam.on(ListOrganizationsFeaturesCommand).rejects(new OrganizationNotFoundException({ message: 'no organization', $metadata: { httpStatusCode: 400 } }));
  collectors = testCollectors();
});

describe('one IAM read for all IAM collectors of an account', () => {
  it('reads the authorization details and the credential report once for the four types and the account settings', async () => {
    const run = { shared: collectors.shared };
    const results = [
      await runCollector(collectors.user, run),
      await runCollector(collectors.group, run),
      await runCollector(collectors.role, run),
      await runCollector(collectors.policy, run),
    ];
    const account = await runSettings(collectors.account, run);
    expect(results.map((r) => r.resources.length)).toEqual([4, 3, 2, 4]);
    expect(account.settings.root).toMatchObject({ mfaActive: true });
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(3);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    // Two reads in all, held by the account run (and gone with it).
    expect(collectors.shared.size).toBe(2);
  });

  it('shares a read in flight between collectors running at once', async () => {
    const run = { shared: collectors.shared };
    await Promise.all([
      runCollector(collectors.user, run),
      runCollector(collectors.group, run),
      runCollector(collectors.role, run),
      runCollector(collectors.policy, run),
      runSettings(collectors.account, run),
    ]);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(3);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
  });

  it('reads again for a new collection: the same collector asking twice', async () => {
    await runCollector(collectors.user);
    await runCollector(collectors.user);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(6);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(2);
  });

  it('reads again in a new account run, whichever collector asks: nothing outlives the run', async () => {
    await runCollector(collectors.user, { shared: collectors.shared });
    await runCollector(collectors.group);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(6);
  });

  it('keeps accounts apart', async () => {
    await runCollector(collectors.group, { shared: collectors.shared });
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS });
    try {
      await collectResources(collectors.role, {
        accountId: '444455556666',
        regions: ['eu-west-1'],
        clients,
        clock: () => new Date(OBSERVED_AT),
        shared: collectors.shared,
      });
    } finally {
      clients.destroy();
    }
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(6);
  });

  it('a failed read is shared too, and each type records it in its own coverage', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(accessDenied('iam:GetAccountAuthorizationDetails'));
    const user = await runCollector(collectors.user, { shared: collectors.shared });
    const group = await runCollector(collectors.group, { shared: collectors.shared });
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(1);
    expect(user.coverage).toEqual([expect.objectContaining({ operation: 'GetAccountAuthorizationDetails', resourceType: 'AWS::IAM::User', count: 1 })]);
    expect(group.coverage).toEqual([expect.objectContaining({ operation: 'GetAccountAuthorizationDetails', resourceType: 'AWS::IAM::Group', count: 1 })]);
  });
});

describe('the credential report', () => {
  it('is taken as it is when generated less than four hours ago', async () => {
    mockReport(iam, reportContent(), new Date('2026-03-01T05:30:00Z'));
    const { resources } = await runCollector(collectors.user);
    expect(sentOperations(iam.send.getCalls()).filter((op) => op !== 'GetAccountAuthorizationDetails')).toEqual(['GetCredentialReport']);
    expect(byId(resources, 'alice').config.mfaActive).toBe(true);
  });

  it('missing: is generated, polled with back-off through STARTED and INPROGRESS, then read', async () => {
    iam.on(GetCredentialReportCommand).rejectsOnce(gone()).resolves(report('2026-03-01T08:59:58Z'));
    iam.on(GenerateCredentialReportCommand).resolvesOnce(state('STARTED')).resolvesOnce(state('INPROGRESS')).resolves(state('COMPLETE'));
    const { resources, coverage } = await runCollector(collectors.user);
    expect(sentOperations(iam.send.getCalls()).filter((op) => op !== 'GetAccountAuthorizationDetails')).toEqual([
      'GetCredentialReport',
      'GenerateCredentialReport',
      'GenerateCredentialReport',
      'GenerateCredentialReport',
      'GetCredentialReport',
    ]);
    expect(collectors.waits).toEqual([1_000, 2_000]);
    expect(byId(resources, 'alice').config.accessKeys).toHaveLength(2);
    expect(coverage.filter((entry) => entry.error.code !== 'NotInCredentialReport')).toEqual([]);
  });

  it('expired (ReportExpired): is generated anew', async () => {
    iam.on(GetCredentialReportCommand).rejectsOnce(expired()).resolves(report('2026-03-01T08:59:58Z'));
    iam.on(GenerateCredentialReportCommand).resolvesOnce(state('STARTED')).resolves(state('COMPLETE'));
    const { resources } = await runCollector(collectors.user);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(2);
    expect(byId(resources, 'bob').config.passwordEnabled).toBe(false);
  });

  it('older than four hours by its GeneratedTime: is generated anew and the new one read', async () => {
    const oldRows = reportContent([]);
    iam
      .on(GetCredentialReportCommand)
      .resolvesOnce({ Content: oldRows, ReportFormat: 'text/csv', GeneratedTime: new Date('2026-03-01T04:30:00Z'), $metadata })
      .resolves(report('2026-03-01T08:59:58Z'));
    iam.on(GenerateCredentialReportCommand).resolvesOnce(state('STARTED')).resolves(state('COMPLETE'));
    const { resources } = await runCollector(collectors.user);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(byId(resources, 'alice').config.mfaActive).toBe(true);
  });

  it('being generated (ReportInProgress): is polled without asking for another', async () => {
    iam.on(GetCredentialReportCommand).rejectsOnce(notReady()).rejectsOnce(notReady()).resolves(report('2026-03-01T08:59:00Z'));
    const { resources } = await runCollector(collectors.user);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(3);
    expect(collectors.waits).toEqual([1_000, 2_000]);
    expect(byId(resources, 'alice').config.mfaActive).toBe(true);
  });

  it('never ready: the report fields are unknown once the polls run out, and coverage says so', async () => {
    const impatient = testCollectors({ pollDelays: [1_000, 2_000, 4_000] });
    iam.on(GetCredentialReportCommand).rejects(gone());
    iam.on(GenerateCredentialReportCommand).resolvesOnce(state('STARTED')).resolves(state('INPROGRESS'));
    const { resources, coverage } = await runCollector(impatient.user);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(4);
    expect(impatient.waits).toEqual([1_000, 2_000, 4_000]);
    expect(byId(resources, 'alice').config.mfaActive).toEqual(unknown('CredentialReportNotReady: iam:GenerateCredentialReport'));
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'GenerateCredentialReport',
        error: { code: 'CredentialReportNotReady', message: 'IAM was still generating the credential report after 7 s of polling' },
        count: 1,
      }),
    ]);
  });

  it('AccessDenied on GenerateCredentialReport when none exists: unknown, named in coverage', async () => {
    iam.on(GetCredentialReportCommand).rejects(gone());
    iam.on(GenerateCredentialReportCommand).rejects(accessDenied('iam:GenerateCredentialReport'));
    const { resources, coverage } = await runCollector(collectors.user);
    expect(byId(resources, 'alice').config.passwordEnabled).toEqual(unknown('AccessDenied: iam:GenerateCredentialReport'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GenerateCredentialReport', resourceType: 'AWS::IAM::User', count: 1 })]);
  });

  it('a report that is not the expected CSV is unknown, not empty', async () => {
    mockReport(iam, new TextEncoder().encode('user,arn,mfa_active\nalice,arn:aws:iam::111122223333:user/alice,true\n'));
    const { resources, coverage } = await runCollector(collectors.user);
    expect(byId(resources, 'alice').config.mfaActive).toEqual(unknown('UnreadableCredentialReport: iam:GetCredentialReport'));
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'GetCredentialReport',
        error: { code: 'UnreadableCredentialReport', message: expect.stringContaining('lacks the columns user_creation_time, password_enabled') },
      }),
    ]);
  });

  it('is read once for the account even when the user collector and the account settings both need it', async () => {
    iam.on(GetCredentialReportCommand).rejectsOnce(gone()).resolves(report('2026-03-01T08:59:58Z'));
    iam.on(GenerateCredentialReportCommand).resolvesOnce(state('STARTED')).resolves(state('COMPLETE'));
    const [, account] = await Promise.all([
      runCollector(collectors.user, { shared: collectors.shared }),
      runSettings(collectors.account, { shared: collectors.shared }),
    ]);
    expect(account.settings.root).toMatchObject({ mfaActive: true, passwordLastUsed: '2026-01-04T19:22:10.000Z' });
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(2);
  });
});
