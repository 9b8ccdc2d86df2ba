/**
 * `AWS::KMS::SharedKey`, per account: each KMS key of another account that the account is
 * contracted to use (the configuration's requiredKeyArns, `ctx.contractedKeyArns`), probed from the
 * account with its own credentials in the key's region. ListKeys never returns another account's
 * key, and GetKeyPolicy is not allowed across accounts, so the probe is what KMS answers the
 * account itself:
 *  - DescribeKey(KeyId=<ARN>): the key's owner, manager, state, usage and spec. NotFoundException
 *    and AccessDeniedException are facts about the sharing (the key is gone or not shared), not
 *    failures; other errors leave the fields unknown.
 *  - GenerateDataKey(KeySpec AES_256, DryRun): whether the account may use the key, without
 *    touching data. KMS answers a dry run with an error: DryRunOperationException = authorised,
 *    AccessDeniedException = denied, DisabledException / KMSInvalidStateException /
 *    InvalidKeyUsageException = the key refuses use. Dry runs are billed as requests, count
 *    against the KMS request quota and are logged in CloudTrail — in this account's trail and in
 *    the key owner's, which will see Vigil's probe once per key and scan.
 *  - ListGrants(KeyId=<ARN>), every page: which principals and AWS services hold grants. The
 *    owner's key policy often does not allow it: then only this field is unknown.
 */
import { DescribeKeyCommand, GenerateDataKeyCommand, ListGrantsCommand, type GrantListEntry, type KeyMetadata } from '@aws-sdk/client-kms';
import { arnFor, KMS_KEY_ARN } from '../../../model/arn.js';
import type { KmsSharedKeyConfig, SharedKeyGrant } from '../../../model/types/kms/shared-key.js';
import type { Maybe, Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { usageOfSpec } from './key-usage.js';

type Ctx = CollectContext<'AWS::KMS::SharedKey'>;
type Config = KmsSharedKeyConfig;

const ACCESS_DENIED = 'AccessDeniedException';
const NOT_FOUND = 'NotFoundException';
const DRY_RUN_AUTHORISED = 'DryRunOperationException';
/** GenerateDataKey's answers for a key that exists but refuses use (disabled, pending deletion or import, not an encryption key). */
const KEY_UNUSABLE = ['DisabledException', 'KMSInvalidStateException', 'InvalidKeyUsageException'];

type DescribedFields = Pick<
  Config,
  'describe' | 'ownerAccountId' | 'keyManager' | 'keyState' | 'enabled' | 'keyUsage' | 'keySpec' | 'origin' | 'multiRegion' | 'validTo' | 'deletionDate'
>;

/** Every DescribeKey field set to one value: null (not described) or the unknown of a failed call. */
function allDescribed(describe: DescribedFields['describe'], value: null | Unknown): DescribedFields {
  return {
    describe,
    ownerAccountId: value,
    keyManager: value,
    keyState: value,
    enabled: value,
    keyUsage: value,
    keySpec: value,
    origin: value,
    multiRegion: value,
    validTo: value,
    deletionDate: value,
  };
}

/**
 * When the imported material expires; null when it never does, or is not imported. An EXTERNAL key
 * with material that expires (or no expiration model at all) but no ValidTo is unread: null would
 * read as "never expires".
 */
function materialValidTo(metadata: KeyMetadata, missing: (field: string) => Unknown): Maybe<string | null> {
  const validTo = isoDate(metadata.ValidTo);
  if (validTo !== null) return validTo;
  if (metadata.Origin !== 'EXTERNAL' || metadata.KeyState === 'PendingImport') return null;
  return metadata.ExpirationModel === 'KEY_MATERIAL_DOES_NOT_EXPIRE' ? null : missing('ValidTo');
}

function fromMetadata(ctx: Ctx, keyArn: string, metadata: KeyMetadata, call: CallRef): DescribedFields {
  const missing = (field: string): Unknown => ctx.unreadable(call, 'UnexpectedResponse', `DescribeKey returned no valid ${field}`, { arn: keyArn });
  const present = <V>(value: V | undefined, field: string): Maybe<V> => (value === undefined ? missing(field) : value);
  const owner = metadata.AWSAccountId;
  const manager = metadata.KeyManager;
  return {
    describe: 'ok',
    ownerAccountId: owner !== undefined && /^[0-9]{12}$/.test(owner) ? owner : missing('AWSAccountId'),
    keyManager: manager === 'AWS' || manager === 'CUSTOMER' ? manager : missing('KeyManager'),
    keyState: present(metadata.KeyState, 'KeyState'),
    enabled: present(metadata.Enabled, 'Enabled'),
    keyUsage: present(metadata.KeyUsage ?? usageOfSpec(metadata.KeySpec ?? metadata.CustomerMasterKeySpec), 'KeyUsage'),
    keySpec: present(metadata.KeySpec ?? metadata.CustomerMasterKeySpec, 'KeySpec'),
    origin: present(metadata.Origin, 'Origin'),
    multiRegion: metadata.MultiRegion ?? false,
    validTo: materialValidTo(metadata, missing),
    deletionDate: isoDate(metadata.DeletionDate),
  };
}

async function describeKey(ctx: Ctx, keyArn: string, region: string): Promise<{ fields: DescribedFields; createdAt: string | null }> {
  const outcome = await ctx.send(new DescribeKeyCommand({ KeyId: keyArn }), { region });
  if (outcome.ok) {
    const metadata = outcome.value.KeyMetadata;
    if (metadata === undefined) {
      const unread = ctx.unreadable(outcome.call, 'UnexpectedResponse', 'DescribeKey returned no KeyMetadata', { arn: keyArn });
      return { fields: allDescribed(unread, unread), createdAt: null };
    }
    return { fields: fromMetadata(ctx, keyArn, metadata, outcome.call), createdAt: isoDate(metadata.CreationDate) };
  }
  if (outcome.answered === true) {
    const describe = outcome.failure.code === NOT_FOUND ? 'not-found' : 'access-denied';
    return { fields: allDescribed(describe, null), createdAt: null };
  }
  const unread = ctx.unknownOf(outcome, { arn: keyArn });
  return { fields: allDescribed(unread, unread), createdAt: null };
}

async function dryRun(ctx: Ctx, keyArn: string, region: string): Promise<Pick<Config, 'usable' | 'dryRunAnswer'>> {
  if (!ctx.runs('GenerateDataKey')) {
    const notRun = ctx.notCollected('GenerateDataKey');
    return { usable: notRun, dryRunAnswer: notRun };
  }
  const outcome = await ctx.send(new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256', DryRun: true }), { region });
  if (outcome.ok) {
    // A dry run never returns a data key; an answer with one is not the API this collector knows.
    const unread = ctx.unreadable(outcome.call, 'UnexpectedResponse', 'GenerateDataKey with DryRun returned a result instead of DryRunOperationException', {
      arn: keyArn,
    });
    return { usable: unread, dryRunAnswer: unread };
  }
  if (outcome.answered !== true) {
    const unread = ctx.unknownOf(outcome, { arn: keyArn });
    return { usable: unread, dryRunAnswer: unread };
  }
  const code = outcome.failure.code;
  const usable = code === DRY_RUN_AUTHORISED ? 'authorised' : code === ACCESS_DENIED ? 'denied' : 'key-unusable';
  return { usable, dryRunAnswer: code };
}

function grantOf(grant: GrantListEntry): SharedKeyGrant {
  const context = grant.Constraints;
  return {
    granteePrincipal: grant.GranteePrincipal ?? null,
    operations: [...(grant.Operations ?? [])].sort(),
    constrained: context !== undefined && (context.EncryptionContextEquals !== undefined || context.EncryptionContextSubset !== undefined),
  };
}

async function grants(ctx: Ctx, keyArn: string, region: string): Promise<Config['grants']> {
  if (!ctx.runs('ListGrants')) return ctx.notCollected('ListGrants');
  const pages = await readAllPages(ctx, {
    command: (marker) => new ListGrantsCommand({ KeyId: keyArn, Limit: 100, ...(marker !== undefined ? { Marker: marker } : {}) }),
    items: (page) => page.Grants,
    next: (page) => ({ token: page.Truncated === true ? page.NextMarker : undefined, truncated: page.Truncated === true }),
    region,
    resource: { arn: keyArn },
  });
  if (pages.unknown !== undefined) return pages.unknown;
  return pages.items.map(grantOf);
}

async function probe(ctx: Ctx, keyArn: string, region: string): Promise<void> {
  const { fields, createdAt } = await describeKey(ctx, keyArn, region);
  // A key DescribeKey does not find cannot be used or hold grants: nothing more to ask.
  const [usability, keyGrants] =
    fields.describe === 'not-found'
      ? [{ usable: null, dryRunAnswer: null }, null]
      : await Promise.all([dryRun(ctx, keyArn, region), grants(ctx, keyArn, region)]);
  const resource = ctx.resource({
    arn: arnFor('AWS::KMS::SharedKey', ctx.accountId, region, keyArn, ctx.partition),
    region,
    id: keyArn,
    tags: {},
    config: { ...fields, ...usability, grants: keyGrants },
    createdAt,
  });
  ctx.emit(resource);
}

export default defineCollector({
  resourceType: 'AWS::KMS::SharedKey',
  service: 'kms',
  scope: 'account',
  operations: [
    {
      operation: 'DescribeKey',
      iamAction: 'kms:DescribeKey',
      fills: [
        'describe',
        'ownerAccountId',
        'keyManager',
        'keyState',
        'enabled',
        'keyUsage',
        'keySpec',
        'origin',
        'multiRegion',
        'validTo',
        'deletionDate',
        'createdAt',
        'name',
        'tags',
      ],
      required: true,
      answers: [NOT_FOUND, ACCESS_DENIED],
    },
    {
      operation: 'GenerateDataKey',
      iamAction: 'kms:GenerateDataKey',
      fills: ['usable', 'dryRunAnswer'],
      answers: [DRY_RUN_AUTHORISED, ACCESS_DENIED, ...KEY_UNUSABLE],
    },
    { operation: 'ListGrants', iamAction: 'kms:ListGrants', fills: ['grants'] },
  ],
  async collect(ctx) {
    const keys = (ctx.contractedKeyArns ?? []).flatMap((keyArn) => {
      const region = KMS_KEY_ARN.exec(keyArn)?.[2];
      return region === undefined ? [] : [{ keyArn, region }];
    });
    await Promise.all(keys.map(({ keyArn, region }) => probe(ctx, keyArn, region)));
  },
});
