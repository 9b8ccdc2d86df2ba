/**
 * `AWS::S3::Bucket` from its configuration item. The bucket's sub-documents are in
 * `supplementaryConfiguration`, as the AWS SDK for Java models them:
 *  - `PublicAccessBlockConfiguration`, `ServerSideEncryptionConfiguration`,
 *    `BucketLifecycleConfiguration`, `ObjectLockConfiguration`: present only when configured, so
 *    absent means "not configured" (null), as the API's not-configured errors do;
 *  - `AccessControlList` (a JSON string: owner, `grantList` with Java's permission names and group
 *    grantees named `AllUsers` / `AuthenticatedUsers` / `LogDelivery`), `BucketPolicy.policyText`
 *    (null: no policy), `BucketVersioningConfiguration` (`status` Off / Enabled / Suspended,
 *    `isMfaDeleteEnabled`), `BucketLoggingConfiguration` (`destinationBucketName` null: off): Config
 *    records these for every bucket, so an absent one is a field Config lacks, not a default.
 * Ownership controls are not recorded at all: `objectOwnership` is always NotInConfig.
 * Java leaves unset numbers at -1 (a lifecycle rule without expiration days): read as absent.
 */
import type {
  ExpirationStatus,
  LifecycleRule as SdkLifecycleRule,
  LifecycleRuleAndOperator,
  LifecycleRuleFilter,
  NoncurrentVersionTransition,
  Tag,
  Transition,
} from '@aws-sdk/client-s3';
import { arnFor } from '../../../model/arn.js';
import type { AclGrant, EncryptionRule, S3BucketConfig } from '../../../model/types/s3/bucket.js';
import type { Maybe } from '../../../model/unknown.js';
import type { FieldOf } from '../../contract/collector.js';
import { lifecycleRule, publicAccessBlockOf } from './bucket-documents.js';
import { parsePolicyJson, UNPARSABLE_POLICY } from '../../contract/policy-json.js';
import { readEach, readProblem, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';
import { absent, bool, configDate, int, jsonObject, list, str, type ConfigItem, type Json } from '../../config-source/config-item.js';
import { configResource, notInConfig, UNEXPECTED_CONFIG_ITEM, type NormaliseContext, type Normalised } from '../../config-source/normaliser.js';

type Field = FieldOf<'AWS::S3::Bucket'>;

/** What SelectResourceConfig fills; the rest is {@link S3_NOT_IN_CONFIG}. */
export const S3_CONFIG_FILLS: readonly Field[] = [
  'publicAccessBlock',
  'policy',
  'acl',
  'encryption',
  'versioning',
  'objectLock',
  'lifecycleRules',
  'logging',
  'name',
  'tags',
  'createdAt',
];

/** Config does not record a bucket's ownership controls. */
export const S3_NOT_IN_CONFIG: readonly Field[] = ['objectOwnership'];

/** The sub-document holds too little to fill the field (an older item format): Config lacks it. */
const LACKING = Symbol('lacking');

/** What a sub-document reads as: the field's value, a problem, or too little to tell. */
type FromItem<V> = Read<V> | typeof LACKING;

const unexpected = (message: string) => readProblem(UNEXPECTED_CONFIG_ITEM, message);

function publicAccessBlock(doc: Json): Read<S3BucketConfig['publicAccessBlock']> {
  const flags = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;
  for (const flag of flags)
    if (!absent(doc[flag]) && bool(doc[flag]) === undefined) return unexpected(`PublicAccessBlockConfiguration.${flag} is not a boolean`);
  return ok(
    publicAccessBlockOf({
      BlockPublicAcls: bool(doc['blockPublicAcls']),
      IgnorePublicAcls: bool(doc['ignorePublicAcls']),
      BlockPublicPolicy: bool(doc['blockPublicPolicy']),
      RestrictPublicBuckets: bool(doc['restrictPublicBuckets']),
    }),
  );
}

function policy(doc: Json): Read<S3BucketConfig['policy']> {
  const text = doc['policyText'];
  if (absent(text)) return ok(null);
  if (typeof text !== 'string') return unexpected('BucketPolicy.policyText is not a string');
  const parsed = parsePolicyJson(text);
  return parsed.ok ? ok(parsed.policy) : readProblem(UNPARSABLE_POLICY, parsed.message);
}

/** Java's Permission names. */
const PERMISSIONS: Readonly<Record<string, AclGrant['permission']>> = {
  FullControl: 'FULL_CONTROL',
  Read: 'READ',
  Write: 'WRITE',
  ReadAcp: 'READ_ACP',
  WriteAcp: 'WRITE_ACP',
};

/** Java's GroupGrantee names and the group URIs S3's API reports for them. */
const GROUPS: Readonly<Record<string, string>> = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
};

function grantee(value: unknown): Read<AclGrant['grantee']> {
  if (typeof value === 'string') {
    const uri = Object.hasOwn(GROUPS, value) ? GROUPS[value] : undefined;
    return uri !== undefined ? ok({ type: 'Group', uri }) : unexpected(`ACL grantee ${value}`);
  }
  const id = str(jsonObject(value)?.['id']);
  // An e-mail grantee has no documented form in configuration items: unknown, not a guess.
  return id !== undefined ? ok({ type: 'CanonicalUser', id }) : unexpected(`ACL grantee ${JSON.stringify(value)}`);
}

function acl(doc: Json): Read<S3BucketConfig['acl']> {
  const ownerId = str(jsonObject(doc['owner'])?.['id']);
  if (ownerId === undefined) return unexpected('AccessControlList has no owner id');
  const raw = list(doc['grantList']) ?? list(doc['grantSet']);
  if (raw === undefined && !(absent(doc['grantList']) && absent(doc['grantSet']))) return unexpected('AccessControlList grants are not a list');
  const grants: AclGrant[] = [];
  for (const entry of raw ?? []) {
    const grant = jsonObject(entry);
    const name = str(grant?.['permission']);
    const permission = name !== undefined && Object.hasOwn(PERMISSIONS, name) ? PERMISSIONS[name] : undefined;
    if (grant === undefined || permission === undefined) return unexpected(`ACL permission ${String(name)}`);
    const who = grantee(grant['grantee']);
    if (!who.ok) return who;
    grants.push({ grantee: who.value, permission });
  }
  return ok({ ownerId, grants });
}

const SSE = new Set<string>(['AES256', 'aws:kms', 'aws:kms:dsse']);

function encryption(doc: Json): FromItem<S3BucketConfig['encryption']> {
  const raw = list(doc['rules']);
  if (raw === undefined) return unexpected('ServerSideEncryptionConfiguration has no rules');
  const rules: EncryptionRule[] = [];
  for (const entry of raw) {
    const rule = jsonObject(entry);
    if (rule === undefined) return unexpected('an encryption rule is not an object');
    const byDefault = jsonObject(rule['applyServerSideEncryptionByDefault']);
    // A rule that only blocks encryption types sets no default encryption.
    if (byDefault === undefined) continue;
    const algorithm = str(byDefault['sseAlgorithm']);
    if (algorithm === undefined || !SSE.has(algorithm)) return unexpected(`SSE algorithm ${String(algorithm)}`);
    // Items recorded before S3 Bucket Keys existed leave the flag out: Config does not say.
    const bucketKey = bool(rule['bucketKeyEnabled']);
    if (bucketKey === undefined) return LACKING;
    rules.push({
      sseAlgorithm: algorithm as EncryptionRule['sseAlgorithm'],
      kmsMasterKeyId: str(byDefault['kmsMasterKeyID']) ?? null,
      bucketKeyEnabled: bucketKey,
    });
  }
  return ok({ rules });
}

function versioning(doc: Json): Read<S3BucketConfig['versioning']> {
  const status = doc['status'];
  // Config names a never-versioned bucket's state Off; the API leaves Status out.
  if (status !== 'Off' && status !== 'Enabled' && status !== 'Suspended') return unexpected(`versioning status ${String(status)}`);
  const mfa = doc['isMfaDeleteEnabled'];
  if (!absent(mfa) && bool(mfa) === undefined) return unexpected('isMfaDeleteEnabled is not a boolean');
  return ok({ status: status === 'Off' ? null : status, mfaDelete: mfa === true ? 'Enabled' : mfa === false ? 'Disabled' : null });
}

/** Object Lock days and years are at least 1 when set; the unused unit answered as 0 is not set. */
function retentionPeriod(value: unknown, name: string): Read<number | null> {
  if (absent(value) || value === 0) return ok(null);
  const n = int(value);
  return n !== undefined && n >= 1 ? ok(n) : unexpected(`default retention ${name} ${JSON.stringify(value)}`);
}

function objectLock(doc: Json): Read<S3BucketConfig['objectLock']> {
  const retention = jsonObject(jsonObject(doc['rule'])?.['defaultRetention']);
  let defaultRetention = null;
  if (retention !== undefined) {
    const mode = retention['mode'];
    if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') return unexpected(`retention mode ${String(mode)}`);
    const days = retentionPeriod(retention['days'], 'days');
    const years = retentionPeriod(retention['years'], 'years');
    if (!days.ok) return days;
    if (!years.ok) return years;
    defaultRetention = { mode, days: days.value, years: years.value } as const;
  }
  return ok({ enabled: doc['objectLockEnabled'] === 'Enabled', defaultRetention });
}

/** A number Java leaves at -1 when unset. */
function setNumber(value: unknown): number | undefined {
  const n = int(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** Java's lifecycle filter predicate, as the S3 API's filter. */
function lifecycleFilter(predicate: Json): Read<LifecycleRuleFilter> {
  const type = str(predicate['type']);
  switch (type) {
    case 'LifecyclePrefixPredicate':
      return ok({ Prefix: str(predicate['prefix']) ?? '' });
    case 'LifecycleTagPredicate': {
      const tag = jsonObject(predicate['tag']);
      const key = str(tag?.['key']);
      return key !== undefined ? ok({ Tag: { Key: key, Value: str(tag?.['value']) ?? '' } }) : unexpected('a lifecycle tag filter without a key');
    }
    case 'LifecycleObjectSizeGreaterThanPredicate': {
      const size = int(predicate['objectSizeGreaterThan']);
      return size !== undefined ? ok({ ObjectSizeGreaterThan: size }) : unexpected('a lifecycle size filter without a size');
    }
    case 'LifecycleObjectSizeLessThanPredicate': {
      const size = int(predicate['objectSizeLessThan']);
      return size !== undefined ? ok({ ObjectSizeLessThan: size }) : unexpected('a lifecycle size filter without a size');
    }
    case 'LifecycleAndOperator': {
      const and: LifecycleRuleAndOperator = {};
      const tags: Tag[] = [];
      for (const operand of list(predicate['operands']) ?? []) {
        const inner = jsonObject(operand);
        const read = inner === undefined || str(inner['type']) === 'LifecycleAndOperator' ? unexpected('a nested lifecycle filter') : lifecycleFilter(inner);
        if (!read.ok) return read;
        const part = read.value;
        if (part.Prefix !== undefined) and.Prefix = part.Prefix;
        if (part.Tag !== undefined) tags.push(part.Tag);
        if (part.ObjectSizeGreaterThan !== undefined) and.ObjectSizeGreaterThan = part.ObjectSizeGreaterThan;
        if (part.ObjectSizeLessThan !== undefined) and.ObjectSizeLessThan = part.ObjectSizeLessThan;
      }
      if (tags.length > 0) and.Tags = tags;
      return ok({ And: and });
    }
    default:
      return unexpected(`lifecycle filter ${String(type)}`);
  }
}

/** One rule as the S3 API returns it, so that the API collector's reader judges it. */
function sdkLifecycleRule(rule: Json): Read<SdkLifecycleRule> {
  const out: SdkLifecycleRule = { Status: str(rule['status']) as ExpirationStatus | undefined };
  const id = str(rule['id']);
  if (id !== undefined) out.ID = id;
  const filter = jsonObject(rule['filter']);
  if (filter !== undefined) {
    const predicate = jsonObject(filter['predicate']);
    const converted = predicate === undefined ? ok({}) : lifecycleFilter(predicate);
    if (!converted.ok) return converted;
    out.Filter = converted.value;
  } else {
    const prefix = str(rule['prefix']);
    if (prefix !== undefined) out.Prefix = prefix;
  }
  const transitions: Transition[] = [];
  for (const entry of list(rule['transitions']) ?? []) {
    const t = jsonObject(entry);
    if (t === undefined) return unexpected('a lifecycle transition is not an object');
    const date = configDate(t['date']);
    transitions.push({
      Days: setNumber(t['days']),
      Date: date !== null ? new Date(date) : undefined,
      StorageClass: str(t['storageClass']) as Transition['StorageClass'],
    });
  }
  out.Transitions = transitions;
  const noncurrent: NoncurrentVersionTransition[] = [];
  for (const entry of list(rule['noncurrentVersionTransitions']) ?? []) {
    const t = jsonObject(entry);
    if (t === undefined) return unexpected('a noncurrent-version transition is not an object');
    noncurrent.push({ NoncurrentDays: setNumber(t['days']), StorageClass: str(t['storageClass']) as NoncurrentVersionTransition['StorageClass'] });
  }
  out.NoncurrentVersionTransitions = noncurrent;
  const days = setNumber(rule['expirationInDays']);
  if (days !== undefined && days > 0) out.Expiration = { Days: days };
  return ok(out);
}

function lifecycle(doc: Json): Read<S3BucketConfig['lifecycleRules']> {
  const raw = list(doc['rules']);
  if (raw === undefined) return unexpected('BucketLifecycleConfiguration has no rules');
  return readEach(raw, (entry) => {
    const rule = jsonObject(entry);
    if (rule === undefined) return unexpected('a lifecycle rule is not an object');
    const sdk = sdkLifecycleRule(rule);
    return sdk.ok ? lifecycleRule(sdk.value) : sdk;
  });
}

function logging(doc: Json): Read<S3BucketConfig['logging']> {
  const target = doc['destinationBucketName'];
  if (absent(target)) return ok(null);
  if (typeof target !== 'string') return unexpected('BucketLoggingConfiguration.destinationBucketName is not a string');
  return ok({ targetBucket: target, targetPrefix: str(doc['logFilePrefix']) ?? '' });
}

export function normaliseS3Bucket(item: ConfigItem, ctx: NormaliseContext): Normalised<'AWS::S3::Bucket'> {
  const name = str(item.configuration['name']) ?? item.resourceName ?? item.resourceId;
  // Bucket ARNs name neither region nor account.
  const arn = item.arn ?? arnFor('AWS::S3::Bucket', item.accountId, item.awsRegion, name, ctx.partition);
  const missing: Field[] = [...S3_NOT_IN_CONFIG];
  const supplementary = item.supplementaryConfiguration;

  /** The field a sub-document fills; `whenAbsent` says what an absent sub-document means. */
  const field = <V>(key: string, target: Field, read: (doc: Json) => FromItem<V>, whenAbsent: { readonly value: V } | 'not-in-config'): Maybe<V> => {
    const raw = supplementary[key];
    if (absent(raw)) {
      if (whenAbsent !== 'not-in-config') return whenAbsent.value;
      missing.push(target);
      return notInConfig(target);
    }
    const doc = jsonObject(raw);
    if (doc === undefined) return ctx.unreadable(arn, UNEXPECTED_CONFIG_ITEM, `${key} of ${name} is not a JSON object`);
    const value = read(doc);
    if (value === LACKING) {
      missing.push(target);
      return notInConfig(target);
    }
    return value.ok ? value.value : ctx.unreadable(arn, value.error.code, `${key} of ${name}: ${value.error.message}`);
  };

  const NONE = { value: null };
  const config: S3BucketConfig = {
    publicAccessBlock: field('PublicAccessBlockConfiguration', 'publicAccessBlock', publicAccessBlock, NONE),
    policy: field('BucketPolicy', 'policy', policy, 'not-in-config'),
    acl: field('AccessControlList', 'acl', acl, 'not-in-config'),
    objectOwnership: notInConfig('objectOwnership'),
    encryption: field('ServerSideEncryptionConfiguration', 'encryption', encryption, NONE),
    versioning: field('BucketVersioningConfiguration', 'versioning', versioning, 'not-in-config'),
    objectLock: field('ObjectLockConfiguration', 'objectLock', objectLock, NONE),
    lifecycleRules: field('BucketLifecycleConfiguration', 'lifecycleRules', lifecycle, NONE),
    logging: field('BucketLoggingConfiguration', 'logging', logging, 'not-in-config'),
  };

  const resource = configResource(item, ctx, { type: 'AWS::S3::Bucket', arn, id: name, name, config, createdAt: item.configuration['creationDate'] });
  return { ok: true, resource, missing };
}
