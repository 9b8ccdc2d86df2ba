/** The account-level S3 Block Public Access (S3 Control): all four settings on, for every bucket of the account at once. */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { ALL_SETTINGS_ON, allSettingsOn } from './block-public-access.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 's3-account-block-public-access',
  title: "Turn on all four of the account's S3 Block Public Access settings",
  resourceType: 'AWS::Account',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['s3:PutAccountPublicAccessBlock'],
  destructive: false,
  plan(account) {
    const block = account.config.s3PublicAccessBlock;
    if (isUnknown(block)) return { kind: 'refused', summary: `the account's S3 public access block could not be read (${block.$unknown})` };
    if (allSettingsOn(block)) return { kind: 'in-desired-state', summary: 'public access is blocked account-wide' };
    return {
      kind: 'change',
      summary: 'block public access account-wide (all four settings)',
      calls: [
        {
          service: 's3control',
          operation: 'PutPublicAccessBlock',
          input: { AccountId: account.accountId, PublicAccessBlockConfiguration: { ...ALL_SETTINGS_ON } },
          permission: 's3:PutAccountPublicAccessBlock',
        },
      ],
    };
  },
});
