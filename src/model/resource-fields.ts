/**
 * The fields of a resource, as insights declare what they read: the keys of its type's `config`
 * and the envelope fields. A declaration names top-level fields only — `config.policy`, not a
 * statement inside it — since that is the grain at which collectors fill a resource.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Resource } from './resource.js';
import { isMaybeSchema } from './unknown.js';
import { resourceConfigSchemas, type ConfigOf, type ResourceType } from './resource-types.js';

/** A field of the envelope every resource shares (`config` aside). */
export type EnvelopeKey = Exclude<keyof Resource, 'config'>;

/** A field of a resource of type T: a key of its `config`, or an envelope field. */
export type ReadableField<T extends ResourceType> = (keyof ConfigOf<T> & string) | EnvelopeKey;

const ENVELOPE: Readonly<Record<EnvelopeKey, true>> = {
  arn: true,
  type: true,
  accountId: true,
  region: true,
  id: true,
  name: true,
  tags: true,
  createdAt: true,
  source: true,
  observedAt: true,
};

export const envelopeKeys: readonly EnvelopeKey[] = Object.keys(ENVELOPE) as EnvelopeKey[];

/**
 * Envelope fields every resource has from its enumeration alone: an insight may read them without
 * declaring them (declaring one is harmless).
 */
export const ALWAYS_READABLE: ReadonlySet<string> = new Set<EnvelopeKey>(['arn', 'type', 'accountId', 'region', 'id', 'name']);

const configFields = new Map<ResourceType, readonly string[]>();

/** The keys of the type's `config`, in schema order. */
export function configFieldsOf(type: ResourceType): readonly string[] {
  let fields = configFields.get(type);
  if (fields === undefined) {
    fields = Object.keys(resourceConfigSchemas[type].properties);
    configFields.set(type, fields);
  }
  return fields;
}

const definite = new Map<ResourceType, readonly string[]>();

/**
 * The config fields the model types as always known (not `Maybe`): insights read them without a
 * check. A collected resource may still hold an unknown there (what could not be read is kept
 * field by field), and the engine gives `error` to an insight that reads one.
 */
export function definiteFieldsOf(type: ResourceType): readonly string[] {
  let fields = definite.get(type);
  if (fields === undefined) {
    const properties = resourceConfigSchemas[type].properties as Readonly<Record<string, TSchema>>;
    fields = Object.keys(properties).filter((field) => !isMaybeSchema(properties[field] as TSchema));
    definite.set(type, fields);
  }
  return fields;
}
