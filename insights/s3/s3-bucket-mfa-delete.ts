import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { outsideTagScope, TagSelectorParam } from '../judges/tag-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 's3-bucket-mfa-delete',
  title: 'S3 buckets require MFA to delete object versions',
  resourceType: 'AWS::S3::Bucket',
  severity: 'low',
  description:
    "Checks that versioning is enabled with MFA delete, so that permanently deleting a version or suspending versioning needs the root user's MFA code. Buckets outside the bucketTags scope are not applicable.",
  rationale:
    'Versioning keeps overwritten and deleted objects, but anyone with s3:DeleteObjectVersion can still erase them for good; MFA delete puts a physical factor in front of that (CIS AWS 3.1.2, Level 2).',
  remediation: {
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::<account>:mfa/root-account-mfa-device <code>"  # as the root user',
    console: "MFA delete cannot be enabled in the console: use the AWS CLI or API with the root user's credentials and MFA device.",
  },
  params: Type.Object(
    {
      bucketTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of the buckets that must require MFA delete; {} selects every bucket.',
      ),
    },
    { additionalProperties: false },
  ),
  reads: { self: ['tags', 'versioning'] },
  evaluate(bucket, { params, verdict }) {
    const outside = outsideTagScope(bucket.tags, params.bucketTags, 'bucketTags', verdict);
    if (outside !== undefined) return outside;
    const versioning = bucket.config.versioning;
    if (isUnknown(versioning)) return verdict.unreadable('versioning configuration', versioning);
    if (versioning.status !== 'Enabled') return verdict.fail('versioning is not enabled, so MFA delete cannot be either', { versioning });
    return versioning.mfaDelete === 'Enabled'
      ? verdict.pass('versioning is enabled with MFA delete')
      : verdict.fail('versioning is enabled without MFA delete', { versioning });
  },
});
