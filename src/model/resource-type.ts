/**
 * One resource type in one place: the schema of its `config`, how AWS writes its ARN, the other
 * ids it can be referenced by, and the compliant example that tests, the demo and the benchmarks
 * start from. The registry (`types/index.ts`) lists the definitions; the type union, `arnFor`,
 * the snapshot schemas, the inventory's alternative ids and the builders are derived from it.
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { Unknown } from './unknown.js';

/** Where an example resource is: its account, region, id and ARN. */
export interface ExampleAt {
  readonly accountId: string;
  readonly region: string;
  readonly id: string;
  readonly arn: string;
}

export interface ResourceTypeDefinition<T extends string, C extends TObject> {
  /** The CloudFormation / AWS Config type name: `AWS::S3::Bucket`. */
  readonly type: T;
  /** The schema of the normalised `config`. */
  readonly config: C;
  /** Account-wide resources (IAM, the account itself) live in region `global`. */
  readonly global?: boolean;
  /** The ARN AWS gives the resource with this id (for the types AWS gives none, the one Vigil keys it by). */
  arn(at: { readonly partition: string; readonly accountId: string; readonly region: string; readonly id: string }): string;
  /** Other ids the resource is referenced by (a KMS key's aliases), and the config fields they come from. */
  readonly alternativeIds?: {
    readonly fields: readonly (keyof Static<C> & string)[];
    ids(config: { readonly [K in keyof Static<C>]: Static<C>[K] | Unknown }): readonly string[];
  };
  /**
   * The placeholders of remediation commands that name a resource of this type (`<bucket>`,
   * `<key-id>`), and which of its identifiers fills each: a finding's command names the resource.
   */
  readonly placeholders?: Readonly<Record<`<${string}>`, 'id' | 'name' | 'arn'>>;
  /** A compliant resource of the type; builders spread overrides over it. */
  readonly example: {
    /** Its id when the caller names none (may depend on where it is, or on the overrides). */
    id(at: { readonly accountId: string; readonly region: string }, overrides: Partial<Static<C>>): string;
    /** Its name when the caller names none; default: the id. */
    name?(at: ExampleAt, overrides: Partial<Static<C>>): string;
    config(at: ExampleAt): Static<C>;
  };
}

/** The schema alone decides the config type; the example and alternative ids are checked against it. */
export function defineResourceType<const T extends string, C extends TObject>(
  definition: Omit<ResourceTypeDefinition<T, C>, 'example' | 'alternativeIds'> & NoInfer<Pick<ResourceTypeDefinition<T, C>, 'example' | 'alternativeIds'>>,
): ResourceTypeDefinition<T, C> {
  return definition;
}
