/**
 * Runs a collector for one account: once (account scope) or in every region (region scope,
 * concurrently — the per-service budgets bound the calls). Each resource is checked against its
 * type's schema before it is handed on: a field the collector could not normalise becomes unknown
 * (coverage says why) instead of writing a snapshot no reader accepts or losing the resource.
 */
import { resourceSchema, type CollectedResource } from '../../model/resource.js';
import type { ConfigOf, ResourceType } from '../../model/resource-types.js';
import type { ErrorObject } from 'ajv';
import { validatorFor } from '../../schemas/ajv.js';
import type { AwsClients } from '../aws/aws-clients.js';
import { CollectionContext, type ContextOptions } from './collect-context.js';
import { operationsToRun, type ResourceCollector, type SettingsCollector } from './collector.js';
import { CoverageRecorder } from './coverage-recorder.js';
import { ServiceBudgets } from '../aws/limiter.js';
import { UnitTally, type UnitDone } from '../progress/collect-units.js';
import { SharedReads } from './shared-reads.js';

export interface AccountRun {
  readonly accountId: string;
  /** Regions to collect regional resource types in. */
  readonly regions: readonly string[];
  /** The region of an account's global calls (ListBuckets, S3 Control, IAM); default us-east-1. */
  readonly homeRegion?: string;
  /** Default `aws`. */
  readonly partition?: string;
  readonly clients: AwsClients;
  readonly budgets?: ServiceBudgets;
  readonly coverage?: CoverageRecorder;
  readonly clock?: () => Date;
  /** The fields the selected insights read, for this resource type; absent → every field. */
  readonly fields?: ReadonlySet<string>;
  /** Other accounts' KMS keys the account is contracted to use (see contracted-keys.ts); default none. */
  readonly contractedKeyArns?: readonly string[];
  /** Hears of each unit finishing — the collector in one region, or once — for the progress display. */
  readonly onUnitDone?: (unit: UnitDone) => void;
  /** Reads the account's collectors share (pass one per account run); default: one per collector run. */
  readonly shared?: SharedReads;
}

export const DEFAULT_HOME_REGION = 'us-east-1';

interface RunDefaults {
  budgets: ServiceBudgets;
  coverage: CoverageRecorder;
  clock: () => Date;
  partition: string;
  shared: SharedReads;
}

function withDefaults(run: AccountRun): RunDefaults {
  return {
    budgets: run.budgets ?? new ServiceBudgets(),
    coverage: run.coverage ?? new CoverageRecorder(),
    clock: run.clock ?? (() => new Date()),
    partition: run.partition ?? 'aws',
    shared: run.shared ?? new SharedReads(),
  };
}

/** Where a schema error is: the config field or envelope key it concerns (`/config/objectLock/...` → objectLock). */
function fieldOfError(error: ErrorObject): { readonly inConfig: boolean; readonly field: string | undefined } {
  const [top, field] = error.instancePath.split('/').slice(1);
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: string }).additionalProperty : undefined;
  if (top === 'config') return { inConfig: true, field: field ?? missing ?? extra };
  if (top === undefined) return { inConfig: false, field: missing ?? extra };
  return { inConfig: false, field: top };
}

/**
 * The resource as its schema accepts it. A config field whose value does not fit the model (an
 * endpoint's `DefaultRetention` with `Years: 0`, a value the model does not know) becomes unknown
 * and coverage names the call that filled it and why; the rest of the resource is kept. Unread
 * tags become unknown; a malformed optional date is dropped. Only a resource whose identity does
 * not fit (ARN, id, account) is left out — there is nothing to keep a finding on — and coverage
 * says so.
 */
function fitToSchema<T extends ResourceType>(
  resource: CollectedResource<T>,
  collector: ResourceCollector<T>,
  coverage: CoverageRecorder,
): CollectedResource<T> | undefined {
  const validate = validatorFor(resourceSchema(resource.type));
  if (validate(resource)) return resource;
  const errors = [...(validate.errors ?? [])];
  const fitted = { ...resource, config: { ...resource.config } } as CollectedResource<T>;
  const config = fitted.config as Record<string, unknown>;
  const record = (operation: string, message: string) =>
    coverage.record({
      accountId: resource.accountId,
      region: resource.region,
      service: collector.service,
      operation,
      code: 'UnexpectedResponse',
      message,
      resourceType: collector.resourceType,
      resourceArn: resource.arn,
    });
  const byField = new Map<string, { inConfig: boolean; problems: string[] }>();
  for (const error of errors) {
    const { inConfig, field } = fieldOfError(error);
    const key = `${inConfig ? 'config' : 'envelope'}:${field ?? ''}`;
    const entry = byField.get(key) ?? { inConfig, problems: [] };
    entry.problems.push(`${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
    byField.set(key, entry);
  }
  for (const [key, { inConfig, problems }] of byField) {
    const field = key.slice(key.indexOf(':') + 1);
    const why = `${field} does not fit the ${collector.resourceType} model: ${problems.slice(0, 3).join('; ')}`;
    if (inConfig && field !== '') {
      const filledBy = collector.operations.find((op) => (op.fills as readonly string[]).includes(field));
      config[field] = record(filledBy?.operation ?? 'normalise', why);
    } else if (field === 'tags') {
      fitted.tags = record('normalise', why);
    } else if (field === 'createdAt' || field === 'observedAt') {
      delete fitted[field];
      record('normalise', why);
    }
  }
  if (validate(fitted)) return fitted;
  record(
    'normalise',
    `the collected resource does not match the ${collector.resourceType} schema and was left out: ${(validate.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
      .join('; ')}`,
  );
  return undefined;
}

/** The context one collector runs in, in one region of the account. */
function contextFor<T extends ResourceType>(
  collector: ContextOptions<T>['collector'],
  run: AccountRun,
  region: string,
  coverage: CoverageRecorder,
  emit: (resource: CollectedResource<T>) => void,
): CollectionContext<T> {
  const { budgets, clock, partition, shared } = withDefaults(run);
  return new CollectionContext<T>({
    collector,
    selected: operationsToRun(collector, run.fields),
    accountId: run.accountId,
    region,
    partition,
    clients: run.clients,
    budgets,
    coverage,
    clock,
    shared,
    ...(run.contractedKeyArns !== undefined && { contractedKeyArns: run.contractedKeyArns }),
    emit,
  });
}

/** Every resource the collector finds in the account, sorted by ARN. */
export async function collectResources<T extends ResourceType>(collector: ResourceCollector<T>, run: AccountRun): Promise<CollectedResource<T>[]> {
  const { coverage } = withDefaults(run);
  const regions = collector.scope === 'account' ? [run.homeRegion ?? DEFAULT_HOME_REGION] : run.regions;
  const resources: CollectedResource<T>[] = [];
  await Promise.all(
    regions.map(async (region) => {
      const tally = new UnitTally(coverage);
      const ctx = contextFor(collector, run, region, tally.coverage, (resource) => {
        const fitted = fitToSchema(resource, collector, tally.coverage);
        if (fitted === undefined) return;
        resources.push(fitted);
        tally.resources++;
      });
      await collector.collect(ctx);
      run.onUnitDone?.(tally.done(region, collector, collector.scope));
    }),
  );
  return resources.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

/** The resource to read again: its id and region, as the inventory holds them. */
export interface ResourceToRead {
  readonly id: string;
  readonly region: string;
}

/**
 * One resource read again, live, with the run's selected fields (all by default): the re-check a
 * bot makes before it acts, the fill of what AWS Config lacks. The collector's `readOne` reads just
 * it; a collector without one collects the resource's region and picks it out. Undefined when it
 * no longer exists (coverage names why, as a collection would).
 */
export async function readResource<T extends ResourceType>(
  collector: ResourceCollector<T>,
  run: AccountRun,
  target: ResourceToRead,
): Promise<CollectedResource<T> | undefined> {
  const { coverage } = withDefaults(run);
  let found: CollectedResource<T> | undefined;
  const region = collector.scope === 'account' ? (run.homeRegion ?? DEFAULT_HOME_REGION) : target.region;
  const ctx = contextFor(collector, run, region, coverage, (resource) => {
    if (resource.id !== target.id) return;
    found = fitToSchema(resource, collector, coverage) ?? found;
  });
  if (collector.readOne !== undefined) await collector.readOne(ctx, target);
  else await collector.collect(ctx);
  return found;
}

/** The settings the collector reads for the account (account scope) or one region (`region`). */
export async function collectSettings<T extends ResourceType, F extends keyof ConfigOf<T> & string>(
  collector: SettingsCollector<T, F>,
  run: AccountRun,
  region?: string,
): Promise<Pick<ConfigOf<T>, F>> {
  const { coverage } = withDefaults(run);
  const tally = new UnitTally(coverage);
  const ctx = contextFor(collector, run, region ?? run.homeRegion ?? DEFAULT_HOME_REGION, tally.coverage, () => {
    throw new Error(`${collector.resourceType} settings collector cannot emit resources`);
  });
  const settings = await collector.collect(ctx);
  run.onUnitDone?.(tally.done(ctx.region, collector, region === undefined ? 'account' : 'region'));
  return settings;
}
