import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { outsideTagScope, TagSelectorParam } from '../judges/tag-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 's3-bucket-versioning',
  title: 'S3 buckets keep object versions',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  description:
    'Checks that versioning is enabled on S3 buckets (status Enabled; Suspended or never enabled fails), optionally only on buckets selected by tags.',
  rationale:
    'Without versioning an overwrite or a delete, by mistake, by a faulty deployment or by ransomware, destroys the only copy of an object. Versioning keeps the previous versions recoverable, and it is a prerequisite for replication and Object Lock.',
  remediation: {
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
    console: 'S3 console > the bucket > Properties > Bucket Versioning > Edit > Enable > Save changes.',
  },
  reads: { self: ['tags', 'versioning'] },
  params: Type.Object(
    {
      bucketTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of the buckets that must keep object versions; {} selects every bucket.',
      ),
    },
    { additionalProperties: false },
  ),
  evaluate(bucket, { params, verdict }) {
    const outside = outsideTagScope(bucket.tags, params.bucketTags, 'bucketTags', verdict);
    if (outside !== undefined) return outside;
    const versioning = bucket.config.versioning;
    if (isUnknown(versioning)) return verdict.unreadable('versioning status', versioning);
    switch (versioning.status) {
      case 'Enabled':
        return verdict.pass(`versioning is enabled${versioning.mfaDelete === 'Enabled' ? ', with MFA delete' : ''}`);
      case 'Suspended':
        return verdict.fail('versioning is suspended: new overwrites and deletes replace objects without keeping the previous version', { versioning });
      case null:
        return verdict.fail('versioning was never enabled on the bucket', { versioning });
    }
  },
});
