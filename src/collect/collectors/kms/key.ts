/**
 * `AWS::KMS::Key`, per region: every key of ListKeys (all pages), each described, then — as the
 * selection asks — its rotation status, key policy and tags, and the region's aliases mapped onto
 * their keys. A key DescribeKey cannot read is kept with the fields DescribeKey fills unknown, and
 * coverage names it: a listed key is never missing from the findings.
 */
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyListEntry,
  type KeyMetadata,
  type Tag,
} from '@aws-sdk/client-kms';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig, Tags } from '../../../model/resource.js';
import type { KmsKeyConfig } from '../../../model/types/kms/key.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { parsePolicyJson, UNPARSABLE_POLICY } from '../../contract/policy-json.js';
import { missing, reported } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';
import { usageOfSpec } from './key-usage.js';

type Ctx = CollectContext<'AWS::KMS::Key'>;

const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/** What DescribeKey tells: the fields every other call depends on, each unknown when it could not be read. */
type Described = CollectedConfig<
  Pick<KmsKeyConfig, 'manager' | 'origin' | 'state' | 'spec' | 'usage' | 'multiRegion' | 'keyMaterialExpires' | 'validTo' | 'deletionDate'>
> & { keyId: string; arn: string; createdAt: string | null };

/** The fields DescribeKey fills, each unknown (one coverage entry): the key was listed but could not be described. */
function undescribed(keyId: string, arn: string, why: Unknown): Described {
  return {
    keyId,
    arn,
    manager: why,
    origin: why,
    state: why,
    spec: why,
    usage: why,
    multiRegion: why,
    keyMaterialExpires: why,
    validTo: why,
    deletionDate: why,
    createdAt: null,
  };
}

function describe(metadata: KeyMetadata | undefined, ctx: Ctx, call: CallRef, keyId: string, listedArn: string): Described {
  const ref = { arn: metadata?.Arn ?? listedArn };
  if (metadata === undefined) return undescribed(keyId, ref.arn, missing(ctx, call, 'KeyMetadata', ref));
  const manager = metadata.KeyManager;
  const origin = metadata.Origin;
  const spec = metadata.KeySpec ?? metadata.CustomerMasterKeySpec;
  const expiration = metadata.ExpirationModel;
  return {
    keyId: metadata.KeyId ?? keyId,
    arn: ref.arn,
    manager: manager === 'AWS' || manager === 'CUSTOMER' ? manager : unexpected(ctx, call, 'KeyManager', manager, ref),
    origin: origin !== undefined && (ORIGINS as readonly string[]).includes(origin) ? origin : unexpected(ctx, call, 'Origin', origin, ref),
    state: reported(ctx, call, metadata.KeyState, 'KeyState', ref),
    spec: reported(ctx, call, spec, 'KeySpec', ref),
    usage: reported(ctx, call, metadata.KeyUsage ?? usageOfSpec(spec), 'KeyUsage', ref),
    multiRegion: metadata.MultiRegion ?? false,
    keyMaterialExpires: expiration === 'KEY_MATERIAL_EXPIRES' ? true : expiration === 'KEY_MATERIAL_DOES_NOT_EXPIRE' ? false : null,
    validTo: isoDate(metadata.ValidTo),
    deletionDate: isoDate(metadata.DeletionDate),
    createdAt: isoDate(metadata.CreationDate),
  };
}

/** A value the model does not know (or none): unknown, and coverage names it. */
function unexpected(ctx: Ctx, call: CallRef, field: string, value: string | undefined, ref: ResourceRef): Unknown {
  if (value === undefined) return missing(ctx, call, field, ref);
  return ctx.unreadable(call, UNEXPECTED_RESPONSE, `${call.operation} returned ${field} ${value}, which the model does not know`, ref);
}

/** Only symmetric keys with KMS-generated material rotate automatically; the others have no rotation status. */
function canRotate(key: Described): boolean | Unknown {
  if (isUnknown(key.origin)) return key.origin;
  if (isUnknown(key.spec)) return key.spec;
  return key.origin === 'AWS_KMS' && key.spec === 'SYMMETRIC_DEFAULT';
}

/**
 * AWS-managed keys (aws/s3, aws/rds ...): AWS rotates them and writes their policy, and they cannot
 * be tagged. No shipped insight judges them, so their three per-key calls are not made; rotation
 * and policy are recorded as not collected, never as a value Vigil did not read. A key whose
 * manager is unknown is asked like a customer-managed one.
 */
function awsManaged(key: Described): boolean {
  return key.manager === 'AWS';
}

async function rotation(ctx: Ctx, key: Described): Promise<KmsKeyConfig['rotation']> {
  // Whether the key can rotate at all is as unknown as its origin or spec: no status to ask for then.
  const rotates = canRotate(key);
  if (isUnknown(rotates)) return rotates;
  if (!rotates) return null;
  if (!ctx.runs('GetKeyRotationStatus') || awsManaged(key)) return ctx.notCollected('GetKeyRotationStatus');
  const outcome = await ctx.send(new GetKeyRotationStatusCommand({ KeyId: key.keyId }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn: key.arn });
  const { KeyRotationEnabled, RotationPeriodInDays, NextRotationDate } = outcome.value;
  if (KeyRotationEnabled === undefined) {
    return ctx.unreadable(outcome.call, 'UnexpectedResponse', 'GetKeyRotationStatus returned no KeyRotationEnabled', { arn: key.arn });
  }
  return {
    enabled: KeyRotationEnabled,
    periodDays: KeyRotationEnabled && RotationPeriodInDays !== undefined ? RotationPeriodInDays : null,
    nextRotationDate: isoDate(NextRotationDate),
  };
}

async function policy(ctx: Ctx, key: Described): Promise<KmsKeyConfig['policy']> {
  if (!ctx.runs('GetKeyPolicy') || awsManaged(key)) return ctx.notCollected('GetKeyPolicy');
  const outcome = await ctx.send(new GetKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'default' }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn: key.arn });
  const parsed = parsePolicyJson(outcome.value.Policy);
  return parsed.ok ? parsed.policy : ctx.unreadable(outcome.call, UNPARSABLE_POLICY, parsed.message, { arn: key.arn });
}

async function tags(ctx: Ctx, key: Described): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListResourceTags')) return ctx.notCollected('ListResourceTags');
  if (awsManaged(key)) return {};
  const pages = await readAllPages(ctx, {
    command: (marker) => new ListResourceTagsCommand({ KeyId: key.keyId, Limit: 50, ...(marker !== undefined ? { Marker: marker } : {}) }),
    items: (page) => page.Tags,
    next: (page) => ({ token: page.Truncated === true ? page.NextMarker : undefined, truncated: page.Truncated === true }),
    resource: { arn: key.arn },
  });
  if (pages.unknown !== undefined) return pages.unknown;
  return tagMap<Tag>(
    pages.items,
    (tag) => tag.TagKey,
    (tag) => tag.TagValue,
  );
}

/** Alias names per target key id, sorted; unknown when they were not (or could not be) listed. */
async function aliasesByKey(ctx: Ctx): Promise<Map<string, string[]> | Unknown> {
  if (!ctx.runs('ListAliases')) return ctx.notCollected('ListAliases');
  const pages = await readAllPages(ctx, {
    command: (marker) => new ListAliasesCommand({ Limit: 100, ...(marker !== undefined ? { Marker: marker } : {}) }),
    items: (page) => page.Aliases,
    next: (page) => ({ token: page.Truncated === true ? page.NextMarker : undefined, truncated: page.Truncated === true }),
  });
  if (pages.unknown !== undefined) return pages.unknown;
  const byKey = new Map<string, string[]>();
  for (const alias of pages.items) {
    // AWS-managed aliases exist before their key does (alias/aws/rds with no TargetKeyId).
    if (alias.TargetKeyId === undefined || alias.AliasName === undefined) continue;
    const list = byKey.get(alias.TargetKeyId) ?? [];
    list.push(alias.AliasName);
    byKey.set(alias.TargetKeyId, list);
  }
  for (const list of byKey.values()) list.sort();
  return byKey;
}

export default defineCollector({
  resourceType: 'AWS::KMS::Key',
  service: 'kms',
  scope: 'region',
  operations: [
    { operation: 'ListKeys', iamAction: 'kms:ListKeys', fills: [], required: true, lists: true },
    {
      operation: 'DescribeKey',
      iamAction: 'kms:DescribeKey',
      fills: [
        'keyId',
        'manager',
        'origin',
        'state',
        'spec',
        'usage',
        'multiRegion',
        'keyMaterialExpires',
        'validTo',
        'keyMaterialImportedAt',
        'deletionDate',
        'createdAt',
      ],
      required: true,
    },
    { operation: 'GetKeyRotationStatus', iamAction: 'kms:GetKeyRotationStatus', fills: ['rotation'] },
    { operation: 'GetKeyPolicy', iamAction: 'kms:GetKeyPolicy', fills: ['policy'] },
    { operation: 'ListAliases', iamAction: 'kms:ListAliases', fills: ['aliases', 'name'] },
    { operation: 'ListResourceTags', iamAction: 'kms:ListResourceTags', fills: ['tags'] },
  ],
  async collect(ctx) {
    const [listed, aliases] = await Promise.all([
      readAllPages(ctx, {
        command: (marker) => new ListKeysCommand({ Limit: 1000, ...(marker !== undefined ? { Marker: marker } : {}) }),
        items: (page) => page.Keys,
        next: (page) => ({ token: page.Truncated === true ? page.NextMarker : undefined, truncated: page.Truncated === true }),
      }),
      aliasesByKey(ctx),
    ]);
    await Promise.all(
      listedOnce(ctx, { service: 'kms', operation: 'ListKeys', region: ctx.region }, listed.items, (entry) => entry.KeyId, 'KeyId').map((entry) =>
        collectKey(ctx, entry, aliases),
      ),
    );
  },
});

async function collectKey(ctx: Ctx, listed: KeyListEntry, aliases: Awaited<ReturnType<typeof aliasesByKey>>): Promise<void> {
  const keyId = listed.KeyId;
  if (keyId === undefined) return;
  const listedArn = listed.KeyArn ?? arnFor('AWS::KMS::Key', ctx.accountId, ctx.region, keyId, ctx.partition);
  const outcome = await ctx.send(new DescribeKeyCommand({ KeyId: keyId }));
  if (!outcome.ok && outcome.failure.code === 'NotFoundException') {
    // Deleted since ListKeys: it no longer exists, so there is nothing to judge; coverage names it.
    ctx.unknownOf(outcome, { arn: listedArn });
    return;
  }
  // Listed but not described (AccessDenied is common: a bank's key policy need not grant the
  // scanner): the key is kept, its DescribeKey fields unknown, so its controls cannot read 100 %.
  const key = outcome.ok
    ? describe(outcome.value.KeyMetadata, ctx, outcome.call, keyId, listedArn)
    : undescribed(keyId, listedArn, ctx.unknownOf(outcome, { arn: listedArn }));

  const [keyRotation, keyPolicy, keyTags] = await Promise.all([rotation(ctx, key), policy(ctx, key), tags(ctx, key)]);
  // A region whose aliases could not be listed leaves every key's aliases unknown (one coverage entry).
  const keyAliases: Maybe<string[]> = isUnknown(aliases) ? aliases : (aliases.get(key.keyId) ?? []);

  const resource = ctx.resource({
    arn: key.arn,
    id: key.keyId,
    name: Array.isArray(keyAliases) && keyAliases[0] !== undefined ? keyAliases[0] : key.keyId,
    tags: keyTags,
    config: {
      keyId: key.keyId,
      manager: key.manager,
      origin: key.origin,
      state: key.state,
      spec: key.spec,
      usage: key.usage,
      multiRegion: key.multiRegion,
      rotation: keyRotation,
      policy: keyPolicy,
      keyMaterialExpires: key.keyMaterialExpires,
      validTo: key.validTo,
      keyMaterialImportedAt: outcome.ok ? importedAt(ctx, key, outcome.call) : key.origin,
      deletionDate: key.deletionDate,
      aliases: keyAliases,
    },
    createdAt: key.createdAt,
  });
  ctx.emit(resource);
}

/**
 * When the current imported material was imported. No read API reports it (DescribeKey does not,
 * ListKeyRotations dates only material rotated in on demand; CloudTrail's ImportKeyMaterial event
 * does), so for a key holding imported material it is unknown — and coverage says so — rather
 * than a date that could pass an age check.
 */
function importedAt(ctx: Ctx, key: Described, call: CallRef): Maybe<KmsKeyConfig['keyMaterialImportedAt']> {
  if (isUnknown(key.origin)) return key.origin;
  if (key.origin !== 'EXTERNAL' || key.state === 'PendingImport') return null;
  return ctx.unreadable(call, 'NotReported', 'KMS does not report when imported key material was imported', { arn: key.arn });
}
