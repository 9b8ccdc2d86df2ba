/** S3 buckets of a demo account, described by their posture rather than their API documents. */
import { arnFor } from '../../model/arn.js';
import { s3Bucket, tlsOnlyStatement } from '../../model/builders.js';
import type { PolicyDocument } from '../../model/common.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { AclGrant, LifecycleRule, ObjectLock, S3BucketConfig } from '../../model/types/s3/bucket.js';
import type { Maybe } from '../../model/unknown.js';
import type { AccountScope } from '../scope.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

export interface BucketSpec {
  name: string;
  region: string;
  tags: Maybe<Tags>;
  createdDaysAgo: number;
  /** SSE-KMS with this key (ARN); SSE-S3 when absent. */
  kmsKeyArn?: string;
  /** Default true. */
  versioning?: boolean;
  objectLock?: ObjectLock | null;
  lifecycleRules?: LifecycleRule[] | null;
  /** Statements added to the bucket policy, which always denies insecure transport. */
  statements?: readonly Record<string, unknown>[];
  /** Replaces the whole policy, e.g. with an unknown when the scanner was denied. */
  policy?: Maybe<PolicyDocument | null>;
  /** Readable by anyone, through an ACL grant or a policy statement; Block Public Access is then off. */
  publicRead?: 'acl' | 'policy';
  /** Server access logging target bucket. */
  loggingTarget?: string;
}

export function bucket(scope: AccountScope, spec: BucketSpec): Resource<'AWS::S3::Bucket'> {
  const arn = arnFor('AWS::S3::Bucket', scope.accountId, spec.region, spec.name);
  const statements: Record<string, unknown>[] = [tlsOnlyStatement(arn), ...(spec.statements ?? [])];
  if (spec.publicRead === 'policy') {
    statements.push({ Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${arn}/*` });
  }
  const ownerGrant: AclGrant = { grantee: { type: 'CanonicalUser', id: scope.canonicalId }, permission: 'FULL_CONTROL' };
  const grants: AclGrant[] = spec.publicRead === 'acl' ? [ownerGrant, { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' }] : [ownerGrant];
  const versioned = spec.versioning ?? true;
  const config: Partial<S3BucketConfig> = {
    publicAccessBlock:
      spec.publicRead === undefined ? { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } : null,
    policy: spec.policy !== undefined ? spec.policy : { Version: '2012-10-17', Statement: statements },
    acl: { ownerId: scope.canonicalId, grants },
    objectOwnership: spec.publicRead === 'acl' ? 'ObjectWriter' : 'BucketOwnerEnforced',
    encryption: {
      rules: [
        spec.kmsKeyArn === undefined
          ? { sseAlgorithm: 'AES256', kmsMasterKeyId: null, bucketKeyEnabled: false }
          : { sseAlgorithm: 'aws:kms', kmsMasterKeyId: spec.kmsKeyArn, bucketKeyEnabled: true },
      ],
    },
    versioning: { status: versioned ? 'Enabled' : null, mfaDelete: versioned ? 'Disabled' : null },
    objectLock: spec.objectLock ?? null,
    lifecycleRules: spec.lifecycleRules ?? null,
    logging: spec.loggingTarget === undefined ? null : { targetBucket: spec.loggingTarget, targetPrefix: `${spec.name}/` },
  };
  return s3Bucket(config, scope.envelope(spec.region, spec.name, spec.name, spec.tags, scope.clock.daysAgo(spec.createdDaysAgo)));
}

/** WORM retention in COMPLIANCE mode (SEC 17a-4: six years), or a weaker one. */
export function objectLock(mode: 'COMPLIANCE' | 'GOVERNANCE', retention: { years: number } | { days: number }): ObjectLock {
  return {
    enabled: true,
    defaultRetention: 'years' in retention ? { mode, years: retention.years, days: null } : { mode, days: retention.days, years: null },
  };
}

/** Archive current objects to S3 Glacier after `days` days (the bank rule says 92). */
export function glacierArchiveRule(days: number): LifecycleRule {
  return {
    id: `archive-to-glacier-after-${days}-days`,
    status: 'Enabled',
    prefix: '',
    transitions: [{ days, date: null, storageClass: 'GLACIER' }],
    noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: 'GLACIER' }],
    expirationDays: null,
  };
}

/** The slip the SFTP rule is written to catch: only noncurrent versions move to Glacier. */
export function noncurrentOnlyRule(days: number): LifecycleRule {
  return {
    id: 'archive-old-versions',
    status: 'Enabled',
    prefix: '',
    transitions: [],
    noncurrentVersionTransitions: [{ noncurrentDays: days, storageClass: 'GLACIER' }],
    expirationDays: null,
  };
}

/** The target of the account's server access logs in one region. */
export function accessLogsBucket(scope: AccountScope, region: string, owner: string): Resource<'AWS::S3::Bucket'> {
  const name = scope.bucketName('access-logs', `-${region}`);
  const arn = arnFor('AWS::S3::Bucket', scope.accountId, region, name);
  return bucket(scope, {
    name,
    region,
    tags: scope.tags(owner, { 'data-class': 'internal' }),
    createdDaysAgo: scope.rng.int(500, 900),
    lifecycleRules: [
      {
        id: 'expire-access-logs',
        status: 'Enabled',
        prefix: '',
        transitions: [{ days: 30, date: null, storageClass: 'STANDARD_IA' }],
        noncurrentVersionTransitions: [],
        expirationDays: 365,
      },
    ],
    statements: [
      {
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${arn}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': scope.accountId } },
      },
    ],
  });
}
