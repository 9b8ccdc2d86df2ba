/**
 * `defineInsight` fills in what every insight shares (typed params with defaults, the docs
 * location), so that an insight file holds only what is unique to it.
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { AnyResource, Resource } from '../model/resource.js';
import type { ResourceType } from '../model/resource-types.js';
import type { InsightContext } from './context.js';
import type { Severity } from './severity.js';
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
  /** Resource types `evaluate` looks up through the inventory (kept in memory during a scan). */
  readonly lookups: readonly ResourceType[];
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
  lookups?: readonly ResourceType[];
  params?: P;
  evaluate(resource: ResourceOf<T>, ctx: InsightContext<Static<P>>): Verdict;
}

/** The params schema of an insight without parameters. */
export const NoParams = Type.Object({}, { additionalProperties: false });

export function defineInsight<T extends InsightResourceType, P extends TObject = typeof NoParams>(
  definition: InsightDefinition<T, P>,
): Insight {
  return {
    id: definition.id,
    title: definition.title,
    resourceType: definition.resourceType,
    severity: definition.severity,
    description: definition.description,
    rationale: definition.rationale,
    remediation: definition.remediation,
    lookups: definition.lookups ?? [],
    params: definition.params ?? NoParams,
    origin: 'builtin',
    docsPath: `docs/insights/${definition.id}.md`,
    // The engine only hands an insight resources of its own type, with params validated against its schema.
    evaluate: definition.evaluate as Insight['evaluate'],
  };
}
