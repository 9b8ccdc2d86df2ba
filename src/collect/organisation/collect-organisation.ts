/**
 * Collects many accounts into one snapshot: each account reached with its own credentials
 * (assumed role, session name `vigil`) and proved with GetCallerIdentity, its regions found,
 * its settings and resources collected by the selected collectors side by side (handed on in the
 * order of its plan) — accounts concurrently within a bound, each started after a little jitter
 * so that an organization's accounts do not hit the same regional endpoints in the same
 * millisecond. An account that cannot be reached is recorded (not scanned, coverage entry) and
 * the others go on; the run is then degraded.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AnyCollectedResource } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';
import type { SnapshotAccount } from '../../snapshot/snapshot-header.js';
import type { AwsClients } from '../aws/aws-clients.js';
import { describeAwsError } from '../aws/aws-error.js';
import type { AccountTarget } from './account-targets.js';
import type { AnyResourceCollector, AnySettingsCollector, ResourceCollector } from '../contract/collector.js';
import type { CollectLog } from '../progress/collect-log.js';
import { accountPlan, aggregatedUnit, unitReporter } from '../progress/collect-units.js';
import { CoverageRecorder } from '../contract/coverage-recorder.js';
import { enabledRegions } from '../aws/enabled-regions.js';
import { ConcurrencyLimiter } from '../aws/limiter.js';
import { OrderedOutput } from './ordered-output.js';
import { collectResources, type AccountRun } from '../contract/run-collector.js';
import { fillFromApi } from '../config-source/fill-from-api.js';
import { SharedReads } from '../contract/shared-reads.js';
import type { CollectedResource } from '../../model/resource.js';
import { aggregatorCollector, configCollector, fieldsNotInConfig, isConfigSourceType } from '../config-source/config-collectors.js';
import { recordedEverywhere, recordedTypes } from '../config-source/recorded-types.js';
import { notInConfigFields, type ConfigSourceType } from '../config-source/normaliser.js';
import { accountResource, regionResource } from './settings-resource.js';
import { ServiceBudgets } from '../aws/limiter.js';

export interface CollectPlan {
  readonly targets: readonly AccountTarget[];
  /** Regions asked for (`--regions`); undefined: each account's enabled regions. */
  readonly regions: readonly string[] | undefined;
  readonly homeRegion: string;
  readonly partition: string;
  readonly resourceCollectors: readonly AnyResourceCollector[];
  readonly settingsCollectors: readonly AnySettingsCollector[];
  /** Accounts collected at once. */
  readonly concurrency: number;
  /**
   * Where configurations come from: the APIs; AWS Config (SelectResourceConfig) for the types it
   * normalises — with the S3 sub-documents Config lacks read from S3, and a coverage entry for
   * regions whose recorder does not record everything (their resources would be missing); or
   * `auto`: Config in accounts whose every region records everything, for the types whose selected
   * fields Config holds, the APIs for the rest. `resourceCollectors` are the API collectors.
   */
  readonly source?: 'api' | 'config' | 'auto';
  /**
   * With `config`/`auto`: read the Config-source types of every account from this aggregator —
   * one query per type for the organisation — instead of each account's and region's Config.
   */
  readonly aggregator?: { readonly name: string; readonly region: string; readonly accountId: string };
  /** The account of the current credentials, already proved: not asked again when reached with them. */
  readonly callerAccountId?: string;
  /** The fields the selected insights read, per resource type; undefined: every field. */
  readonly fields?: ReadonlyMap<ResourceType, ReadonlySet<string>>;
  /** Upper bound of the random delay before an account starts, in ms. */
  readonly jitterMs: number;
  /** Per account id: other accounts' KMS keys it is contracted to use (contracted-keys.ts); default none. */
  readonly contractedKeyArns?: ReadonlyMap<string, readonly string[]>;
}

export interface CollectedOrganisation {
  readonly accounts: SnapshotAccount[];
  readonly coverage: CoverageRecorder;
  readonly resources: number;
  /**
   * Some account could not be reached: the snapshot lacks whole accounts. (Calls that failed on
   * single fields are coverage gaps, recorded and shown, not a degraded run.)
   */
  readonly degraded: boolean;
}

/** Operations the orchestration itself makes, for the least-privilege policy. */
export const ORCHESTRATION_PERMISSIONS: readonly string[] = [
  'config:DescribeConfigurationRecorderStatus',
  'config:DescribeConfigurationRecorders',
  'ec2:DescribeRegions',
  'organizations:ListAccounts',
  'organizations:ListTagsForResource',
  'sts:AssumeRole',
  'sts:GetCallerIdentity',
];

export async function collectOrganisation(
  plan: CollectPlan,
  clients: AwsClients,
  emit: (resource: AnyCollectedResource) => void,
  log: CollectLog,
  clock: () => Date = () => new Date(),
): Promise<CollectedOrganisation> {
  const runStarted = performance.now();
  const coverage = new CoverageRecorder();
  const budgets = new ServiceBudgets();
  const accounts: SnapshotAccount[] = [];
  const limiter = new ConcurrencyLimiter(plan.concurrency);
  let resources = 0;
  log.emit({ event: 'accounts', accounts: plan.targets.length, regions: plan.regions?.length ?? 0 });
  const aggregated = await readAggregator(plan, clients, budgets, coverage, clock);

  const collectOne = async (target: AccountTarget): Promise<void> => {
    const started = performance.now();
    const name = target.entry.name;
    const fail = (code: string, message: string, operation: string) => {
      coverage.record({ accountId: target.accountId, region: plan.homeRegion, service: 'sts', operation, code, message });
      accounts.push({ id: target.accountId, name, regions: [], scanned: false });
      log.emit({ event: 'account-failed', accountId: target.accountId, name, code, message });
    };
    log.emit({ event: 'account-start', accountId: target.accountId, name });

    // Prove the credentials reach this account (a failed AssumeRole surfaces here), unless they
    // are the caller's own, already proved.
    const alreadyProved = target.roleArn === undefined && target.accountId === plan.callerAccountId;
    if (!alreadyProved)
      try {
        const identity = await clients.get('sts', target.accountId, plan.homeRegion).send(new GetCallerIdentityCommand({}));
        if (identity.Account !== target.accountId) {
          fail('WrongAccount', `the credentials for ${name} belong to account ${identity.Account ?? 'unknown'}`, 'GetCallerIdentity');
          return;
        }
      } catch (error) {
        const failure = describeAwsError(error);
        fail(failure.code, failure.message, target.roleArn !== undefined ? 'AssumeRole' : 'GetCallerIdentity');
        return;
      }

    let regions = plan.regions;
    if (regions === undefined) {
      const found = await enabledRegions(clients, target.accountId, plan.homeRegion);
      if (!found.ok) {
        coverage.record({
          accountId: target.accountId,
          region: plan.homeRegion,
          service: 'ec2',
          operation: 'DescribeRegions',
          code: found.code,
          message: found.message,
        });
        regions = [plan.homeRegion];
      } else regions = found.regions;
    }

    const contracted = plan.contractedKeyArns?.get(target.accountId);
    // One set of shared reads per account run: IAM's read serves its collectors, then goes with the run.
    const run: AccountRun = {
      accountId: target.accountId,
      regions,
      homeRegion: plan.homeRegion,
      partition: plan.partition,
      clients,
      budgets,
      coverage,
      clock,
      shared: new SharedReads(),
      ...(contracted !== undefined && { contractedKeyArns: contracted }),
    };
    // Each unit a collector runs (in one region, or once) reports when it is done.
    const onUnitDone = unitReporter(log, target.accountId);
    // Each collector runs only the operations filling fields the selected insights read.
    const runFor = (type: ResourceType): AccountRun => {
      const fields = plan.fields?.get(type);
      return { ...run, onUnitDone, ...(fields !== undefined && { fields }) };
    };
    // The plan counts every unit before the first runs; the source of each type decides its scope.
    const fromConfig = await configTypes(plan, run, regions, coverage);
    log.emit(
      accountPlan({ accountId: target.accountId, name }, regions, plan.settingsCollectors, plan.resourceCollectors, (type) =>
        !isConfigSourceType(type) || !fromConfig.has(type) ? 'api' : aggregated.has(type) ? 'aggregator' : 'config',
      ),
    );
    const observedAt = clock().toISOString();
    const hand = (resource: AnyCollectedResource) => {
      resources++;
      emit(resource);
    };
    // Settings and resources run side by side, bounded only by the service budgets: a slow
    // settings call (a credential report being generated, an endpoint that fails an operation)
    // holds up its own resource, not the account. Handed on in plan order, whatever finishes first.
    const parts: (() => Promise<readonly AnyCollectedResource[]>)[] = [];
    if (plan.settingsCollectors.some((c) => c.resourceType === 'AWS::Account')) {
      parts.push(async () => [await accountResource(runFor('AWS::Account'), plan.settingsCollectors, { name, tags: target.tags }, observedAt)]);
    }
    if (plan.settingsCollectors.some((c) => c.resourceType === 'AWS::Account::Region')) {
      for (const region of regions) parts.push(async () => [await regionResource(runFor('AWS::Account::Region'), plan.settingsCollectors, region, observedAt)]);
    }
    let collected = 0;
    for (const apiCollector of plan.resourceCollectors) {
      parts.push(async () => {
        const t0 = performance.now();
        const type = apiCollector.resourceType;
        const viaConfig = isConfigSourceType(type) && fromConfig.has(type);
        const collector = viaConfig ? configCollector(type) : apiCollector;
        // The aggregator's answer for this account, when it read the type whole; else the account's own Config.
        const fromAggregator = viaConfig ? aggregated.get(type) : undefined;
        let found =
          fromAggregator !== undefined
            ? (fromAggregator.get(target.accountId) ?? [])
            : await collectResources(collector as ResourceCollector<ResourceType>, runFor(type));
        if (fromAggregator !== undefined) onUnitDone(aggregatedUnit(type, plan.aggregator?.region ?? plan.homeRegion, found.length));
        if (viaConfig) {
          found = await completeFromApi(
            found as CollectedResource<ConfigSourceType>[],
            apiCollector as ResourceCollector<ResourceType>,
            runFor(type),
            plan.fields?.get(type),
            coverage,
          );
        }
        collected += found.length;
        log.emit({
          event: 'collector-done',
          accountId: target.accountId,
          resourceType: collector.resourceType,
          resources: found.length,
          seconds: (performance.now() - t0) / 1000,
        });
        return found as readonly AnyCollectedResource[];
      });
    }
    const output = new OrderedOutput<AnyCollectedResource>(parts.length, hand);
    await Promise.all(parts.map(async (part, index) => output.complete(index, await part())));
    accounts.push({ id: target.accountId, name, regions: [...regions], scanned: true });
    log.emit({ event: 'account-done', accountId: target.accountId, name, resources: collected, seconds: (performance.now() - started) / 1000 });
  };

  await Promise.all(
    plan.targets.map((target) =>
      limiter.run(async () => {
        if (plan.jitterMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * plan.jitterMs));
        await collectOne(target);
      }),
    ),
  );
  accounts.sort((a, b) => a.id.localeCompare(b.id));
  const total = clients.stats.total();
  log.emit({
    event: 'done',
    resources,
    calls: total.calls,
    retries: total.retries,
    throttles: total.throttles,
    failures: total.failures,
    seconds: (performance.now() - runStarted) / 1000,
  });
  return { accounts, coverage, resources, degraded: accounts.some((a) => a.scanned === false) };
}

/**
 * The types one account reads from AWS Config. SelectResourceConfig answers "nothing" for a type
 * its recorder does not record, which would read as "no such resources": with `config`, every
 * Config-source type is read from Config and a region whose recorder leaves some out is named in
 * coverage; with `auto`, a type is read from Config only where every region's recorder records it
 * and Config holds the fields the selected insights read — the APIs answer for the rest.
 */
async function configTypes(plan: CollectPlan, run: AccountRun, regions: readonly string[], coverage: CoverageRecorder): Promise<ReadonlySet<ConfigSourceType>> {
  if (plan.source === undefined || plan.source === 'api') return new Set();
  const wanted = plan.resourceCollectors.map((c) => c.resourceType).filter(isConfigSourceType);
  if (wanted.length === 0) return new Set();
  const recorded = await recordedTypes(run.clients, run.accountId, regions, wanted, coverage);
  if (plan.source === 'auto') {
    const everywhere = recordedEverywhere(recorded, wanted);
    const apiCollectorOf = (type: ResourceType) =>
      plan.resourceCollectors.find((collector) => collector.resourceType === type) as ResourceCollector<ResourceType> | undefined;
    return new Set(wanted.filter((type) => everywhere.has(type) && configHoldsSelection(type, plan.fields?.get(type), apiCollectorOf(type))));
  }
  for (const [region, types] of recorded) {
    const missing = wanted.filter((type) => !types.has(type));
    if (missing.length === 0) continue;
    coverage.record({
      accountId: run.accountId,
      region,
      service: 'config',
      operation: 'SelectResourceConfig',
      code: 'NotRecorded',
      message: `the AWS Config recorder in ${region} does not record ${missing.join(', ')}, so such resources there may be missing from this snapshot; collect with --source auto or api`,
    });
  }
  return new Set(wanted);
}

/**
 * With an aggregator: each Config-source type of every target account, read with one
 * SelectAggregateResourceConfig per type in the aggregator's account and region, by account. A
 * type whose query could not be read whole is left out, so that each account asks its own Config.
 */
async function readAggregator(
  plan: CollectPlan,
  clients: AwsClients,
  budgets: ServiceBudgets,
  coverage: CoverageRecorder,
  clock: () => Date,
): Promise<ReadonlyMap<ConfigSourceType, ReadonlyMap<string, CollectedResource<ConfigSourceType>[]>>> {
  const out = new Map<ConfigSourceType, Map<string, CollectedResource<ConfigSourceType>[]>>();
  const aggregator = plan.aggregator;
  if (aggregator === undefined || plan.source === undefined || plan.source === 'api') return out;
  const types = plan.resourceCollectors.map((c) => c.resourceType).filter(isConfigSourceType);
  const accountIds = plan.targets.map((t) => t.accountId);
  await Promise.all(
    types.map(async (type) => {
      let complete = true;
      const collector = aggregatorCollector(
        type,
        { name: aggregator.name, region: aggregator.region, accountIds, ...(plan.regions !== undefined ? { regions: plan.regions } : {}) },
        () => {
          complete = false;
        },
      );
      const fields = plan.fields?.get(type);
      const found = await collectResources(collector, {
        accountId: aggregator.accountId,
        regions: [aggregator.region],
        homeRegion: aggregator.region,
        partition: plan.partition,
        clients,
        budgets,
        coverage,
        clock,
        ...(fields !== undefined ? { fields } : {}),
      });
      if (!complete) return;
      const byAccount = new Map<string, CollectedResource<ConfigSourceType>[]>();
      for (const resource of found) {
        const ofAccount = byAccount.get(resource.accountId) ?? [];
        ofAccount.push(resource);
        byAccount.set(resource.accountId, ofAccount);
      }
      out.set(type, byAccount);
    }),
  );
  return out;
}

/**
 * Whether AWS Config can serve the fields the selected insights read of the type (else `auto` asks
 * the API): it holds them all, or the API collector reads one resource (`readOne`) and fills the rest.
 */
function configHoldsSelection(
  type: ConfigSourceType,
  selected: ReadonlySet<string> | undefined,
  apiCollector: ResourceCollector<ResourceType> | undefined,
): boolean {
  if (apiCollector?.readOne !== undefined) return true;
  const lacking = fieldsNotInConfig(type) as readonly string[];
  return selected === undefined ? lacking.length === 0 : !lacking.some((field) => selected.has(field));
}

/**
 * Reads from the API what Config lacks, one resource at a time, for the types whose API collector
 * reads one resource (S3's sub-documents); names in coverage what stays unread.
 */
async function completeFromApi(
  resources: CollectedResource<ConfigSourceType>[],
  apiCollector: ResourceCollector<ResourceType>,
  run: AccountRun,
  selected: ReadonlySet<string> | undefined,
  coverage: CoverageRecorder,
): Promise<CollectedResource<ConfigSourceType>[]> {
  const complete: CollectedResource<ConfigSourceType>[] = [];
  for (const resource of resources) {
    const missing = notInConfigFields(resource).filter((field) => selected === undefined || selected.has(field));
    if (missing.length === 0) {
      complete.push(resource);
      continue;
    }
    if (apiCollector.readOne !== undefined) {
      const filled = await fillFromApi(resource, apiCollector, run, missing);
      // Gone since Config recorded it: the read named it in coverage, as a collection would.
      if (filled !== undefined) complete.push(filled);
      continue;
    }
    for (const field of missing) {
      coverage.record({
        accountId: resource.accountId,
        region: resource.region,
        service: 'config',
        operation: 'SelectResourceConfig',
        code: 'NotInConfig',
        message: `AWS Config does not record ${resource.type} ${field}; collect with --source api to read it`,
        resourceType: resource.type,
        resourceArn: resource.arn,
      });
    }
    complete.push(resource);
  }
  return complete;
}
