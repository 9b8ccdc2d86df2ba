/**
 * `defineInsight` fills in what every insight shares (typed params with defaults, the docs
 * location), so that an insight file holds only what is unique to it.
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { AnyResource, Resource } from '../model/resource.js';
import type { ResourceType } from '../model/resource-types.js';
import type { EnvelopeKey, ReadableField } from '../model/resource-fields.js';
import type { InsightContext } from './context.js';
import type { Severity } from '../model/severity.js';
import type { Verdict } from './verdict.js';

export interface Remediation {
  /** The AWS CLI command(s) that fix it, with <placeholders>. */
  readonly cli: string;
  /** Console steps. */
  readonly console: string;
}

/** `*`: the insight applies to every resource type (region policy, required tags). */
export type InsightResourceType = ResourceType | '*';

export type ResourceOf<T extends InsightResourceType> = T extends ResourceType ? Resource<T> : AnyResource;

/** Field names per resource type, each checked against that type's config keys and the envelope. */
export type FieldsByType = { readonly [L in ResourceType]?: readonly ReadableField<L>[] };

/**
 * The resource fields `evaluate` reads, with those of the shared analysers it calls. A live
 * collection runs only the API calls that fill the fields the selected insights read, so a field
 * read and not declared would be `NotCollected` in a real scan; the insight tester fails such a read.
 * `arn`, `type`, `accountId`, `region`, `id` and `name` need no declaration.
 */
export type ReadsDefinition<T extends InsightResourceType> = T extends ResourceType
  ? {
      /** Fields of the resource evaluated. */
      readonly self: readonly ReadableField<T>[];
      /** Fields of the resources looked up through the inventory, per type; its keys are the insight's lookups. */
      readonly lookups?: FieldsByType;
    }
  : {
      /** Envelope fields, read on every resource. */
      readonly self: readonly EnvelopeKey[];
      /** Config fields read only on resources of some types (e.g. the KMS key `manager`). */
      readonly ofType?: FieldsByType;
      readonly lookups?: FieldsByType;
    };

/** Field names per resource type, as the engine holds them. */
export type FieldLists = Readonly<Partial<Record<ResourceType, readonly string[]>>>;

/** {@link ReadsDefinition} with its types erased. */
export interface InsightReads {
  readonly self: readonly string[];
  /** Only `*` insights read fields of particular types. */
  readonly ofType: FieldLists;
  readonly lookups: FieldLists;
}

export interface InsightMetadata {
  readonly id: string;
  readonly title: string;
  readonly resourceType: InsightResourceType;
  readonly severity: Severity;
  /** What is checked, in one or two sentences. */
  readonly description: string;
  /** Why it matters: the risk when it fails. */
  readonly rationale: string;
  readonly remediation: Remediation;
  /** Resource types `evaluate` looks up through the inventory (kept in memory during a scan): the keys of `reads.lookups`. */
  readonly lookups: readonly ResourceType[];
  /** The resource fields `evaluate` reads. */
  readonly reads: InsightReads;
  /** JSON Schema of the tunable parameters, with their defaults. */
  readonly params: TObject;
  /** Built-in insights are TypeScript modules; custom ones are YAML files. */
  readonly origin: 'builtin' | 'custom';
  readonly docsPath: string;
}

/** An insight with its params type erased, as the engine and registries hold it. */
export interface Insight extends InsightMetadata {
  evaluate(resource: Resource, ctx: InsightContext<Record<string, unknown>>): Verdict;
}

export interface InsightDefinition<T extends InsightResourceType, P extends TObject> {
  id: string;
  title: string;
  resourceType: T;
  severity: Severity;
  description: string;
  rationale: string;
  remediation: Remediation;
  reads: ReadsDefinition<NoInfer<T>>;
  params?: P;
  evaluate: (resource: ResourceOf<T>, ctx: InsightContext<Static<P>>) => Verdict;
}

/** The params schema of an insight without parameters. */
export const NoParams = Type.Object({}, { additionalProperties: false });

export function defineInsight<T extends InsightResourceType, P extends TObject = typeof NoParams>(definition: InsightDefinition<T, P>): Insight {
  const reads = definition.reads as { self: readonly string[]; ofType?: FieldLists; lookups?: FieldLists };
  const lookups = reads.lookups ?? {};
  return {
    id: definition.id,
    title: definition.title,
    resourceType: definition.resourceType,
    severity: definition.severity,
    description: definition.description,
    rationale: definition.rationale,
    remediation: definition.remediation,
    lookups: Object.keys(lookups) as ResourceType[],
    reads: { self: reads.self, ofType: reads.ofType ?? {}, lookups },
    params: definition.params ?? NoParams,
    origin: 'builtin',
    docsPath: `docs/insights/${definition.id}.md`,
    // The engine only hands an insight resources of its own type, with params validated against its schema.
    evaluate: definition.evaluate,
  };
}
