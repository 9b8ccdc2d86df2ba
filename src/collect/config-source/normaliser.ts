/**
 * A normaliser turns one configuration item into the resource the type's API collector would
 * produce for the same state. Config does not record everything the API collectors read (a KMS
 * key's policy, an S3 bucket's ownership controls): such a field is never guessed — it becomes
 * `unknown('NotInConfig: <field>')` and is named in `missing`, so that the orchestrator can run
 * just the API calls that fill it (or leave it unknown, which insights treat as `error`).
 */
import type { CollectedConfig, CollectedResource, Tags } from '../../model/resource.js';
import type { ConfigOf, ResourceType } from '../../model/resource-types.js';
import { isUnknown, unknown, type Maybe, type Unknown } from '../../model/unknown.js';
import type { FieldOf } from '../contract/collector.js';
import { configDate, TagsProblem, type ConfigItem } from './config-item.js';

/** The resource types the Config source normalises. */
export type ConfigSourceType = 'AWS::EC2::SecurityGroup' | 'AWS::KMS::Key' | 'AWS::RDS::DBCluster' | 'AWS::RDS::DBInstance' | 'AWS::S3::Bucket';

export interface NormaliseContext {
  readonly partition: string;
  /** Records (in coverage) a value Config holds that cannot be read into the model; its unknown value. */
  unreadable(arn: string, code: string, message: string): Unknown;
}

/** An item that cannot become a resource: nothing in it identifies the resource. */
export interface LeftOut {
  readonly ok: false;
  readonly arn: string;
  readonly code: string;
  readonly message: string;
}

export type Normalised<T extends ResourceType> =
  | {
      readonly ok: true;
      readonly resource: CollectedResource<T>;
      /** Fields Config does not carry for this item: `unknown('NotInConfig: <field>')` in the resource. */
      readonly missing: readonly FieldOf<T>[];
    }
  | LeftOut;

export type Normaliser<T extends ResourceType> = (item: ConfigItem, ctx: NormaliseContext) => Normalised<T>;

/** Code of a coverage entry or unknown value for what a configuration item holds but Vigil cannot read. */
export const UNEXPECTED_CONFIG_ITEM = 'UnexpectedConfigItem';
/** Code for a field (or a whole item) that Config does not record. */
export const NOT_IN_CONFIG = 'NotInConfig';

/** The value of a field Config does not carry. */
export function notInConfig(field: string): Unknown {
  return unknown(`${NOT_IN_CONFIG}: ${field}`);
}

export function isNotInConfig(value: unknown): boolean {
  return isUnknown(value) && value.$unknown.startsWith(`${NOT_IN_CONFIG}: `);
}

/** The fields of a resource still holding {@link notInConfig}: what an API fill would have to read. */
export function notInConfigFields<T extends ResourceType>(resource: CollectedResource<T>): FieldOf<T>[] {
  const fields: string[] = [];
  if (isNotInConfig(resource.tags)) fields.push('tags');
  for (const [field, value] of Object.entries(resource.config as Record<string, unknown>)) if (isNotInConfig(value)) fields.push(field);
  return fields as FieldOf<T>[];
}

/** The item's tags, or unknown (recorded) when they cannot be read. */
export function itemTags(item: ConfigItem, arn: string, ctx: NormaliseContext): Maybe<Tags> {
  return item.tags instanceof TagsProblem ? ctx.unreadable(arn, UNEXPECTED_CONFIG_ITEM, `tags of ${item.resourceId}: ${item.tags.message}`) : item.tags;
}

/**
 * The resource a normaliser makes of an item: the envelope every Config-source resource shares
 * (account, region, tags, source and when Config captured it), with the type's own id, name and
 * config, and the creation time when the item holds one.
 */
export function configResource<T extends ConfigSourceType>(
  item: ConfigItem,
  ctx: NormaliseContext,
  parts: {
    readonly type: T;
    readonly arn: string;
    readonly id: string;
    readonly name: string;
    readonly config: CollectedConfig<ConfigOf<T>>;
    readonly createdAt?: unknown;
  },
): CollectedResource<T> {
  const resource = {
    arn: parts.arn,
    type: parts.type,
    accountId: item.accountId,
    region: item.awsRegion,
    id: parts.id,
    name: parts.name,
    tags: itemTags(item, parts.arn, ctx),
    source: 'config',
    observedAt: item.capturedAt,
    config: parts.config,
  } as CollectedResource<T>;
  const created = configDate(parts.createdAt);
  if (created !== null) resource.createdAt = created;
  return resource;
}

/** An item that cannot become a resource. */
export function leftOut(arn: string, code: string, message: string): LeftOut {
  return { ok: false, arn, code, message: `${message}; it is left out` };
}
