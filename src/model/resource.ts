/**
 * A resource: the same envelope for every type, with a typed `config`. Account-wide and
 * region-wide settings are resources too (`AWS::Account`, `AWS::Account::Region`), so every
 * check has the same shape.
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { isMaybeSchema, MaybeSchema, type Maybe, type Unknown } from './unknown.js';
import { IsoDate } from './common.js';
import { resourceConfigSchemas, type ConfigOf, type ResourceType } from './resource-types.js';

export const Tags = Type.Record(Type.String(), Type.String());
export type Tags = Static<typeof Tags>;

export const ResourceSource = Type.Union([Type.Literal('api'), Type.Literal('config'), Type.Literal('synthetic')], {
  description: 'api: direct API calls; config: AWS Config; synthetic: generated (demo, benchmarks)',
});
export type ResourceSource = Static<typeof ResourceSource>;

/** The region of global resources (IAM, the account itself). */
export const GLOBAL_REGION = 'global';

export interface Resource<T extends ResourceType = ResourceType> {
  arn: string;
  type: T;
  accountId: string;
  region: string;
  id: string;
  /** A human name: bucket name, DB identifier, IAM name, Name tag or id, first KMS alias or key id. */
  name: string;
  tags: Maybe<Tags>;
  createdAt?: string;
  source: ResourceSource;
  /** When the collector read it. */
  observedAt?: string;
  config: ConfigOf<T>;
}

/** Any resource, discriminated by `type` so that narrowing on it narrows `config`. */
export type AnyResource = { [T in ResourceType]: Resource<T> }[ResourceType];

/**
 * A config as collected and stored: any field may be unknown, not only those the model marks
 * `Maybe`. A resource whose existence is known is kept whatever could not be read of it (a denied
 * DescribeKey, a field an endpoint left out); the engine turns an insight's read of such a field
 * into `error` (see engine/unreadable-fields.ts), so insights keep their precise types.
 */
export type CollectedConfig<C> = { [K in keyof C]: C[K] | Unknown };

/** A resource as collectors emit it and snapshots hold it. */
export interface CollectedResource<T extends ResourceType = ResourceType> extends Omit<Resource<T>, 'config'> {
  config: CollectedConfig<ConfigOf<T>>;
}

export type AnyCollectedResource = { [T in ResourceType]: CollectedResource<T> }[ResourceType];

/** The stored form of a config schema: every field that is not `Maybe` already may be unknown. */
function collectedConfigSchema(config: TObject): TObject {
  const properties: Record<string, TSchema> = {};
  for (const [field, schema] of Object.entries(config.properties)) properties[field] = isMaybeSchema(schema) ? schema : MaybeSchema(schema);
  return Type.Object(properties, { additionalProperties: false, ...(config.description !== undefined && { description: config.description }) });
}

function envelope(type: string, config: TObject): TObject {
  return Type.Object(
    {
      arn: Type.String({ minLength: 1 }),
      type: Type.Literal(type),
      accountId: Type.String({ pattern: '^[0-9]{12}$' }),
      region: Type.String({ minLength: 1 }),
      id: Type.String({ minLength: 1 }),
      name: Type.String({ minLength: 1 }),
      tags: MaybeSchema(Tags),
      createdAt: Type.Optional(IsoDate),
      source: ResourceSource,
      observedAt: Type.Optional(IsoDate),
      config,
    },
    { additionalProperties: false, $id: `vigil:resource:${type}` },
  );
}

const schemas = new Map<ResourceType, TObject>();

/**
 * The schema of one resource of the given type as collected and stored (envelope + config, any
 * config field possibly unknown); one object per type, so validators compile once.
 */
export function resourceSchema(type: ResourceType): TObject {
  let schema = schemas.get(type);
  if (schema === undefined) {
    schema = envelope(type, collectedConfigSchema(resourceConfigSchemas[type]));
    schemas.set(type, schema);
  }
  return schema;
}
