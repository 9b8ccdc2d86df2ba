/**
 * The bucket policy as the S3 insights read it, once per bucket however many of them ask (public
 * access, and default encryption under each of its parameter sets, through the engine's
 * ResourceMemo): who its Allow statements name, which settles most buckets, and the full analysis
 * for the policies it does not settle.
 */
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import { analyzeResourcePolicy, type AnalyzePolicyResult } from './policy/analyze.js';
import { scanAllowPrincipals, type PrincipalScan } from './policy/principal-scan.js';

export interface BucketPolicyReading {
  /** A quick look at the Allow principals (principal-scan.ts). */
  readonly principals: PrincipalScan;
  /** The full analysis, with the bucket account as owner; made on first use. */
  analysis(): AnalyzePolicyResult;
}

/** Reads the bucket's `policy`; undefined when the bucket has none or it could not be read. Shaped as the engine's `ResourceAnalysis`, so its memo keeps one per bucket. */
export function readBucketPolicy(bucket: Resource<'AWS::S3::Bucket'>): BucketPolicyReading | undefined {
  const { policy } = bucket.config;
  if (policy === null || isUnknown(policy)) return undefined;
  let analysis: AnalyzePolicyResult | undefined;
  return {
    principals: scanAllowPrincipals(policy),
    analysis: () => (analysis ??= analyzeResourcePolicy(policy, { ownerAccountId: bucket.accountId })),
  };
}
