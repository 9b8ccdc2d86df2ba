/**
 * EBS encryption by default, a settings collector of `AWS::Account::Region`, against a mocked EC2.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { EC2Client, GetEbsDefaultKmsKeyIdCommand, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import ebsEncryption from '../../../src/collect/collectors/ec2/account-region-ebs-encryption.js';
import { settingsCollectors } from '../../../src/collect/collectors/index.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { collectSettings } from '../../../src/collect/contract/run-collector.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { TEST_CREDENTIALS } from '../support/fake-http.js';
import { ACCOUNT, expectValid, regionOf, runSettings, sentOperations } from '../support/harness.js';
import { $metadata, unauthorized } from '../support/aws-errors.js';

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ec2 = mockClient(EC2Client);

afterEach(() => {
  ec2.reset();
});

/** Merged into the region resource, the settings validate. */
function expectValidIn(settings: Parameters<typeof accountRegion>[0]): void {
  expectValid([accountRegion(settings, { accountId: ACCOUNT })]);
}

describe('EBS encryption by default', () => {
  it('is registered as a settings collector of the region resource', () => {
    expect(settingsCollectors).toContain(ebsEncryption);
    expect(ebsEncryption).toMatchObject({ resourceType: 'AWS::Account::Region', scope: 'region', fields: ['ebsEncryptionByDefault'] });
  });

  it('on, with a customer-managed key', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true, SseType: 'sse-ebs', $metadata });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: KEY_ARN, $metadata });
    const { settings, coverage } = await runSettings(ebsEncryption);
    expect(settings).toEqual({ ebsEncryptionByDefault: { enabled: true, kmsKeyId: KEY_ARN } });
    expect(coverage).toEqual([]);
    expectValidIn(settings);
  });

  it('on, with the key EBS uses when none was chosen', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true, SseType: 'sse-ebs', $metadata });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs', $metadata });
    expect((await runSettings(ebsEncryption)).settings).toEqual({ ebsEncryptionByDefault: { enabled: true, kmsKeyId: 'alias/aws/ebs' } });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ $metadata });
    expect((await runSettings(ebsEncryption)).settings).toEqual({ ebsEncryptionByDefault: { enabled: true, kmsKeyId: 'alias/aws/ebs' } });
  });

  it('off: no key is asked for, as none is used', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false, $metadata });
    const { settings, coverage } = await runSettings(ebsEncryption);
    expect(settings).toEqual({ ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } });
    expect(coverage).toEqual([]);
    expect(sentOperations(ec2.send.getCalls())).toEqual(['GetEbsEncryptionByDefault']);
    expectValidIn(settings);
  });

  it('UnauthorizedOperation on the setting: unknown, in coverage, and the key is not asked for', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).rejects(unauthorized('ec2:GetEbsEncryptionByDefault'));
    const { settings, coverage } = await runSettings(ebsEncryption, { homeRegion: 'eu-west-1' });
    expect(settings).toEqual({ ebsEncryptionByDefault: unknown('UnauthorizedOperation: ec2:GetEbsEncryptionByDefault') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'eu-west-1',
        service: 'ec2',
        operation: 'GetEbsEncryptionByDefault',
        resourceType: 'AWS::Account::Region',
        resourceArn: `arn:aws::eu-west-1:${ACCOUNT}`,
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('ec2:GetEbsEncryptionByDefault') },
        count: 1,
      },
    ]);
    expect(ec2.commandCalls(GetEbsDefaultKmsKeyIdCommand)).toHaveLength(0);
    expectValidIn(settings);
  });

  it('UnauthorizedOperation on the key while encryption is on: the setting is unknown, not a guess of the key', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true, $metadata });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).rejects(unauthorized('ec2:GetEbsDefaultKmsKeyId'));
    const { settings, coverage } = await runSettings(ebsEncryption);
    expect(settings).toEqual({ ebsEncryptionByDefault: unknown('UnauthorizedOperation: ec2:GetEbsDefaultKmsKeyId') });
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'GetEbsDefaultKmsKeyId', error: expect.objectContaining({ code: 'UnauthorizedOperation' }) }),
    ]);
  });

  it('reads each region with that region’s client', async () => {
    const asked: string[] = [];
    ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      asked.push(region);
      return { EbsEncryptionByDefault: region === 'eu-central-1', $metadata };
    });
    ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: KEY_ARN, $metadata });
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS });
    const run = { accountId: ACCOUNT, regions: ['eu-west-1', 'eu-central-1'], clients, coverage: new CoverageRecorder() };
    try {
      expect(await collectSettings(ebsEncryption, run, 'eu-central-1')).toEqual({ ebsEncryptionByDefault: { enabled: true, kmsKeyId: KEY_ARN } });
      expect(await collectSettings(ebsEncryption, run, 'eu-west-1')).toEqual({ ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } });
    } finally {
      clients.destroy();
    }
    expect(asked).toEqual(['eu-central-1', 'eu-west-1']);
  });

  it('is not read when no selected insight needs it', async () => {
    const { settings, coverage } = await runSettings(ebsEncryption, { fields: ['configRecorders'] });
    expect(settings).toEqual({ ebsEncryptionByDefault: unknown('NotCollected: ec2:GetEbsEncryptionByDefault') });
    expect(coverage).toEqual([]);
    expect(ec2.send.callCount).toBe(0);
  });
});
