/**
 * Rewrites the bucket policy without the statements that make it public (as the policy analysis
 * that judges `s3-bucket-public` finds them), every other statement kept unchanged, in its place.
 * A policy left with no statement is deleted. A policy the analysis cannot read is left alone.
 */
import { Type } from '@sinclair/typebox';
import { analyzeResourcePolicy } from '../../analysis/policy/analyze.js';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 's3-remove-public-policy-statements',
  title: 'Remove the bucket policy statements that make the bucket public',
  resourceType: 'AWS::S3::Bucket',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'],
  // Statements are removed for good; the policy as read live is kept in the plan and the audit trail.
  destructive: true,
  plan(bucket) {
    const { policy } = bucket.config;
    if (isUnknown(policy)) return { kind: 'refused', summary: `the bucket policy could not be read (${policy.$unknown})` };
    if (policy === null) return { kind: 'in-desired-state', summary: 'the bucket has no policy' };
    const analysed = analyzeResourcePolicy(policy, { ownerAccountId: bucket.accountId });
    if (!analysed.ok) return { kind: 'refused', summary: `the bucket policy cannot be analysed: ${analysed.error}` };
    const publicAt = new Set(analysed.analysis.statements.filter((s) => s.public).map((s) => s.index));
    if (publicAt.size === 0) return { kind: 'in-desired-state', summary: 'no statement of the policy is public' };
    const labels = analysed.analysis.statements.filter((s) => s.public).map((s) => s.label);
    const document = policy as Record<string, unknown>;
    const statements: unknown[] = Array.isArray(document['Statement']) ? document['Statement'] : [document['Statement']];
    const kept = statements.filter((_, index) => !publicAt.has(index));
    if (kept.length === 0) {
      return {
        kind: 'change',
        summary: `delete the bucket policy: its only statements (${labels.join(', ')}) are public`,
        calls: [{ service: 's3', operation: 'DeleteBucketPolicy', input: { Bucket: bucket.name }, permission: 's3:DeleteBucketPolicy' }],
      };
    }
    return {
      kind: 'change',
      summary: `remove ${labels.join(', ')} from the bucket policy; keep ${kept.length} other statement(s)`,
      calls: [
        {
          service: 's3',
          operation: 'PutBucketPolicy',
          input: { Bucket: bucket.name, Policy: JSON.stringify({ ...document, Statement: kept }) },
          permission: 's3:PutBucketPolicy',
        },
      ],
    };
  },
});
