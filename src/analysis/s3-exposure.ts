/**
 * Whether an S3 bucket is public in effect: what its ACL and bucket policy grant to everyone, less
 * what S3 Block Public Access (account and bucket settings, the stricter of the two per setting)
 * and object ownership neutralise. Per the S3 User Guide:
 * - IgnorePublicAcls makes S3 ignore ACL grants to AllUsers and AuthenticatedUsers; object
 *   ownership BucketOwnerEnforced disables ACLs altogether. BlockPublicAcls only refuses new
 *   public ACLs: an existing public grant stays effective.
 * - RestrictPublicBuckets limits a bucket with a public policy to AWS service principals and
 *   users of the owner account, so the policy no longer makes it public. BlockPublicPolicy only
 *   refuses new public policies: an existing public policy stays effective.
 * A setting or document that could not be read makes the answer "undetermined" only when it could
 * change it: a public grant nothing neutralises makes the bucket public whatever else is unknown,
 * and a setting known to be on makes the document it guards irrelevant.
 */
import type { PublicAccessBlock } from '../model/common.js';
import type { Resource } from '../model/resource.js';
import type { AclGrant } from '../model/types/s3/bucket.js';
import { isUnknown, type Maybe } from '../model/unknown.js';
import { ACCESS_LEVELS, accessLevelsOfSet, type AccessLevel } from './policy/actions.js';
import { readBucketPolicy, type BucketPolicyReading } from './s3-bucket-policy.js';

export type BlockSetting = keyof PublicAccessBlock;

/** The settings as the S3 API and console name them. */
export const BLOCK_SETTING_NAMES: Readonly<Record<BlockSetting, string>> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

const SETTINGS = Object.keys(BLOCK_SETTING_NAMES) as BlockSetting[];

export interface UnreadableInput {
  /** What could not be read, as a report names it. */
  readonly field: string;
  readonly cause: string;
}

export type SettingState =
  { readonly on: true; readonly where: 'account' | 'bucket' | 'account and bucket' } | { readonly on: false } | ({ readonly on: 'unknown' } & UnreadableInput);

export type EffectiveBlockPublicAccess = Readonly<Record<BlockSetting, SettingState>>;

/** One way the bucket is (or would be) public. */
export interface ExposurePath {
  readonly via: 'policy' | 'acl';
  /** The statement label, or `ACL grant READ to AllUsers`. */
  readonly source: string;
  readonly actions: readonly string[];
  readonly accessLevels: readonly AccessLevel[];
  readonly reason: string;
  /** The setting that neutralises this path. */
  readonly blockedBy: string;
}

export interface NeutralisedPath extends ExposurePath {
  /** The setting that neutralises it now, and where it is set. */
  readonly neutralisedBy: string;
}

export type S3Exposure =
  | {
      readonly status: 'public';
      readonly paths: readonly ExposurePath[];
      readonly accessLevels: readonly AccessLevel[];
      readonly neutralised: readonly NeutralisedPath[];
      readonly block: EffectiveBlockPublicAccess;
    }
  | { readonly status: 'not-public'; readonly neutralised: readonly NeutralisedPath[] }
  | {
      readonly status: 'undetermined';
      readonly unreadable: readonly UnreadableInput[];
      /** A bucket policy that could not be analysed. */
      readonly malformedPolicy: { readonly error: string; readonly statement?: string } | undefined;
      /** Public paths whose effect depends on what could not be read. */
      readonly possiblePaths: readonly ExposurePath[];
      readonly block: EffectiveBlockPublicAccess;
    };

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

const ACL_LEVELS: Readonly<Record<AclGrant['permission'], readonly AccessLevel[]>> = {
  READ: ['list'],
  WRITE: ['write'],
  READ_ACP: ['read'],
  WRITE_ACP: ['permissions-management'],
  FULL_CONTROL: ['list', 'read', 'write', 'permissions-management'],
};

interface Side {
  readonly public: ExposurePath[];
  readonly neutralised: NeutralisedPath[];
  readonly unreadable: UnreadableInput[];
  readonly possible: ExposurePath[];
  malformed?: { error: string; statement?: string };
}

const NOT_PUBLIC: S3Exposure = { status: 'not-public', neutralised: [] };

/**
 * @param account the account's settings resource; undefined when it was not collected, which
 *   leaves the account-level settings unknown.
 * @param policy the bucket policy read (s3-bucket-policy.ts), shared with other insights of the bucket.
 */
export function s3Exposure(
  bucket: Resource<'AWS::S3::Bucket'>,
  account: Resource<'AWS::Account'> | undefined,
  policy: BucketPolicyReading | undefined = readBucketPolicy(bucket),
): S3Exposure {
  // The common case: no ACL grant to a public group and a policy naming only specific principals.
  // Nothing is public whatever Block Public Access says, so there is nothing to weigh.
  const { acl } = bucket.config;
  if (
    !isUnknown(acl) &&
    !isUnknown(bucket.config.policy) &&
    !acl.grants.some(isPublicGroupGrant) &&
    (policy === undefined || policy.principals.kind === 'simple')
  ) {
    return NOT_PUBLIC;
  }
  const block = effectiveBlockPublicAccess(bucket.config.publicAccessBlock, account === undefined ? undefined : account.config.s3PublicAccessBlock);
  const sides = [aclSide(bucket, block), policySide(bucket, block, policy)];
  const paths = sides.flatMap((s) => s.public);
  const neutralised = sides.flatMap((s) => s.neutralised);
  if (paths.length > 0) {
    const levels = new Set(paths.flatMap((p) => p.accessLevels));
    return { status: 'public', paths, accessLevels: ACCESS_LEVELS.filter((l) => levels.has(l)), neutralised, block };
  }
  const unreadable = dedupe(sides.flatMap((s) => s.unreadable));
  const malformedPolicy = sides.find((s) => s.malformed !== undefined)?.malformed;
  if (unreadable.length > 0 || malformedPolicy !== undefined) {
    return { status: 'undetermined', unreadable, malformedPolicy, possiblePaths: sides.flatMap((s) => s.possible), block };
  }
  return { status: 'not-public', neutralised };
}

/** Each setting as S3 applies it: on when the account or the bucket turns it on. */
export function effectiveBlockPublicAccess(
  bucket: Maybe<PublicAccessBlock | null>,
  account: Maybe<PublicAccessBlock | null> | undefined,
): EffectiveBlockPublicAccess {
  const result = {} as Record<BlockSetting, SettingState>;
  for (const setting of SETTINGS) {
    const b = readSetting(bucket, 'bucket', setting);
    const a = readSetting(account, 'account', setting);
    if (a === true || b === true) {
      result[setting] = a === true && b === true ? ON_BOTH : a === true ? ON_ACCOUNT : ON_BUCKET;
    } else if (typeof b === 'object') {
      result[setting] = { on: 'unknown', ...b };
    } else if (typeof a === 'object') {
      result[setting] = { on: 'unknown', ...a };
    } else {
      result[setting] = OFF;
    }
  }
  return result;
}

// Settings states without a cause are the same object wherever they occur.
const ON_BOTH: SettingState = Object.freeze({ on: true, where: 'account and bucket' });
const ON_ACCOUNT: SettingState = Object.freeze({ on: true, where: 'account' });
const ON_BUCKET: SettingState = Object.freeze({ on: true, where: 'bucket' });
const OFF: SettingState = Object.freeze({ on: false });

function readSetting(value: Maybe<PublicAccessBlock | null> | undefined, level: 'account' | 'bucket', setting: BlockSetting): boolean | UnreadableInput {
  if (value === undefined) return { field: `${level}-level Block Public Access`, cause: 'the account settings (AWS::Account) were not collected' };
  if (isUnknown(value)) return { field: `${level}-level Block Public Access`, cause: value.$unknown };
  return value === null ? false : value[setting];
}

function aclSide(bucket: Resource<'AWS::S3::Bucket'>, block: EffectiveBlockPublicAccess): Side {
  const side: Side = { public: [], neutralised: [], unreadable: [], possible: [] };
  const { acl, objectOwnership } = bucket.config;
  const ignore = block.ignorePublicAcls;
  const aclsDisabled = objectOwnership === 'BucketOwnerEnforced';
  if (isUnknown(acl)) {
    if (aclsDisabled || ignore.on === true) return side;
    side.unreadable.push({ field: 'bucket ACL', cause: acl.$unknown });
    if (ignore.on === 'unknown') side.unreadable.push(ignore);
    if (isUnknown(objectOwnership)) side.unreadable.push({ field: 'object ownership', cause: objectOwnership.$unknown });
    return side;
  }
  const paths = acl.grants.flatMap(aclPath);
  if (paths.length === 0) return side;
  if (aclsDisabled) {
    side.neutralised.push(...paths.map((p) => neutralised(p, 'object ownership BucketOwnerEnforced (ACLs are disabled)')));
  } else if (ignore.on === true) {
    side.neutralised.push(...paths.map((p) => neutralised(p, `IgnorePublicAcls (${ignore.where})`)));
  } else if (ignore.on === false && !isUnknown(objectOwnership)) {
    side.public.push(...paths);
  } else {
    if (ignore.on === 'unknown') side.unreadable.push(ignore);
    if (isUnknown(objectOwnership)) side.unreadable.push({ field: 'object ownership', cause: objectOwnership.$unknown });
    side.possible.push(...paths);
  }
  return side;
}

export function isPublicGroupGrant(grant: AclGrant): boolean {
  const uri = grant.grantee.uri;
  return grant.grantee.type === 'Group' && (uri === ALL_USERS || uri === AUTHENTICATED_USERS);
}

function aclPath(grant: AclGrant): ExposurePath[] {
  const uri = grant.grantee.uri;
  if (!isPublicGroupGrant(grant)) return [];
  const group = uri === ALL_USERS ? 'AllUsers' : 'AuthenticatedUsers';
  const who = uri === ALL_USERS ? 'everyone' : 'every AWS account';
  return [
    {
      via: 'acl',
      source: `ACL grant ${grant.permission} to ${group}`,
      actions: [grant.permission],
      accessLevels: ACL_LEVELS[grant.permission],
      reason: `the bucket ACL grants ${grant.permission} to ${group} (${who})`,
      blockedBy: 'IgnorePublicAcls, or object ownership BucketOwnerEnforced (BlockPublicAcls only refuses new public ACLs)',
    },
  ];
}

function policySide(bucket: Resource<'AWS::S3::Bucket'>, block: EffectiveBlockPublicAccess, reading: BucketPolicyReading | undefined): Side {
  const side: Side = { public: [], neutralised: [], unreadable: [], possible: [] };
  const policy = bucket.config.policy;
  const restrict = block.restrictPublicBuckets;
  if (isUnknown(policy)) {
    // With RestrictPublicBuckets on, no policy can make the bucket public: the document does not matter.
    if (restrict.on === true) return side;
    side.unreadable.push({ field: 'bucket policy', cause: policy.$unknown });
    if (restrict.on === 'unknown') side.unreadable.push(restrict);
    return side;
  }
  if (reading === undefined) return side;
  // Named principals only: no statement can reach everyone, the full analysis would say the same.
  if (reading.principals.kind === 'simple') return side;
  const result = reading.analysis();
  if (!result.ok) {
    if (restrict.on === true) return side;
    side.malformed = result.statement === undefined ? { error: result.error } : { error: result.error, statement: result.statement };
    if (restrict.on === 'unknown') side.unreadable.push(restrict);
    return side;
  }
  const { analysis } = result;
  if (!analysis.public) return side;
  const paths: ExposurePath[] = analysis.statements
    .filter((s) => s.public)
    .map((s) => {
      const levels = new Set(
        analysis.grants.filter((g) => g.statementIndex === s.index && g.audience.kind === 'public').flatMap((g) => accessLevelsOfSet(g.actions)),
      );
      return {
        via: 'policy',
        source: s.label,
        actions: s.publicActions,
        accessLevels: ACCESS_LEVELS.filter((l) => levels.has(l)),
        reason: s.reason,
        blockedBy: 'RestrictPublicBuckets (BlockPublicPolicy only refuses new public policies)',
      };
    });
  if (restrict.on === true) {
    side.neutralised.push(...paths.map((p) => neutralised(p, `RestrictPublicBuckets (${restrict.where})`)));
  } else if (restrict.on === false) {
    side.public.push(...paths);
  } else {
    side.unreadable.push(restrict);
    side.possible.push(...paths);
  }
  return side;
}

function neutralised(path: ExposurePath, by: string): NeutralisedPath {
  return Object.assign({}, path, { neutralisedBy: by });
}

function dedupe(list: readonly UnreadableInput[]): UnreadableInput[] {
  const seen = new Map<string, UnreadableInput>();
  for (const item of list) seen.set(`${item.field}\u0000${item.cause}`, { field: item.field, cause: item.cause });
  return [...seen.values()];
}
