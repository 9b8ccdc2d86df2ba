/**
 * The IAM collectors as the orchestrator runs them (the account's settings and every resource
 * collector side by side, accounts concurrently): each account's IAM is read once, whatever the
 * number of collectors, and accounts do not share reads; a credential report being generated
 * holds up only the two collectors that read it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CredentialReportNotPresentException,
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
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import type { CollectEvent } from '../../../src/collect/progress/collect-log.js';
import { collectOrganisation } from '../../../src/collect/organisation/collect-organisation.js';
import type { AnyCollectedResource } from '../../../src/model/resource.js';
import { OBSERVED_AT } from '../support/harness.js';
import { $metadata, mockAuthorizationDetails, mockReport, reportContent, testCollectors } from './fixtures.js';

const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);
const ACCOUNTS = ['111111111111', '222222222222'];

/** The account whose client sent a command: each account's clients sign with their own key id. */
async function accountOf(getClient: () => unknown): Promise<string> {
  const client = getClient() as { config: { credentials: () => Promise<{ accessKeyId: string }> } };
  return (await client.config.credentials()).accessKeyId.slice(2);
}

beforeEach(() => {
  mockAuthorizationDetails(iam);
  mockReport(iam);
  iam.on(ListPolicyTagsCommand).resolves({ Tags: [], IsTruncated: false, $metadata });
  iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14 }, $metadata });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { Users: 4, AccountPasswordPresent: 0 }, $metadata });
  iam.on(ListOrganizationsFeaturesCommand).rejects(new OrganizationNotFoundException({ message: 'no organization', $metadata: { httpStatusCode: 400 } }));
  sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
    const account = await accountOf(getClient);
    return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/VigilReadOnly/vigil`, UserId: 'AROAEXAMPLE:vigil', $metadata };
  });
});

afterEach(() => {
  iam.reset();
  sts.reset();
});

describe('IAM collection of an organisation', () => {
  it('reads each account’s authorization details and credential report once for all five IAM collectors', async () => {
    const collectors = testCollectors();
    const clients = new AwsClients({
      defaultCredentials: { accessKeyId: 'AK999999999999', secretAccessKey: 'secret' },
      credentialsFor: (accountId) => ({ accessKeyId: `AK${accountId}`, secretAccessKey: 'secret' }),
      retryDelay: () => 1,
    });
    const resources: AnyCollectedResource[] = [];
    try {
      const result = await collectOrganisation(
        {
          targets: ACCOUNTS.map((id) => ({ accountId: id, entry: { id, name: `account-${id}` }, tags: {} })),
          regions: ['us-east-1'],
          homeRegion: 'us-east-1',
          partition: 'aws',
          resourceCollectors: [collectors.group, collectors.policy, collectors.role, collectors.user],
          settingsCollectors: [collectors.account],
          concurrency: 2,
          jitterMs: 0,
        },
        clients,
        (resource) => resources.push(resource),
        { emit: () => undefined },
        () => new Date(OBSERVED_AT),
      );
      expect(result.accounts.map((a) => a.scanned)).toEqual([true, true]);
      // Three pages and one report per account.
      expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(3 * ACCOUNTS.length);
      expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(ACCOUNTS.length);
    } finally {
      clients.destroy();
    }
    for (const account of ACCOUNTS) {
      const own = resources.filter((r) => r.accountId === account);
      expect(own.filter((r) => r.type === 'AWS::IAM::User')).toHaveLength(4);
      const settings = own.find((r) => r.type === 'AWS::Account');
      expect(settings?.config).toMatchObject({ iamUserCount: 4, root: { passwordPresent: false, mfaActive: true } });
    }
  });

  it('generates a missing credential report on AWS’s timescale while every other collector goes on', async () => {
    iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(new CredentialReportNotPresentException({ message: 'Credential report not present', $metadata: { httpStatusCode: 410 } }))
      .resolves({ Content: reportContent(), ReportFormat: 'text/csv', GeneratedTime: new Date(OBSERVED_AT), $metadata });
    iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED', $metadata }).resolves({ State: 'COMPLETE', $metadata });
    // The poll's wait ends when the test says so: nothing sleeps for real.
    const waits: number[] = [];
    let endWait = () => {};
    const collectors = testCollectors({
      sleep: (ms) => {
        waits.push(ms);
        return new Promise<void>((resolve) => (endWait = resolve));
      },
    });
    const done: string[] = [];
    let othersDone = () => {};
    const others = new Promise<void>((resolve) => (othersDone = resolve));
    const OTHERS = ['AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::Role'];
    const log = {
      emit(event: CollectEvent) {
        if (event.event !== 'unit-done') return;
        done.push(event.resourceType);
        if (OTHERS.every((type) => done.includes(type))) othersDone();
      },
    };
    const clients = new AwsClients({ defaultCredentials: { accessKeyId: `AK${ACCOUNTS[0]}`, secretAccessKey: 'secret' }, retryDelay: () => 1 });
    const resources: AnyCollectedResource[] = [];
    try {
      const collection = collectOrganisation(
        {
          targets: [{ accountId: ACCOUNTS[0]!, entry: { id: ACCOUNTS[0]!, name: 'tenant' }, tags: {} }],
          regions: ['us-east-1'],
          homeRegion: 'us-east-1',
          partition: 'aws',
          resourceCollectors: [collectors.group, collectors.policy, collectors.role, collectors.user],
          settingsCollectors: [collectors.account],
          concurrency: 1,
          jitterMs: 0,
        },
        clients,
        (resource) => resources.push(resource),
        log,
        () => new Date(OBSERVED_AT),
      );
      // Should the other collectors wait for the report, they never finish: the wait below then ends on its own.
      await Promise.race([others, delay(2_000)]);
      // The report was missing: generated once and polled after a wait of seconds, not milliseconds.
      expect(waits).toEqual([1_000]);
      expect(done.sort()).toEqual(OTHERS);
      expect(resources).toEqual([]);
      endWait();
      await collection;
    } finally {
      clients.destroy();
    }
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(2);
    // The account resource first, whatever finished last; the users have their report fields.
    expect(resources[0]).toMatchObject({ type: 'AWS::Account', config: { root: { mfaActive: true } } });
    const mfa = Object.fromEntries(resources.filter((r) => r.type === 'AWS::IAM::User').map((r) => [r.name, (r.config as { mfaActive: unknown }).mfaActive]));
    expect(mfa).toMatchObject({ alice: true, bob: false, carol: false });
  });
});
