import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { ALL_SETTINGS_ON, allSettingsOn } from './block-public-access.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 's3-block-public-access',
  title: "Turn on all four of the bucket's Block Public Access settings",
  resourceType: 'AWS::S3::Bucket',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['s3:PutBucketPublicAccessBlock'],
  destructive: false,
  plan(bucket) {
    const block = bucket.config.publicAccessBlock;
    if (isUnknown(block)) return { kind: 'refused', summary: `the bucket's public access block could not be read (${block.$unknown})` };
    if (allSettingsOn(block)) return { kind: 'in-desired-state', summary: 'public access is blocked' };
    return {
      kind: 'change',
      summary: 'block public access (all four settings)',
      calls: [
        {
          service: 's3',
          operation: 'PutPublicAccessBlock',
          input: { Bucket: bucket.name, PublicAccessBlockConfiguration: { ...ALL_SETTINGS_ON } },
          permission: 's3:PutBucketPublicAccessBlock',
        },
      ],
    };
  },
});
