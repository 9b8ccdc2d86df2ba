import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { BLOCK_SETTING_NAMES, type BlockSetting } from '../../src/analysis/s3-exposure.js';
import { isUnknown } from '../../src/model/unknown.js';

const SETTINGS = Object.keys(BLOCK_SETTING_NAMES) as BlockSetting[];

export default defineInsight({
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is fully on at the account level',
  resourceType: 'AWS::Account',
  severity: 'high',
  description:
    'Checks that the account-level S3 Block Public Access configuration turns on all four settings: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets (CIS AWS 3.1.4).',
  rationale:
    'The account-level settings apply to every bucket, present and future, whatever its own settings say: one misconfigured bucket policy or ACL can then no longer expose data. Accounts that serve public content from S3 by design can be declared, and their buckets are judged one by one by s3-bucket-public.',
  remediation: {
    cli: 'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    console: 'S3 console > Block Public Access settings for this account > Edit > Block all public access > Save changes.',
  },
  reads: { self: ['s3PublicAccessBlock'] },
  params: Type.Object(
    {
      publicContentAccounts: Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), {
        default: [],
        description: 'Accounts that serve public content from S3 by design (websites, public datasets); the account-level block does not apply to them.',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(account, { params, verdict }) {
    if (params.publicContentAccounts.includes(account.accountId)) {
      return verdict.notApplicable('the account is declared to serve public content from S3; its buckets are judged one by one by s3-bucket-public');
    }
    const block = account.config.s3PublicAccessBlock;
    if (isUnknown(block)) return verdict.unreadable('account-level S3 Block Public Access', block);
    if (block === null) {
      return verdict.fail('the account has no S3 Block Public Access configuration, so all four settings are off', { s3PublicAccessBlock: null });
    }
    const off = SETTINGS.filter((setting) => !block[setting]).map((setting) => BLOCK_SETTING_NAMES[setting]);
    if (off.length > 0) {
      return verdict.fail(`${off.join(', ')} ${off.length === 1 ? 'is' : 'are'} off at the account level`, { s3PublicAccessBlock: block, off });
    }
    return verdict.pass('all four S3 Block Public Access settings are on at the account level');
  },
});
