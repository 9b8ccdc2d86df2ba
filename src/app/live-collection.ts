/**
 * Collects live AWS accounts into a snapshot file: which accounts (the caller's, the config's, or
 * the organization's), which collectors (those whose resource types the selected insights read),
 * credentials per account, and the snapshot with its coverage and call counts.
 */
import type { VigilConfig } from '../config/config-schema.js';
import type { ScanPlan } from '../engine/scan-plan.js';
import { fieldsRead } from '../engine/fields-read.js';
import type { ResourceType } from '../model/resource-types.js';
import type { AnyCollectedResource } from '../model/resource.js';
import { writeSnapshotLines } from '../snapshot/snapshot-writer.js';
import { packageVersion } from '../package-root.js';
import { JsonLinesSpool } from '../output/findings-spool.js';
import type { AwsClients } from '../collect/aws/aws-clients.js';
import { accountAccess } from './account-access.js';
import { collectOrganisation, type CollectedOrganisation } from '../collect/organisation/collect-organisation.js';
import { contractedKeyArns } from '../collect/organisation/contracted-keys.js';
import type { CollectLog } from '../collect/progress/collect-log.js';
import { resourceCollectors, settingsCollectors } from '../collect/collectors/index.js';
import type { AnyResourceCollector, AnySettingsCollector } from '../collect/contract/collector.js';

export interface LiveCollectionOptions {
  readonly config: VigilConfig | undefined;
  /** `--account`: ids or names. */
  readonly accounts: readonly string[];
  /** `--regions`: a list, or undefined for each account's enabled regions. */
  readonly regions: readonly string[] | undefined;
  readonly profile?: string;
  readonly concurrency: number;
  /** Resource types the selected insights need, with the fields they read; undefined: everything. */
  readonly selection: ReadonlyMap<ResourceType, ReadonlySet<string>> | undefined;
  readonly out: string;
  /** Where configurations come from (default: the APIs). */
  readonly source?: 'api' | 'config' | 'auto';
  readonly log: CollectLog;
  readonly clock: () => Date;
  /** Tests hand in prepared clients (mocked SDK clients, fake credentials). */
  readonly clients?: AwsClients;
  /** Told the clients as soon as they exist (the progress display reads their call counts). */
  readonly onClients?: (clients: AwsClients) => void;
  readonly homeRegion?: string;
}

export type LiveCollectionResult =
  | { ok: true; collected: CollectedOrganisation; resources: number; clients: AwsClients }
  | { ok: false; usage?: string[]; failure?: { code: string; message: string } };

/**
 * What a scan plan's insights read: per resource type they evaluate or look up, the fields.
 * Only the collectors of these types run, and only the operations filling these fields.
 */
export function selectionOf(plan: ScanPlan): Map<ResourceType, Set<string>> {
  return fieldsRead(plan.bindings.map((binding) => binding.insight));
}

/** The API collectors of the selected types (the orchestration swaps in Config's per account and source). */
export function selectCollectors(selection: ReadonlyMap<ResourceType, ReadonlySet<string>> | undefined): {
  resources: AnyResourceCollector[];
  settings: AnySettingsCollector[];
} {
  const wanted = (type: ResourceType) => selection === undefined || selection.has(type);
  return { resources: resourceCollectors.filter((c) => wanted(c.resourceType)), settings: settingsCollectors.filter((c) => wanted(c.resourceType)) };
}

export async function collectLive(options: LiveCollectionOptions): Promise<LiveCollectionResult> {
  const access = await accountAccess(options);
  if (!access.ok) return access;
  const { clients, homeRegion, partition, callerAccountId } = access;
  const config = options.config;
  const targets = [...access.selected];
  const aggregatorAccount = config?.configAggregator?.accountId ?? callerAccountId;

  const source = options.source ?? 'api';
  const collectors = selectCollectors(options.selection);
  const spool = new JsonLinesSpool<AnyCollectedResource>();
  try {
    const collectedAt = options.clock().toISOString();
    const collected = await collectOrganisation(
      {
        targets: targets,
        regions: options.regions,
        homeRegion,
        partition: partition,
        callerAccountId,
        source,
        ...(config?.configAggregator !== undefined && {
          aggregator: { name: config.configAggregator.name, region: config.configAggregator.region, accountId: aggregatorAccount },
        }),
        resourceCollectors: collectors.resources,
        settingsCollectors: collectors.settings,
        concurrency: options.concurrency,
        ...(options.selection !== undefined && { fields: options.selection }),
        jitterMs: targets.length > 1 ? 250 : 0,
        contractedKeyArns: new Map(targets.map((target) => [target.accountId, contractedKeyArns(config?.params, target.entry)])),
      },
      clients,
      (resource) => spool.add(resource),
      options.log,
      options.clock,
    );
    const byService = clients.stats.byService();
    const written = await writeSnapshotLines(
      options.out,
      {
        kind: 'vigil-snapshot',
        schemaVersion: 1,
        collectedAt,
        collector: { tool: 'vigil', version: packageVersion(), source },
        accounts: collected.accounts,
        coverage: collected.coverage.list(),
        calls: Object.fromEntries(
          Object.entries(byService).map(([service, s]) => [service, { calls: s.calls, retries: s.retries, throttles: s.throttles, failures: s.failures }]),
        ),
      },
      spool.lines(),
    );
    return { ok: true, collected, resources: written.resources, clients };
  } finally {
    spool.dispose();
  }
}
