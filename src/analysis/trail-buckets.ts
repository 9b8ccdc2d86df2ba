/**
 * The S3 buckets CloudTrail trails deliver to, for insights that judge a bucket by whether it holds
 * an audit trail. Trails are few, buckets many: the buckets are evaluated one by one and only the
 * trails are looked up, indexed once per scan by the bucket they name, whichever scanned account
 * owns the trail (an organization trail often delivers to a log-archive account).
 */
import type { Inventory } from '../engine/inventory.js';
import { arnFor } from '../model/arn.js';
import type { Resource } from '../model/resource.js';

type Trail = Resource<'AWS::CloudTrail::Trail'>;

/** The fields {@link trailsDeliveringTo} reads. */
export const TRAIL_BUCKET_FIELDS = ['s3BucketName'] as const;

interface TrailIndex {
  /** The trail list the index was built from, and its length then: a list that grew is indexed again. */
  readonly length: number;
  readonly byBucketArn: ReadonlyMap<string, readonly Trail[]>;
}

// Keyed by the inventory's trail list, which the in-memory inventory hands out unchanged for a whole scan.
const indexes = new WeakMap<readonly Trail[], TrailIndex>();

function partitionOf(arn: string): string {
  return arn.split(':')[1] ?? 'aws';
}

function indexOf(trails: readonly Trail[]): TrailIndex {
  const cached = indexes.get(trails);
  if (cached !== undefined && cached.length === trails.length) return cached;
  const byBucketArn = new Map<string, Trail[]>();
  for (const trail of trails) {
    const name = trail.config.s3BucketName;
    if (name === null) continue;
    // Bucket ARNs name neither account nor region, only the partition.
    const bucketArn = arnFor('AWS::S3::Bucket', trail.accountId, trail.region, name, partitionOf(trail.arn));
    const named = byBucketArn.get(bucketArn) ?? [];
    if (!named.some((t) => t.arn === trail.arn)) named.push(trail);
    byBucketArn.set(bucketArn, named);
  }
  const index = { length: trails.length, byBucketArn };
  indexes.set(trails, index);
  return index;
}

/** The scanned trails that deliver their log files to the bucket. */
export function trailsDeliveringTo(bucket: Pick<Resource<'AWS::S3::Bucket'>, 'arn'>, inventory: Inventory): readonly Trail[] {
  return indexOf(inventory.list('AWS::CloudTrail::Trail')).byBucketArn.get(bucket.arn) ?? [];
}

/**
 * Whether a bucket policy could let CloudTrail write log files: CloudTrail delivers only where the
 * bucket policy grants its service principal, so a policy that never names
 * `cloudtrail.amazonaws.com` (or no policy) rules the bucket out. Any mention counts — the question
 * only decides whether an unlisted trail might deliver here, so erring towards "might" is safe.
 */
export function policyMayAdmitCloudTrail(policy: object | null): boolean {
  return policy !== null && JSON.stringify(policy).includes('cloudtrail.amazonaws.com');
}
