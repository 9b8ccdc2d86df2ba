/**
 * The Security Hub subscription of a region (`AWS::Account::Region` securityHub) against a mocked
 * Security Hub (DescribeHub as the Security Hub API reference documents it). The not-subscribed
 * answer is InvalidAccessException (401) with the message "Account <id> is not subscribed to AWS
 * Security Hub", and only that answer means "not enabled"; the wire format is checked in
 * account-region-security-hub-over-http.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { AccessDeniedException, DescribeHubCommand, InvalidAccessException, SecurityHubClient } from '@aws-sdk/client-securityhub';
import securityHub from '../../../src/collect/collectors/securityhub/account-region-hub.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, expectValid, regionOf, runSettings, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const HUB_ARN = `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default`;
const NOT_SUBSCRIBED = `Account ${ACCOUNT} is not subscribed to AWS Security Hub`;

const client = mockClient(SecurityHubClient);

function invalidAccess(message: string): InvalidAccessException {
  return new InvalidAccessException({ $metadata: { httpStatusCode: 401 }, message, Message: message, Code: 'InvalidAccessException' });
}

afterEach(() => {
  client.reset();
});

describe('the Security Hub subscription of a region', () => {
  it('reads the hub of the region', async () => {
    const regions: string[] = [];
    client.on(DescribeHubCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      regions.push(await regionOf(getClient));
      return { HubArn: HUB_ARN, SubscribedAt: '2024-11-19T23:15:10.046Z', AutoEnableControls: false, ControlFindingGenerator: 'SECURITY_CONTROL', $metadata };
    });
    const { settings, coverage } = await runSettings(securityHub, { homeRegion: REGION });
    expect(regions).toEqual([REGION]);
    expect(client.commandCalls(DescribeHubCommand).map((call) => call.args[0].input)).toEqual([{}]);
    expect(settings).toEqual({ securityHub: { hubArn: HUB_ARN, subscribedAt: '2024-11-19T23:15:10.046Z', autoEnableControls: false } });
    expect(coverage).toEqual([]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('"not subscribed" is "not enabled" (null), not a failure', async () => {
    client.on(DescribeHubCommand).rejects(invalidAccess(NOT_SUBSCRIBED));
    const { settings, coverage } = await runSettings(securityHub, { homeRegion: REGION });
    expect(settings).toEqual({ securityHub: null });
    expect(coverage).toEqual([]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('another InvalidAccessException is unknown, not "not enabled"', async () => {
    client.on(DescribeHubCommand).rejects(invalidAccess(`Account ${ACCOUNT} is not an administrator for this organization`));
    const { settings, coverage } = await runSettings(securityHub, { homeRegion: REGION });
    expect(settings).toEqual({ securityHub: unknown('InvalidAccessException: securityhub:DescribeHub') });
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeHub', error: expect.objectContaining({ code: 'InvalidAccessException' }) })]);
  });

  it('AccessDenied: unknown, never "not enabled", and coverage names the region', async () => {
    const message = `User: arn:aws:sts::${ACCOUNT}:assumed-role/vigil/scan is not authorized to perform: securityhub:DescribeHub on resource: ${HUB_ARN} because no identity-based policy allows the securityhub:DescribeHub action`;
    client
      .on(DescribeHubCommand)
      .rejects(new AccessDeniedException({ $metadata: { httpStatusCode: 403 }, message, Message: message, Code: 'AccessDeniedException' }));
    const { settings, coverage } = await runSettings(securityHub, { homeRegion: REGION });
    expect(settings).toEqual({ securityHub: unknown('AccessDeniedException: securityhub:DescribeHub') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'securityhub',
        operation: 'DescribeHub',
        resourceType: 'AWS::Account::Region',
        resourceArn: `arn:aws::${REGION}:${ACCOUNT}`,
        error: { code: 'AccessDeniedException', message: expect.stringContaining('securityhub:DescribeHub') },
        count: 1,
      },
    ]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('a hub without an ARN or with an unreadable subscription date is unknown', async () => {
    client.on(DescribeHubCommand).resolves({ SubscribedAt: '2024-11-19T23:15:10.046Z', AutoEnableControls: true, $metadata });
    let run = await runSettings(securityHub, { homeRegion: REGION });
    expect(run.settings).toEqual({ securityHub: unknown('UnexpectedResponse: securityhub:DescribeHub') });
    expect(run.coverage).toEqual([expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'DescribeHub returned no HubArn' } })]);

    client.reset();
    client.on(DescribeHubCommand).resolves({ HubArn: HUB_ARN, SubscribedAt: 'yesterday', AutoEnableControls: true, $metadata });
    run = await runSettings(securityHub, { homeRegion: REGION });
    expect(run.settings).toEqual({ securityHub: unknown('UnexpectedResponse: securityhub:DescribeHub') });
    expect(run.coverage).toEqual([
      expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'DescribeHub returned SubscribedAt yesterday, not a date' } }),
    ]);
  });

  it('is not read when no selected insight needs it', async () => {
    const { settings } = await runSettings(securityHub, { fields: ['trailArns'] });
    expect(settings).toEqual({ securityHub: unknown('NotCollected: securityhub:DescribeHub') });
    expect(client.send.callCount).toBe(0);
  });

  it('sends exactly the operations it declares', async () => {
    client.on(DescribeHubCommand).resolves({ HubArn: HUB_ARN, SubscribedAt: '2024-11-19T23:15:10.046Z', AutoEnableControls: true, $metadata });
    await runSettings(securityHub, { homeRegion: REGION });
    expect(sentOperations(client.send.getCalls())).toEqual(securityHub.operations.map((op) => op.operation));
  });
});
