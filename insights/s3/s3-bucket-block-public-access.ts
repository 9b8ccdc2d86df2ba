import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { BLOCK_SETTING_NAMES, effectiveBlockPublicAccess, type BlockSetting } from '../../src/analysis/s3-exposure.js';

const SETTINGS = Object.keys(BLOCK_SETTING_NAMES) as BlockSetting[];

/**
 * CIS 3.1.4 as the benchmark words it: Block Public Access on at the account level, or else on
 * every bucket. Judged per bucket on the settings S3 applies (each one on where the account or the
 * bucket turns it on), so an account without the account-level block passes when every bucket
 * blocks on its own — where an account-level check alone would fail it.
 */
export default defineInsight({
  id: 's3-bucket-block-public-access',
  title: 'S3 Block Public Access applies to the bucket in full',
  resourceType: 'AWS::S3::Bucket',
  severity: 'high',
  description:
    'Checks that all four S3 Block Public Access settings (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets) apply to the bucket, from the account-level configuration or its own (CIS AWS 3.1.4).',
  rationale:
    'With every setting applied, no bucket policy or ACL written by mistake can make the bucket or its objects public; a bucket left to its own policy and ACL is one edit away from a data leak.',
  remediation: {
    cli: 'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true  (or, per bucket: aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true)',
    console:
      'S3 console > Block Public Access settings for this account > Edit > Block all public access; or the bucket > Permissions > Block public access (bucket settings) > Edit > Block all public access.',
  },
  reads: { self: ['publicAccessBlock'], lookups: { 'AWS::Account': ['s3PublicAccessBlock'] } },
  params: Type.Object(
    {
      publicContentAccounts: Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), {
        default: [],
        description: 'Accounts that serve public content from S3 by design; their buckets are judged by s3-bucket-public instead.',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(bucket, { params, inventory, verdict }) {
    if (params.publicContentAccounts.includes(bucket.accountId)) {
      return verdict.notApplicable('the account is declared to serve public content from S3; s3-bucket-public judges its buckets');
    }
    const block = effectiveBlockPublicAccess(bucket.config.publicAccessBlock, inventory.account(bucket.accountId)?.config.s3PublicAccessBlock);
    const off = SETTINGS.filter((setting) => block[setting].on === false);
    if (off.length > 0) {
      const names = off.map((setting) => BLOCK_SETTING_NAMES[setting]);
      return verdict.fail(`${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} off at both the account and the bucket level`, { off: names });
    }
    const unread: string[] = [];
    for (const setting of SETTINGS) {
      const state = block[setting];
      if (state.on === 'unknown') unread.push(`${BLOCK_SETTING_NAMES[setting]}: ${state.field} (${state.cause})`);
    }
    if (unread.length > 0) return verdict.error(`Block Public Access could not be judged: ${unread.join('; ')}`, { unreadable: unread });
    const where = () =>
      SETTINGS.map((setting) => {
        const state = block[setting];
        return `${BLOCK_SETTING_NAMES[setting]} (${state.on === true ? state.where : '?'})`;
      });
    return verdict.pass(() => `all four settings apply: ${where().join(', ')}`);
  },
});
