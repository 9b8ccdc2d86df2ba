/**
 * The IAM collectors as the orchestrator runs them (the account's settings first, then every
 * resource collector at once, accounts concurrently): each account's IAM is read once, whatever
 * the number of collectors, and accounts do not share reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
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
import { AwsClients } from '../../../src/collect/aws-clients.js';
import { collectOrganisation } from '../../../src/collect/collect-organisation.js';
import type { AnyCollectedResource } from '../../../src/model/resource.js';
import { OBSERVED_AT } from '../support/harness.js';
import { $metadata, mockAuthorizationDetails, mockReport, testCollectors } from './fixtures.js';

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
    expect(collectors.snapshots.size).toBe(0);
  });
});
