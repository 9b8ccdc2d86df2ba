/**
 * Runs a collector for one account: once (account scope) or in every region (region scope,
 * concurrently — the per-service budgets bound the calls). Each resource is checked against its
 * type's schema before it is handed on: a collector that meets a response it cannot normalise
 * loses that one resource to coverage instead of writing a snapshot no reader accepts.
 */
import { resourceSchema, type Resource } from '../model/resource.js';
import type { ConfigOf, ResourceType } from '../model/resource-types.js';
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

function schemaProblems(resource: Resource): string | undefined {
  const validate = validatorFor(resourceSchema(resource.type));
  if (validate(resource)) return undefined;
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
    .join('; ');
}

/** Every resource the collector finds in the account, sorted by ARN. */
export async function collectResources<T extends ResourceType>(collector: ResourceCollector<T>, run: AccountRun): Promise<Resource<T>[]> {
  const { budgets, coverage, clock, partition } = shared(run);
  const selected = operationsToRun(collector, run.fields);
  const regions = collector.scope === 'account' ? [run.homeRegion ?? DEFAULT_HOME_REGION] : run.regions;
  const resources: Resource<T>[] = [];
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
          const problems = schemaProblems(resource as Resource);
          if (problems === undefined) {
            resources.push(resource);
            tally.resources++;
            return;
          }
          tally.coverage.record({
            accountId: resource.accountId,
            region: resource.region,
            service: collector.service,
            operation: 'normalise',
            code: 'InvalidResource',
            message: `the collected resource does not match the ${collector.resourceType} schema and was left out: ${problems}`,
            resourceType: collector.resourceType,
            resourceArn: resource.arn,
          });
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
