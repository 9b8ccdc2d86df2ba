/**
 * The Resource Groups Tagging API's answer for S3 in one region, derived from the GetBucketTagging
 * answers a test gives its buckets: the buckets of that region that have tags (an untagged bucket,
 * or one whose GetBucketTagging fails, is not listed), as `arn:aws:s3:::name` with their tags.
 */
import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';

export interface TaggedBucket {
  readonly region: string;
  /** The bucket's GetBucketTagging answer: an output with a TagSet, or a function throwing its error. */
  readonly tagging: object | (() => Error) | undefined;
}

export function taggedBucketsIn(buckets: Readonly<Record<string, TaggedBucket>>, region: string): ResourceTagMapping[] {
  return Object.entries(buckets).flatMap(([name, bucket]) => {
    const answer = bucket.tagging;
    if (bucket.region !== region || answer === undefined || typeof answer === 'function') return [];
    return [{ ResourceARN: `arn:aws:s3:::${name}`, Tags: (answer as { TagSet: { Key: string; Value: string }[] }).TagSet }];
  });
}
