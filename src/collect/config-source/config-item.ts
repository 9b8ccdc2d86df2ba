/**
 * One AWS Config configuration item as the advanced query (SelectResourceConfig,
 * SelectAggregateResourceConfig) returns it: one JSON string per item holding the selected
 * properties, named as the Config resource schema names them (camelCase: `configuration.keyState`,
 * `supplementaryConfiguration.BucketPolicy.policyText`, `tags` as `[{ key, value }]`).
 *
 * Config serialises the AWS SDK for Java's models: absent values are often `null` rather than
 * left out, and a few sub-documents arrive JSON-encoded once more (S3's `AccessControlList`). The
 * readers here treat `null` as absent and decode such strings; a value of the wrong type reads as
 * absent, so that it can only ever make a field unknown, never a wrong value.
 */
import type { Tags } from '../../model/resource.js';

export type Json = Readonly<Record<string, unknown>>;

/** What the advanced query returns for one resource, once read. */
export interface ConfigItem {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName: string | undefined;
  readonly arn: string | undefined;
  readonly accountId: string;
  readonly awsRegion: string;
  /** `configurationItemCaptureTime`, ISO 8601: when Config recorded this state. */
  readonly capturedAt: string;
  readonly configuration: Json;
  readonly supplementaryConfiguration: Json;
  /** The tags, or what is wrong with them. */
  readonly tags: Tags | TagsProblem;
}

/** Tags an item holds in a form that cannot be read. */
export class TagsProblem {
  constructor(readonly message: string) {}
}

/** `configurationItemStatus` values of a resource that exists and whose configuration was recorded. */
const CURRENT = new Set(['OK', 'ResourceDiscovered']);
/** Gone: nothing to collect. */
const DELETED = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);
/** Exists, but the recorder does not record its type: Config has no configuration for it. */
export const NOT_RECORDED = 'ResourceNotRecorded';

export type ReadItem =
  | { readonly kind: 'item'; readonly item: ConfigItem }
  | { readonly kind: 'deleted'; readonly ref: string }
  | { readonly kind: 'not-recorded'; readonly ref: string; readonly arn: string | undefined }
  | { readonly kind: 'unparsable'; readonly message: string; readonly ref?: string; readonly arn?: string };

const ACCOUNT_ID = /^[0-9]{12}$/;

/** A JSON object, or a string encoding one (decoded up to twice); undefined for anything else. */
export function jsonObject(value: unknown): Json | undefined {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current === 'string'; depth++) {
    try {
      current = JSON.parse(current);
    } catch {
      return undefined;
    }
  }
  return typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Json) : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function list(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Whether the property is absent (left out or `null`). */
export function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A date Config wrote as an ISO 8601 string, normalised; null when absent or not a date. */
export function configDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The item's tags: the advanced query's `[{ key, value, tag }]`, or the `{ key: value }` map of
 * configuration items elsewhere; none at all is no tags. A tag without a value is ''.
 */
export function configTags(value: unknown): Tags | TagsProblem {
  if (absent(value)) return {};
  if (typeof value === 'string') {
    // Configuration history writes the tag map as a JSON string.
    const decoded = safeParse(value);
    return decoded === undefined || typeof decoded === 'string' ? new TagsProblem('tags are not JSON') : configTags(decoded);
  }
  const tags: Tags = {};
  if (Array.isArray(value)) {
    for (const entry of value) {
      const tag = jsonObject(entry);
      const key = str(tag?.['key']);
      if (tag === undefined || key === undefined) return new TagsProblem('a tag without a key');
      const v = tag['value'];
      if (!absent(v) && typeof v !== 'string') return new TagsProblem(`tag ${key} has a value that is not a string`);
      tags[key] = str(v) ?? '';
    }
    return tags;
  }
  if (typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Json)) {
      if (!absent(v) && typeof v !== 'string') return new TagsProblem(`tag ${key} has a value that is not a string`);
      tags[key] = str(v) ?? '';
    }
    return tags;
  }
  return new TagsProblem('tags are neither a list nor a map');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads one result string of the advanced query. */
export function readConfigItem(text: string): ReadItem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'unparsable', message: `a configuration item is not valid JSON: ${(error as Error).message}` };
  }
  const raw = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : undefined;
  if (raw === undefined) return { kind: 'unparsable', message: 'a configuration item is not a JSON object' };

  const resourceId = str(raw['resourceId']);
  const arn = str(raw['arn']) ?? str(raw['ARN']);
  const ref = arn ?? resourceId ?? 'an item without resourceId';
  const withRef = (message: string): ReadItem => ({ kind: 'unparsable', message: `${ref}: ${message}`, ref, ...(arn !== undefined ? { arn } : {}) });
  const status = str(raw['configurationItemStatus']);
  if (status === undefined) return withRef('no configurationItemStatus');
  if (DELETED.has(status)) return { kind: 'deleted', ref };
  if (status === NOT_RECORDED) return { kind: 'not-recorded', ref, arn };
  if (!CURRENT.has(status)) return withRef(`unexpected configurationItemStatus ${status}`);

  if (resourceId === undefined || resourceId === '') return withRef('no resourceId');
  const resourceType = str(raw['resourceType']);
  if (resourceType === undefined) return withRef('no resourceType');
  const accountId = str(raw['accountId']) ?? str(raw['awsAccountId']);
  if (accountId === undefined || !ACCOUNT_ID.test(accountId)) return withRef(`accountId ${String(accountId)} is not an account id`);
  const awsRegion = str(raw['awsRegion']);
  if (awsRegion === undefined || awsRegion === '') return withRef('no awsRegion');
  const capturedAt = configDate(raw['configurationItemCaptureTime']);
  if (capturedAt === null) return withRef('no readable configurationItemCaptureTime');
  const configuration = jsonObject(raw['configuration']);
  if (configuration === undefined) return withRef('no configuration object');
  const supplementary = raw['supplementaryConfiguration'];
  const supplementaryConfiguration = absent(supplementary) ? {} : jsonObject(supplementary);
  if (supplementaryConfiguration === undefined) return withRef('supplementaryConfiguration is not an object');

  return {
    kind: 'item',
    item: {
      resourceType,
      resourceId,
      resourceName: str(raw['resourceName']),
      arn,
      accountId,
      awsRegion,
      capturedAt,
      configuration,
      supplementaryConfiguration,
      tags: configTags(raw['tags']),
    },
  };
}
