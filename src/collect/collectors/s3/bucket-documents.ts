/**
 * Readers of an S3 bucket's sub-documents (Block Public Access, ACL, ownership, default
 * encryption, Object Lock, lifecycle) as the S3 API answers them: what the API collector and the
 * AWS Config normaliser share. A document the model cannot hold is a read problem: the field
 * becomes unknown with its code, never a guess.
 */
import type {
  GetBucketAclOutput,
  GetBucketEncryptionOutput,
  GetBucketLifecycleConfigurationOutput,
  GetObjectLockConfigurationOutput,
  LifecycleRule as SdkLifecycleRule,
  PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3';
import type { PublicAccessBlock } from '../../../model/common.js';
import type { AclGrant, EncryptionRule, LifecycleRule, S3BucketConfig } from '../../../model/types/s3/bucket.js';
import { ok } from '../../../result.js';
import { isoDate } from '../../contract/normalise.js';
import { readEach, readProblem, unexpected, type Read } from '../../contract/read-problem.js';

/** GetBucketLocation's LocationConstraint → region: none for us-east-1, `EU` for the oldest eu-west-1 buckets. */
export function regionOfLocationConstraint(constraint: string | null | undefined): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** The bucket-level or account-level Block Public Access settings; an absent setting is off. */
export function publicAccessBlockOf(config: PublicAccessBlockConfiguration | undefined): PublicAccessBlock {
  return {
    blockPublicAcls: config?.BlockPublicAcls === true,
    ignorePublicAcls: config?.IgnorePublicAcls === true,
    blockPublicPolicy: config?.BlockPublicPolicy === true,
    restrictPublicBuckets: config?.RestrictPublicBuckets === true,
  };
}

const PERMISSIONS = new Set<string>(['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP']);
const GRANTEE_TYPES = new Set<string>(['CanonicalUser', 'Group', 'AmazonCustomerByEmail']);

export function acl(out: GetBucketAclOutput): Read<S3BucketConfig['acl']> {
  const ownerId = out.Owner?.ID;
  if (ownerId === undefined) return unexpected('GetBucketAcl returned no Owner ID');
  const grants: AclGrant[] = [];
  for (const grant of out.Grants ?? []) {
    const type = grant.Grantee?.Type;
    const permission = grant.Permission;
    if (type === undefined || !GRANTEE_TYPES.has(type)) return unexpected(`grantee type ${String(type)}`);
    if (permission === undefined || !PERMISSIONS.has(permission)) return unexpected(`ACL permission ${String(permission)}`);
    const grantee: AclGrant['grantee'] = { type: type };
    if (grant.Grantee?.ID !== undefined) grantee.id = grant.Grantee.ID;
    if (grant.Grantee?.URI !== undefined) grantee.uri = grant.Grantee.URI;
    if (grant.Grantee?.EmailAddress !== undefined) grantee.emailAddress = grant.Grantee.EmailAddress;
    grants.push({ grantee, permission: permission });
  }
  return ok({ ownerId, grants });
}

const OWNERSHIP = new Set<string>(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

export function ownership(rules: readonly { ObjectOwnership?: string | undefined }[] | undefined): Read<S3BucketConfig['objectOwnership']> {
  const value = rules?.[0]?.ObjectOwnership;
  if (value === undefined) return ok(null);
  if (!OWNERSHIP.has(value)) return unexpected(`object ownership ${value}`);
  return ok(value as 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter');
}

const SSE = new Set<string>(['AES256', 'aws:kms', 'aws:kms:dsse']);

export function encryption(out: GetBucketEncryptionOutput): Read<S3BucketConfig['encryption']> {
  const rules: EncryptionRule[] = [];
  for (const rule of out.ServerSideEncryptionConfiguration?.Rules ?? []) {
    const byDefault = rule.ApplyServerSideEncryptionByDefault;
    // A rule that only blocks encryption types sets no default encryption.
    if (byDefault === undefined) continue;
    const algorithm = byDefault.SSEAlgorithm;
    if (algorithm === undefined || !SSE.has(algorithm)) return unexpected(`SSE algorithm ${String(algorithm)}`);
    rules.push({
      sseAlgorithm: algorithm as EncryptionRule['sseAlgorithm'],
      kmsMasterKeyId: byDefault.KMSMasterKeyID ?? null,
      bucketKeyEnabled: rule.BucketKeyEnabled === true,
    });
  }
  return ok({ rules });
}

/**
 * A default retention is Days or Years, never both; an endpoint that answers the unused unit as 0
 * (`Years: 0` beside `Days: 30`) means it is not set.
 */
function retentionPeriod(value: number | undefined): number | null {
  return value === undefined || value === 0 ? null : value;
}

export function objectLock(out: GetObjectLockConfigurationOutput): Read<S3BucketConfig['objectLock']> {
  const config = out.ObjectLockConfiguration;
  const retention = config?.Rule?.DefaultRetention;
  let defaultRetention = null;
  if (retention !== undefined) {
    if (retention.Mode !== 'GOVERNANCE' && retention.Mode !== 'COMPLIANCE') return unexpected(`retention mode ${String(retention.Mode)}`);
    defaultRetention = { mode: retention.Mode, days: retentionPeriod(retention.Days), years: retentionPeriod(retention.Years) };
  }
  return ok({ enabled: config?.ObjectLockEnabled === 'Enabled', defaultRetention });
}

/**
 * One lifecycle rule. The model says what prefix a rule is limited to ('' = the whole bucket); it
 * cannot say "only objects with this tag" or "only objects of this size", so a rule filtered that
 * way cannot be written without claiming it covers the whole bucket — the lifecycle becomes
 * unknown instead (see the report: the model needs a filter field).
 */
export function lifecycleRule(rule: SdkLifecycleRule): Read<LifecycleRule> {
  const name = rule.ID !== undefined ? `rule "${rule.ID}"` : 'a rule without ID';
  if (rule.Status !== 'Enabled' && rule.Status !== 'Disabled') return unexpected(`${name} has status ${String(rule.Status)}`);
  const filter = rule.Filter;
  let prefix: string;
  if (filter !== undefined) {
    const and = filter.And;
    const tagged = filter.Tag !== undefined || (and?.Tags?.length ?? 0) > 0;
    const sized =
      filter.ObjectSizeGreaterThan !== undefined ||
      filter.ObjectSizeLessThan !== undefined ||
      and?.ObjectSizeGreaterThan !== undefined ||
      and?.ObjectSizeLessThan !== undefined;
    if (tagged || sized) {
      const by = [tagged ? 'object tags' : '', sized ? 'object size' : ''].filter((s) => s !== '').join(' and ');
      return readProblem('UnsupportedLifecycleFilter', `${name} is limited by ${by}, which the resource model cannot express`);
    }
    prefix = and?.Prefix ?? filter.Prefix ?? '';
  } else {
    // Rules written before filters existed name the prefix on the rule itself.
    prefix = rule.Prefix ?? '';
  }
  const transitions: LifecycleRule['transitions'] = [];
  for (const t of rule.Transitions ?? []) {
    if (t.StorageClass === undefined) return unexpected(`${name} has a transition without a storage class`);
    transitions.push({ days: t.Days ?? null, date: isoDate(t.Date), storageClass: t.StorageClass });
  }
  const noncurrent: LifecycleRule['noncurrentVersionTransitions'] = [];
  for (const t of rule.NoncurrentVersionTransitions ?? []) {
    if (t.StorageClass === undefined || t.NoncurrentDays === undefined) {
      return unexpected(`${name} has a noncurrent-version transition without days or storage class`);
    }
    noncurrent.push({ noncurrentDays: t.NoncurrentDays, storageClass: t.StorageClass });
  }
  return ok({
    id: rule.ID ?? null,
    status: rule.Status,
    prefix,
    transitions,
    noncurrentVersionTransitions: noncurrent,
    expirationDays: rule.Expiration?.Days ?? null,
  });
}

export function lifecycle(out: GetBucketLifecycleConfigurationOutput): Read<S3BucketConfig['lifecycleRules']> {
  return readEach(out.Rules ?? [], lifecycleRule);
}
