import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { matchTags } from '../../src/analysis/tags.js';
import { TagSelectorParam } from '../judges/tag-scope.js';
import { readBucketPolicy } from '../../src/analysis/s3-bucket-policy.js';
import { BLOCK_SETTING_NAMES, s3Exposure, type EffectiveBlockPublicAccess, type ExposurePath } from '../../src/analysis/s3-exposure.js';
import { unknown } from '../../src/model/unknown.js';

/** Public listing and reading only: what a deliberately public bucket (a website, public datasets) may allow. */
const READ_ONLY = new Set(['list', 'read']);

function settingsEvidence(block: EffectiveBlockPublicAccess): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(BLOCK_SETTING_NAMES) as (keyof EffectiveBlockPublicAccess)[]).map((setting) => {
      const state = block[setting];
      const text = state.on === true ? `on (${state.where})` : state.on === false ? 'off' : `unknown (${state.cause})`;
      return [BLOCK_SETTING_NAMES[setting], text];
    }),
  );
}

function pathEvidence(path: ExposurePath) {
  return { source: path.source, actions: path.actions, accessLevels: path.accessLevels, blockedBy: path.blockedBy };
}

export default defineInsight({
  id: 's3-bucket-public',
  title: 'S3 buckets are not publicly accessible',
  resourceType: 'AWS::S3::Bucket',
  severity: 'critical',
  description:
    'Checks that neither the bucket policy nor the bucket ACL gives anyone on the internet access, as S3 defines "public", after the account-level and bucket-level S3 Block Public Access settings and object ownership are applied. A bucket tagged as public by design may allow public listing and reading, never public writing or permission changes.',
  rationale:
    'A public bucket is readable (or writable) by anyone with its name: most S3 data leaks are a policy with "Principal": "*" or an ACL grant to AllUsers left in place. Block Public Access neutralises both, but BlockPublicAcls and BlockPublicPolicy only refuse new public grants: an existing public policy stays effective until RestrictPublicBuckets is on, and an existing public ACL until IgnorePublicAcls is on or ACLs are disabled.',
  remediation: {
    cli: [
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      'aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    ].join('\n'),
    console:
      'S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit > Block all public access; then remove the public statements from the bucket policy, and under Object Ownership choose ACLs disabled (bucket owner enforced).',
  },
  reads: { self: ['acl', 'policy', 'publicAccessBlock', 'objectOwnership', 'tags'], lookups: { 'AWS::Account': ['s3PublicAccessBlock'] } },
  params: Type.Object(
    {
      intendedPublicTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of buckets that are public by design (static websites, public datasets): public listing and reading is not applicable to them, public writing still fails. {} means no bucket is public by design.',
      ),
    },
    { additionalProperties: false },
  ),
  evaluate(bucket, { params, inventory, memo, verdict }) {
    const exposure = s3Exposure(bucket, inventory.account(bucket.accountId), memo.of(readBucketPolicy, bucket));
    switch (exposure.status) {
      case 'not-public': {
        const { neutralised } = exposure;
        if (neutralised.length === 0) return verdict.pass('neither the bucket policy nor the ACL grants public access');
        const by = () => [...new Set(neutralised.map((p) => p.neutralisedBy))].join(' and ');
        return verdict.pass(() => `the public grants (${neutralised.map((p) => p.source).join(', ')}) are neutralised by ${by()}`);
      }
      case 'undetermined': {
        if (exposure.malformedPolicy !== undefined) {
          return verdict.error(`the bucket policy cannot be analysed: ${exposure.malformedPolicy.error}`, { malformedPolicy: exposure.malformedPolicy });
        }
        const [first, ...rest] = exposure.unreadable;
        if (first !== undefined && rest.length === 0) return verdict.unreadable(first.field, unknown(first.cause));
        return verdict.error(
          `whether the bucket is public cannot be decided: ${exposure.unreadable.map((u) => `${u.field} could not be read (${u.cause})`).join('; ')}`,
          {
            unreadable: exposure.unreadable,
            possiblePaths: exposure.possiblePaths.map(pathEvidence),
          },
        );
      }
      case 'public': {
        const evidence = {
          paths: exposure.paths.map(pathEvidence),
          accessLevels: exposure.accessLevels,
          blockPublicAccess: settingsEvidence(exposure.block),
        };
        const readOnly = exposure.accessLevels.every((level) => READ_ONLY.has(level));
        if (readOnly && Object.keys(params.intendedPublicTags).length > 0) {
          const intended = matchTags(bucket.tags, params.intendedPublicTags);
          if (intended === 'match') return verdict.notApplicable('the bucket is tagged as public by design and is only publicly listable or readable');
          if (intended === 'unknown') {
            // Only the tags can tell a website bucket from a leak here.
            return verdict.error('the bucket is publicly readable and its tags, which tell whether it is public by design, could not be read', evidence);
          }
        }
        const access = exposure.accessLevels.join(', ');
        const reasons = exposure.paths.map((p) => p.reason).join('; ');
        const fixes = [...new Set(exposure.paths.map((p) => p.blockedBy))].join('; ');
        return verdict.fail(`the bucket is public (${access}): ${reasons}. Blocked by: ${fixes}`, evidence);
      }
    }
  },
});
