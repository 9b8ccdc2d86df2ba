/**
 * `AWS::S3::Bucket`, once per account: ListBuckets (all pages), each bucket's region (from the
 * listing's `BucketRegion`, else GetBucketLocation), then the sub-documents the selection asks
 * for, each sent to a client of the bucket's own region. The API's documented "not configured"
 * errors mean null (or no tags); every other error makes the field unknown and is named in
 * coverage. A bucket deleted between the listing and its sub-calls (NoSuchBucket) is left out and
 * named in coverage too.
 *
 * Three calls per bucket are saved where AWS guarantees the answer (see the report's figures):
 *  - tags come from the Resource Groups Tagging API, 100 buckets per call in each bucket region
 *    (a bucket it does not list has no tags); should that API fail in a region, GetBucketTagging
 *    is asked per bucket there. Its data can lag a tag change by minutes.
 *  - with object ownership BucketOwnerEnforced, ACLs are disabled and S3 refuses that setting
 *    while the ACL grants anyone but the owner, so the ACL is the owner's full control
 *    (owner id from ListBuckets) — GetBucketAcl is asked only when ownership is not enforced;
 *  - Object Lock needs versioning, which can never be suspended once Object Lock is on, so a
 *    bucket whose versioning is not Enabled has no Object Lock — GetObjectLockConfiguration is
 *    asked only for versioned buckets.
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  type Bucket,
  type GetBucketOwnershipControlsOutput,
  type GetBucketVersioningOutput,
  type GetBucketAclOutput,
  type GetObjectLockConfigurationOutput,
} from '@aws-sdk/client-s3';
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { arnFor } from '../../../model/arn.js';
import type { Tags } from '../../../model/resource.js';
import type { S3BucketConfig } from '../../../model/types/s3/bucket.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext, Outcome, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, listedOnce, tagMap } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { parsePolicyJson, UNPARSABLE_POLICY } from '../../contract/policy-json.js';
import { acl, encryption, lifecycle, objectLock, ownership, publicAccessBlockOf, regionOfLocationConstraint } from './bucket-documents.js';
import { readProblem, unexpected, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = CollectContext<'AWS::S3::Bucket'>;

/**
 * The field a sub-call fills: its value, the value meaning "not configured" (for operations that
 * declare such answers), NotCollected, or unknown (recorded in coverage).
 */
function field<O extends object, V>(
  ctx: Ctx,
  operation: string,
  got: Outcome<O> | undefined,
  bucket: ResourceRef,
  read: (out: O) => Read<V>,
  notConfigured?: { readonly value: V },
): Maybe<V> {
  if (got === undefined) return ctx.notCollected(operation);
  if (!got.ok && got.notConfigured) {
    if (notConfigured === undefined) throw new Error(`s3:${operation} declares "not configured" answers but the collector gives them no value`);
    return notConfigured.value;
  }
  if (!got.ok) return ctx.unknownOf(got, bucket);
  const value = read(got.value);
  return value.ok ? value.value : ctx.unreadable(got.call, value.error.code, value.error.message, bucket);
}

export default defineCollector({
  resourceType: 'AWS::S3::Bucket',
  service: 's3',
  scope: 'account',
  operations: [
    { operation: 'ListBuckets', iamAction: 's3:ListAllMyBuckets', fills: ['createdAt'], required: true, lists: true },
    { operation: 'GetBucketLocation', iamAction: 's3:GetBucketLocation', fills: [], required: true },
    {
      operation: 'GetPublicAccessBlock',
      iamAction: 's3:GetBucketPublicAccessBlock',
      fills: ['publicAccessBlock'],
      notConfigured: ['NoSuchPublicAccessBlockConfiguration'],
    },
    { operation: 'GetBucketPolicy', iamAction: 's3:GetBucketPolicy', fills: ['policy'], notConfigured: ['NoSuchBucketPolicy'] },
    { operation: 'GetBucketAcl', iamAction: 's3:GetBucketAcl', fills: ['acl'] },
    {
      operation: 'GetBucketOwnershipControls',
      iamAction: 's3:GetBucketOwnershipControls',
      fills: ['objectOwnership'],
      notConfigured: ['OwnershipControlsNotFoundError'],
    },
    {
      operation: 'GetBucketEncryption',
      iamAction: 's3:GetEncryptionConfiguration',
      fills: ['encryption'],
      notConfigured: ['ServerSideEncryptionConfigurationNotFoundError'],
    },
    { operation: 'GetBucketVersioning', iamAction: 's3:GetBucketVersioning', fills: ['versioning'] },
    {
      operation: 'GetObjectLockConfiguration',
      iamAction: 's3:GetBucketObjectLockConfiguration',
      fills: ['objectLock'],
      notConfigured: ['ObjectLockConfigurationNotFoundError'],
    },
    {
      operation: 'GetBucketLifecycleConfiguration',
      iamAction: 's3:GetLifecycleConfiguration',
      fills: ['lifecycleRules'],
      notConfigured: ['NoSuchLifecycleConfiguration'],
    },
    { operation: 'GetBucketLogging', iamAction: 's3:GetBucketLogging', fills: ['logging'] },
    // Tags of 100 buckets per call; GetBucketTagging answers for the buckets of a region where it fails.
    { operation: 'GetResources', service: 'tagging', iamAction: 'tag:GetResources', fills: ['tags'] },
    { operation: 'GetBucketTagging', iamAction: 's3:GetBucketTagging', fills: ['tags'], notConfigured: ['NoSuchTagSet'] },
  ],
  async collect(ctx) {
    let ownerId: string | undefined;
    const listed = await readAllPages(ctx, {
      command: (token) => new ListBucketsCommand({ MaxBuckets: 1000, ...(token !== undefined ? { ContinuationToken: token } : {}) }),
      items: (page) => {
        ownerId ??= page.Owner?.ID;
        return page.Buckets;
      },
      next: (page) => ({ token: page.ContinuationToken, truncated: false }),
    });
    const account: AccountBuckets = { ownerId, tagsIn: memoiseByRegion((region) => regionTags(ctx, region)) };
    const call: CallRef = { service: 's3', operation: 'ListBuckets', region: ctx.region };
    await Promise.all(listedOnce(ctx, call, listed.items, (bucket) => bucket.Name, 'Name').map((bucket) => collectBucket(ctx, bucket, account)));
  },
  // One bucket, by name and region: its sub-documents, its tags with GetBucketTagging (a region's
  // Tagging API listing is worth it for many buckets, not for one), its ACL asked for (the owner's
  // id comes from ListBuckets, not read here).
  readOne: (ctx, target) =>
    collectBucket(ctx, { Name: target.id, BucketRegion: target.region }, { ownerId: undefined, tagsIn: () => Promise.resolve(undefined) }),
});

/** What the buckets of one account share: the owner's canonical id and the tags read per region. */
interface AccountBuckets {
  readonly ownerId: string | undefined;
  /** The tags of the region's tagged buckets by ARN; undefined where the Tagging API was not asked or failed. */
  readonly tagsIn: (region: string) => Promise<ReadonlyMap<string, Tags> | undefined>;
}

function memoiseByRegion<V>(read: (region: string) => Promise<V>): (region: string) => Promise<V> {
  const byRegion = new Map<string, Promise<V>>();
  return (region) => {
    let pending = byRegion.get(region);
    if (pending === undefined) {
      pending = read(region);
      byRegion.set(region, pending);
    }
    return pending;
  };
}

/** GetResourcesCommand's ResourcesPerPage is at most 100. */
const TAGGING_PAGE_SIZE = 100;

async function regionTags(ctx: Ctx, region: string): Promise<ReadonlyMap<string, Tags> | undefined> {
  if (!ctx.runs('GetResources', 'tagging')) return undefined;
  const pages = await readAllPages(ctx, {
    command: (token) =>
      new GetResourcesCommand({ ResourceTypeFilters: ['s3'], ResourcesPerPage: TAGGING_PAGE_SIZE, ...(token !== undefined ? { PaginationToken: token } : {}) }),
    items: (page) => page.ResourceTagMappingList,
    next: (page) => ({ token: page.PaginationToken, truncated: false }),
    region,
    service: 'tagging',
  });
  // An incomplete list cannot tell an untagged bucket from an unlisted one: ask per bucket instead.
  if (pages.failed !== undefined) return undefined;
  const tags = new Map<string, Tags>();
  for (const mapping of pages.items) {
    if (mapping.ResourceARN === undefined) continue;
    tags.set(
      mapping.ResourceARN,
      tagMap(
        mapping.Tags,
        (t) => t.Key,
        (t) => t.Value,
      ),
    );
  }
  return tags;
}

/**
 * The ACL of a bucket whose ownership is BucketOwnerEnforced, as GetBucketAcl would answer it
 * (the owner's full control), or undefined when the ACL must be asked for.
 */
function ownerEnforcedAcl(
  ownership: Outcome<GetBucketOwnershipControlsOutput> | undefined,
  ownerId: string | undefined,
): Outcome<GetBucketAclOutput> | undefined {
  if (ownerId === undefined || ownership === undefined || !ownership.ok) return undefined;
  if (ownership.value.OwnershipControls?.Rules?.[0]?.ObjectOwnership !== 'BucketOwnerEnforced') return undefined;
  return {
    ok: true,
    call: ownership.call,
    value: { Owner: { ID: ownerId }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: ownerId }, Permission: 'FULL_CONTROL' }] },
  };
}

/**
 * The Object Lock answer of a bucket whose versioning is not Enabled — the one S3 gives for a
 * bucket without Object Lock, ObjectLockConfigurationNotFoundError — or undefined when it must be asked for.
 */
function withoutObjectLock(versioning: Outcome<GetBucketVersioningOutput> | undefined): Outcome<GetObjectLockConfigurationOutput> | undefined {
  if (versioning === undefined || !versioning.ok || versioning.value.Status === 'Enabled') return undefined;
  return {
    ok: false,
    notConfigured: true,
    failure: { code: 'ObjectLockConfigurationNotFoundError', message: 'versioning is not enabled, so Object Lock cannot be' },
    call: versioning.call,
  };
}

/** Records that the bucket vanished after the listing; it is left out. */
function vanished(ctx: Ctx, call: CallRef, arn: string): void {
  ctx.unreadable(call, 'NoSuchBucket', `the bucket was listed by ListBuckets but no longer exists (${call.operation}); it is left out`, { arn });
}

async function bucketRegion(ctx: Ctx, name: string, listed: Bucket, arn: string): Promise<string | undefined> {
  if (listed.BucketRegion !== undefined && listed.BucketRegion !== '') return listed.BucketRegion;
  // Older endpoints and S3-compatible services leave BucketRegion out.
  const outcome = await ctx.send(new GetBucketLocationCommand({ Bucket: name }));
  if (outcome.ok) return regionOfLocationConstraint(outcome.value.LocationConstraint);
  if (outcome.failure.code === 'NoSuchBucket') vanished(ctx, outcome.call, arn);
  // Without its region no sub-document can be read, nor the bucket placed (a resource's region is
  // never unknown): it is left out, and coverage names it.
  else ctx.unreadable(outcome.call, outcome.failure.code, `${outcome.failure.message}; the bucket's region is unknown and it is left out`, { arn });
  return undefined;
}

async function collectBucket(ctx: Ctx, listed: Bucket, account: AccountBuckets): Promise<void> {
  const name = listed.Name;
  if (name === undefined) return;
  // Bucket ARNs name neither region nor account.
  const arn = arnFor('AWS::S3::Bucket', ctx.accountId, ctx.region, name, ctx.partition);
  const region = await bucketRegion(ctx, name, listed, arn);
  if (region === undefined) return;
  const ref: ResourceRef = { arn };
  const input = { Bucket: name };
  const at = { region };
  const get = <O extends object>(operation: string, send: () => Promise<Outcome<O>>): Promise<Outcome<O> | undefined> =>
    ctx.runs(operation) ? send() : Promise.resolve(undefined);

  const taggedInRegion = ctx.runs('GetBucketTagging') ? await account.tagsIn(region) : undefined;
  const [pab, policy, ownershipOut, encryptionOut, versioning, lifecycleOut, logging, tagging] = await Promise.all([
    get('GetPublicAccessBlock', () => ctx.send(new GetPublicAccessBlockCommand(input), at)),
    get('GetBucketPolicy', () => ctx.send(new GetBucketPolicyCommand(input), at)),
    get('GetBucketOwnershipControls', () => ctx.send(new GetBucketOwnershipControlsCommand(input), at)),
    get('GetBucketEncryption', () => ctx.send(new GetBucketEncryptionCommand(input), at)),
    get('GetBucketVersioning', () => ctx.send(new GetBucketVersioningCommand(input), at)),
    get('GetBucketLifecycleConfiguration', () => ctx.send(new GetBucketLifecycleConfigurationCommand(input), at)),
    get('GetBucketLogging', () => ctx.send(new GetBucketLoggingCommand(input), at)),
    taggedInRegion === undefined ? get('GetBucketTagging', () => ctx.send(new GetBucketTaggingCommand(input), at)) : Promise.resolve(undefined),
  ]);
  // The two sub-documents whose answer the ones above may already settle.
  const aclOut = ownerEnforcedAcl(ownershipOut, account.ownerId) ?? (await get('GetBucketAcl', () => ctx.send(new GetBucketAclCommand(input), at)));
  const lock = withoutObjectLock(versioning) ?? (await get('GetObjectLockConfiguration', () => ctx.send(new GetObjectLockConfigurationCommand(input), at)));

  // Deleted since the listing: nothing else about it is recorded.
  const gone = [pab, policy, aclOut, ownershipOut, encryptionOut, versioning, lock, lifecycleOut, logging, tagging].find(
    (got) => got !== undefined && !got.ok && got.failure.code === 'NoSuchBucket',
  );
  if (gone !== undefined) {
    vanished(ctx, gone.call, arn);
    return;
  }

  const NONE = { value: null };
  const tags: Maybe<Tags> =
    taggedInRegion !== undefined
      ? (taggedInRegion.get(arn) ?? {})
      : field(
          ctx,
          'GetBucketTagging',
          tagging,
          ref,
          (out) =>
            ok(
              tagMap(
                out.TagSet,
                (t) => t.Key,
                (t) => t.Value,
              ),
            ),
          { value: {} },
        );
  const config: S3BucketConfig = {
    publicAccessBlock: field(ctx, 'GetPublicAccessBlock', pab, ref, (out) => ok(publicAccessBlockOf(out.PublicAccessBlockConfiguration)), NONE),
    policy: field(
      ctx,
      'GetBucketPolicy',
      policy,
      ref,
      (out) => {
        const parsed = parsePolicyJson(out.Policy);
        return parsed.ok ? ok(parsed.policy) : readProblem(UNPARSABLE_POLICY, parsed.message);
      },
      NONE,
    ),
    // Every bucket has an ACL and a versioning state: these have no "not configured" answer.
    acl: field(ctx, 'GetBucketAcl', aclOut, ref, acl),
    objectOwnership: field(ctx, 'GetBucketOwnershipControls', ownershipOut, ref, (out) => ownership(out.OwnershipControls?.Rules), NONE),
    encryption: field(ctx, 'GetBucketEncryption', encryptionOut, ref, encryption, NONE),
    versioning: field(ctx, 'GetBucketVersioning', versioning, ref, (out) =>
      ok({
        status: out.Status === 'Enabled' || out.Status === 'Suspended' ? out.Status : null,
        mfaDelete: out.MFADelete === 'Enabled' || out.MFADelete === 'Disabled' ? out.MFADelete : null,
      }),
    ),
    objectLock: field(ctx, 'GetObjectLockConfiguration', lock, ref, objectLock, NONE),
    lifecycleRules: field(ctx, 'GetBucketLifecycleConfiguration', lifecycleOut, ref, lifecycle, NONE),
    // Logging off is an empty BucketLoggingStatus, not an error.
    logging: field(ctx, 'GetBucketLogging', logging, ref, (out) => {
      const enabled = out.LoggingEnabled;
      if (enabled === undefined) return ok(null);
      if (enabled.TargetBucket === undefined) return unexpected('LoggingEnabled without a TargetBucket');
      return ok({ targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix ?? '' });
    }),
  };

  const created = isoDate(listed.CreationDate);
  const resource = ctx.resource({
    arn,
    region,
    id: name,
    tags,
    config,
    createdAt: created,
  });
  ctx.emit(resource);
}
