/**
 * A resource: the same envelope for every type, with a typed `config`. Account-wide and
 * region-wide settings are resources too (`AWS::Account`, `AWS::Account::Region`), so every
 * check has the same shape.
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { MaybeSchema, type Maybe } from './unknown.js';
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

function envelope<T extends TSchema>(type: string, config: T): TObject {
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

/** The schema of one resource of the given type (envelope + config); one object per type, so validators compile once. */
export function resourceSchema(type: ResourceType): TObject {
  let schema = schemas.get(type);
  if (schema === undefined) {
    schema = envelope(type, resourceConfigSchemas[type]);
    schemas.set(type, schema);
  }
  return schema;
}
