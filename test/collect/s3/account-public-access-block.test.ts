import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetPublicAccessBlockCommand, NoSuchPublicAccessBlockConfiguration, S3ControlClient, S3ControlServiceException } from '@aws-sdk/client-s3-control';
import accountPublicAccessBlock from '../../../src/collect/collectors/s3/account-public-access-block.js';
import { account } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, expectValid, regionOf, runSettings } from '../support/harness.js';

const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const control = mockClient(S3ControlClient);

afterEach(() => {
  control.reset();
});

describe('account-level S3 Block Public Access', () => {
  it('reads the four settings for the account from the home region; an absent setting is off', async () => {
    let sentTo = '';
    control.on(GetPublicAccessBlockCommand, { AccountId: ACCOUNT }).callsFake(async (_input: unknown, getClient: () => unknown) => {
      sentTo = await regionOf(getClient);
      return { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true }, $metadata };
    });
    const { settings, coverage } = await runSettings(accountPublicAccessBlock, { homeRegion: 'eu-west-1' });
    expect(sentTo).toBe('eu-west-1');
    expect(settings).toEqual({
      s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
    });
    expect(coverage).toEqual([]);
    // Merged into the account resource, it validates.
    expectValid([account(settings, { accountId: ACCOUNT })]);
  });

  it('no configuration at all is null: all four settings off', async () => {
    control
      .on(GetPublicAccessBlockCommand)
      .rejects(
        new NoSuchPublicAccessBlockConfiguration({ message: 'The public access block configuration was not found', $metadata: { httpStatusCode: 404 } }),
      );
    const { settings, coverage } = await runSettings(accountPublicAccessBlock);
    expect(settings).toEqual({ s3PublicAccessBlock: null });
    expect(coverage).toEqual([]);
  });

  it('AccessDenied is unknown and in coverage', async () => {
    control
      .on(GetPublicAccessBlockCommand)
      .rejects(new S3ControlServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'Access Denied' }));
    const { settings, coverage } = await runSettings(accountPublicAccessBlock);
    expect(settings).toEqual({ s3PublicAccessBlock: unknown('AccessDenied: s3control:GetPublicAccessBlock') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'us-east-1',
        service: 's3control',
        operation: 'GetPublicAccessBlock',
        resourceType: 'AWS::Account',
        resourceArn: `arn:aws:::${ACCOUNT}`,
        error: { code: 'AccessDenied', message: 'Access Denied' },
        count: 1,
      },
    ]);
    expectValid([account(settings, { accountId: ACCOUNT })]);
  });

  it('is not read when no selected insight needs it', async () => {
    const { settings } = await runSettings(accountPublicAccessBlock, { fields: ['passwordPolicy'] });
    expect(settings).toEqual({ s3PublicAccessBlock: unknown('NotCollected: s3control:GetPublicAccessBlock') });
    expect(control.send.callCount).toBe(0);
  });
});
