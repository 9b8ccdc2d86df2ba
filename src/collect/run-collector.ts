/**
 * Runs a collector for one account: once (account scope) or in every region (region scope,
 * concurrently — the per-service budgets bound the calls). Each resource is checked against its
 * type's schema before it is handed on: a field the collector could not normalise becomes unknown
 * (coverage says why) instead of writing a snapshot no reader accepts or losing the resource.
 */
import { resourceSchema, type CollectedResource } from '../model/resource.js';
import type { ConfigOf, ResourceType } from '../model/resource-types.js';
import type { ErrorObject } from 'ajv';
import { validatorFor } from '../schemas/ajv.js';
import type { AwsClients } from './aws-clients.js';
import { CollectionContext } from './collect-context.js';
import { operationsToRun, type ResourceCollector, type SettingsCollector } from './collector.js';
import { CoverageRecorder } from './coverage-recorder.js';
import { ServiceBudgets } from './limiter.js';
import { UnitTally, type UnitDone } from './collect-units.js';

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
}

export const DEFAULT_HOME_REGION = 'us-east-1';

interface Shared {
  budgets: ServiceBudgets;
  coverage: CoverageRecorder;
  clock: () => Date;
  partition: string;
}

function shared(run: AccountRun): Shared {
  return {
    budgets: run.budgets ?? new ServiceBudgets(),
    coverage: run.coverage ?? new CoverageRecorder(),
    clock: run.clock ?? (() => new Date()),
    partition: run.partition ?? 'aws',
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
  record('normalise', `the collected resource does not match the ${collector.resourceType} schema and was left out: ${(validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ')}`);
  return undefined;
}

/** Every resource the collector finds in the account, sorted by ARN. */
export async function collectResources<T extends ResourceType>(collector: ResourceCollector<T>, run: AccountRun): Promise<CollectedResource<T>[]> {
  const { budgets, coverage, clock, partition } = shared(run);
  const selected = operationsToRun(collector, run.fields);
  const regions = collector.scope === 'account' ? [run.homeRegion ?? DEFAULT_HOME_REGION] : run.regions;
  const resources: CollectedResource<T>[] = [];
  await Promise.all(
    regions.map(async (region) => {
      const tally = new UnitTally(coverage);
      const ctx = new CollectionContext<T>({
        collector,
        selected,
        accountId: run.accountId,
        region,
        partition,
        clients: run.clients,
        budgets,
        coverage: tally.coverage,
        clock,
        ...(run.contractedKeyArns !== undefined && { contractedKeyArns: run.contractedKeyArns }),
        emit: (resource) => {
          const fitted = fitToSchema(resource, collector, tally.coverage);
          if (fitted === undefined) return;
          resources.push(fitted);
          tally.resources++;
        },
      });
      await collector.collect(ctx);
      run.onUnitDone?.(tally.done(region, collector, collector.scope));
    }),
  );
  return resources.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

/** The settings the collector reads for the account (account scope) or one region (`region`). */
export async function collectSettings<T extends ResourceType, F extends keyof ConfigOf<T> & string>(
  collector: SettingsCollector<T, F>,
  run: AccountRun,
  region?: string,
): Promise<Pick<ConfigOf<T>, F>> {
  const { budgets, coverage, clock, partition } = shared(run);
  const tally = new UnitTally(coverage);
  const ctx = new CollectionContext<T>({
    collector,
    selected: operationsToRun(collector, run.fields),
    accountId: run.accountId,
    region: region ?? run.homeRegion ?? DEFAULT_HOME_REGION,
    partition,
    clients: run.clients,
    budgets,
    coverage: tally.coverage,
    clock,
    ...(run.contractedKeyArns !== undefined && { contractedKeyArns: run.contractedKeyArns }),
    emit: () => {
      throw new Error(`${collector.resourceType} settings collector cannot emit resources`);
    },
  });
  const settings = await collector.collect(ctx);
  run.onUnitDone?.(tally.done(ctx.region, collector, region === undefined ? 'account' : 'region'));
  return settings;
}
