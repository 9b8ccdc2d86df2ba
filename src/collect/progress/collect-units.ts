/**
 * The units of collection progress: one collector in one region (region scope), or one
 * account-scope collector run once. An account's plan counts its units as soon as its regions and
 * sources are known; each unit reports when it finishes, from where the collector actually ran
 * (run-collector.ts), so that "done" is never guessed. The plan and the reports count the same
 * things: settings collectors of `AWS::Account` once, of `AWS::Account::Region` in every region,
 * resource collectors by the scope of the collector that runs — the API's, AWS Config's
 * (SelectResourceConfig in every region) or the aggregator's answer (one unit, read before the
 * account started).
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { CollectEvent } from './collect-log.js';
import type { AnyResourceCollector, AnySettingsCollector } from '../contract/collector.js';
import { CoverageRecorder, type CoverageFailure } from '../contract/coverage-recorder.js';
import type { Unknown } from '../../model/unknown.js';
import type { CoverageEntry } from '../../snapshot/coverage.js';

export interface UnitDone {
  readonly region: string;
  readonly service: string;
  readonly resourceType: string;
  readonly scope: 'account' | 'region';
  /** Resources the unit handed on (settings collectors hand on none: they fill a settings resource). */
  readonly resources: number;
  /** Coverage failures the unit recorded: fields or resources it could not read. */
  readonly failures: number;
  readonly seconds: number;
}

export type AccountPlanEvent = Extract<CollectEvent, { event: 'account-plan' }>;
export type UnitDoneEvent = Extract<CollectEvent, { event: 'unit-done' }>;

/** Where an account reads a resource type from. */
export type UnitSource = 'api' | 'config' | 'aggregator';

/** AWS Config's per-account collectors run SelectResourceConfig in every region. */
const CONFIG_SERVICE = 'config';

export function accountPlan(
  account: { readonly accountId: string; readonly name: string },
  regions: readonly string[],
  settingsCollectors: readonly AnySettingsCollector[],
  resourceCollectors: readonly AnyResourceCollector[],
  sourceOf: (type: ResourceType) => UnitSource,
): AccountPlanEvent {
  const services: Record<string, number> = {};
  let perRegion = 0;
  let once = 0;
  const add = (service: string, scope: 'account' | 'region') => {
    const units = scope === 'region' ? regions.length : 1;
    services[service] = (services[service] ?? 0) + units;
    if (scope === 'region') perRegion++;
    else once++;
  };
  for (const collector of settingsCollectors) {
    // The orchestration builds only these two settings resources.
    if (collector.resourceType === 'AWS::Account') add(collector.service, 'account');
    else if (collector.resourceType === 'AWS::Account::Region') add(collector.service, 'region');
  }
  for (const collector of resourceCollectors) {
    const source = sourceOf(collector.resourceType);
    if (source === 'api') add(collector.service, collector.scope);
    else add(CONFIG_SERVICE, source === 'config' ? 'region' : 'account');
  }
  const sorted: Record<string, number> = {};
  for (const service of Object.keys(services).sort()) sorted[service] = services[service]!;
  return {
    event: 'account-plan',
    accountId: account.accountId,
    name: account.name,
    regions: [...regions],
    units: perRegion * regions.length + once,
    unitsPerRegion: perRegion,
    services: sorted,
  };
}

/** The unit of a resource type an account took from the aggregator's answer. */
export function aggregatedUnit(resourceType: ResourceType, region: string, resources: number): UnitDone {
  return { region, service: CONFIG_SERVICE, resourceType, scope: 'account', resources, failures: 0, seconds: 0 };
}

/** Turns an account's unit reports into `unit-done` events. */
export function unitReporter(log: { emit(event: CollectEvent): void }, accountId: string): (unit: UnitDone) => void {
  return (unit) => log.emit({ event: 'unit-done', accountId, ...unit });
}

/** Counts the coverage failures one unit records, passing each on to the account's recorder. */
class CountingCoverage extends CoverageRecorder {
  failures = 0;

  constructor(private readonly inner: CoverageRecorder) {
    super();
  }

  override record(failure: CoverageFailure): Unknown {
    this.failures++;
    return this.inner.record(failure);
  }

  override list(): CoverageEntry[] {
    return this.inner.list();
  }

  override get size(): number {
    return this.inner.size;
  }
}

/** What one unit did while it ran: the resources it handed on and the failures it recorded. */
export class UnitTally {
  resources = 0;
  private readonly counting: CountingCoverage;
  private readonly started = performance.now();

  constructor(coverage: CoverageRecorder) {
    this.counting = new CountingCoverage(coverage);
  }

  /** The recorder the unit's context records into. */
  get coverage(): CoverageRecorder {
    return this.counting;
  }

  done(region: string, collector: { readonly service: string; readonly resourceType: string }, scope: 'account' | 'region'): UnitDone {
    return {
      region,
      service: collector.service,
      resourceType: collector.resourceType,
      scope,
      resources: this.resources,
      failures: this.counting.failures,
      seconds: (performance.now() - this.started) / 1000,
    };
  }
}
