import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { outsideTagScope, TagSelectorParam } from '../judges/tag-scope.js';
import { parsePolicy } from '../../src/analysis/policy/parse-policy.js';
import { findCanonicalSecureTransportDeny, findSecureTransportDeny } from '../../src/analysis/policy/secure-transport.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 's3-bucket-tls-only',
  title: 'S3 bucket policies deny requests without TLS',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  description:
    'Checks that the bucket policy denies every S3 action on the bucket and its objects, for every principal, when aws:SecureTransport is false (CIS AWS 3.1.1), on the buckets the tag selector picks.',
  rationale:
    'S3 accepts plain HTTP requests unless a policy refuses them: data and signed requests then cross the network unencrypted. Only a Deny stops them for every caller; an Allow that requires TLS leaves every other grant (IAM policies, ACLs) usable over HTTP.',
  remediation: {
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\' (merge the statement into the existing policy)',
    console:
      'S3 console > the bucket > Permissions > Bucket policy > Edit > add a statement with Effect Deny, Principal "*", Action s3:*, Resource the bucket ARN and <bucket ARN>/*, Condition Bool aws:SecureTransport "false" > Save changes.',
  },
  reads: { self: ['tags', 'policy'] },
  params: Type.Object(
    {
      bucketTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of the buckets that must refuse plain HTTP; {} selects every bucket.',
      ),
    },
    { additionalProperties: false },
  ),
  evaluate(bucket, { params, verdict }) {
    const outside = outsideTagScope(bucket.tags, params.bucketTags, 'bucketTags', verdict);
    if (outside !== undefined) return outside;
    const policy = bucket.config.policy;
    if (isUnknown(policy)) return verdict.unreadable('bucket policy', policy);
    if (policy === null) return verdict.fail('the bucket has no policy, so nothing denies plain HTTP requests', { policy: null });
    const scope = { actions: ['s3:*'], resources: [bucket.arn, `${bucket.arn}/*`] };
    const canonical = findCanonicalSecureTransportDeny(policy, scope);
    if (canonical !== undefined) return verdict.pass(`${canonical} denies every request made without TLS`);
    const parsed = parsePolicy(policy, { requirePrincipal: true });
    if (!parsed.ok) return verdict.error(`the bucket policy cannot be analysed: ${parsed.error}`, { statement: parsed.statement ?? null });
    const result = findSecureTransportDeny(parsed.policy, scope);
    if (result.enforced) return verdict.pass(`${result.statement} denies every request made without TLS`);
    const reason =
      result.nearMisses.length === 0
        ? 'no statement of the bucket policy denies requests made without TLS (aws:SecureTransport false)'
        : `the bucket policy does not deny every request made without TLS: ${result.nearMisses.join('; ')}`;
    return verdict.fail(reason, { nearMisses: result.nearMisses });
  },
});
