/**
 * The resource types, derived from their definitions (`types/index.ts`): each type's name (AWS
 * CloudFormation/Config spelling), the schema of its normalised `config`, and the definition
 * itself. The engine, the snapshot reader and the validator take them from here.
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { ResourceTypeDefinition } from './resource-type.js';
import { resourceTypeDefinitions } from './types/index.js';

type Definition = (typeof resourceTypeDefinitions)[number];

export type ResourceType = Definition['type'];

/** The definition of one type. */
export type DefinitionOf<T extends ResourceType> = Extract<Definition, { readonly type: T }>;

/** Each type's config schema, by type (an indexed access, so that `ConfigOf` is covariant in the type). */
type SchemaByType = { readonly [D in Definition as D['type']]: D['config'] };

export type ConfigOf<T extends ResourceType> = Static<SchemaByType[T]>;

const byType = new Map<string, ResourceTypeDefinition<string, TObject>>(
  resourceTypeDefinitions.map((definition) => [definition.type, definition as unknown as ResourceTypeDefinition<string, TObject>]),
);

/** Each type's config schema. */
export const resourceConfigSchemas = Object.fromEntries(resourceTypeDefinitions.map((definition) => [definition.type, definition.config])) as SchemaByType;

export const resourceTypes: readonly ResourceType[] = resourceTypeDefinitions.map((definition) => definition.type);

export function isResourceType(value: string): value is ResourceType {
  return byType.has(value);
}

/** The definition of the type. */
export function definitionOf<T extends ResourceType>(type: T): DefinitionOf<T> {
  const definition = byType.get(type);
  if (definition === undefined) throw new Error(`${type} is no resource type`);
  return definition as unknown as DefinitionOf<T>;
}
