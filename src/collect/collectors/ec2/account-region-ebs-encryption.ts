/**
 * EBS encryption by default of `AWS::Account::Region` (`ebsEncryptionByDefault`), per region:
 * GetEbsEncryptionByDefault, then — only when it is on, since the key is used for nothing
 * otherwise — GetEbsDefaultKmsKeyId. A region that never chose a key answers with the AWS-managed
 * key `alias/aws/ebs`. The region resource's other fields come from Config and CloudTrail
 * collectors; the orchestrator merges this part in.
 */
import { GetEbsDefaultKmsKeyIdCommand, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import { defineSettingsCollector } from '../../contract/collector.js';
import { missing } from '../../contract/reported.js';

/** The key EBS uses when none was chosen. */
export const AWS_MANAGED_EBS_KEY = 'alias/aws/ebs';

export default defineSettingsCollector({
  resourceType: 'AWS::Account::Region',
  service: 'ec2',
  scope: 'region',
  fields: ['ebsEncryptionByDefault'],
  operations: [
    { operation: 'GetEbsEncryptionByDefault', iamAction: 'ec2:GetEbsEncryptionByDefault', fills: ['ebsEncryptionByDefault'] },
    { operation: 'GetEbsDefaultKmsKeyId', iamAction: 'ec2:GetEbsDefaultKmsKeyId', fills: ['ebsEncryptionByDefault'] },
  ],
  async collect(ctx) {
    if (!ctx.runs('GetEbsEncryptionByDefault')) return { ebsEncryptionByDefault: ctx.notCollected('GetEbsEncryptionByDefault') };
    const ref = { arn: arnFor('AWS::Account::Region', ctx.accountId, ctx.region, ctx.region, ctx.partition) };
    const setting = await ctx.send(new GetEbsEncryptionByDefaultCommand({}));
    if (!setting.ok) return { ebsEncryptionByDefault: ctx.unknownOf(setting, ref) };
    const enabled = setting.value.EbsEncryptionByDefault;
    if (enabled === undefined) return { ebsEncryptionByDefault: missing(ctx, setting.call, 'EbsEncryptionByDefault', ref) };
    if (!enabled) return { ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } };

    if (!ctx.runs('GetEbsDefaultKmsKeyId')) return { ebsEncryptionByDefault: ctx.notCollected('GetEbsDefaultKmsKeyId') };
    const key = await ctx.send(new GetEbsDefaultKmsKeyIdCommand({}));
    if (!key.ok) return { ebsEncryptionByDefault: ctx.unknownOf(key, ref) };
    const kmsKeyId = key.value.KmsKeyId;
    return { ebsEncryptionByDefault: { enabled: true, kmsKeyId: kmsKeyId !== undefined && kmsKeyId !== '' ? kmsKeyId : AWS_MANAGED_EBS_KEY } };
  },
});
