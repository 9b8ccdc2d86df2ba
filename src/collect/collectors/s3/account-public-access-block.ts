/**
 * The account-level S3 Block Public Access settings of `AWS::Account` (`s3PublicAccessBlock`), read
 * with S3 Control's GetPublicAccessBlock. The account resource's other fields come from IAM; the
 * account collector merges this part in (see the report on issue 3).
 */
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { defineSettingsCollector } from '../../contract/collector.js';
import { publicAccessBlockOf } from './bucket-documents.js';

export default defineSettingsCollector({
  resourceType: 'AWS::Account',
  service: 's3control',
  scope: 'account',
  fields: ['s3PublicAccessBlock'],
  operations: [
    {
      operation: 'GetPublicAccessBlock',
      iamAction: 's3:GetAccountPublicAccessBlock',
      fills: ['s3PublicAccessBlock'],
      // No configuration at all: the four settings are off.
      notConfigured: ['NoSuchPublicAccessBlockConfiguration'],
    },
  ],
  async collect(ctx) {
    if (!ctx.runs('GetPublicAccessBlock')) return { s3PublicAccessBlock: ctx.notCollected('GetPublicAccessBlock') };
    const outcome = await ctx.send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId }));
    if (outcome.ok) return { s3PublicAccessBlock: publicAccessBlockOf(outcome.value.PublicAccessBlockConfiguration) };
    if (outcome.notConfigured) return { s3PublicAccessBlock: null };
    return { s3PublicAccessBlock: ctx.unknownOf(outcome, { arn: `arn:${ctx.partition}:::${ctx.accountId}` }) };
  },
});
