/**
 * From a log group to someone who hears about it: a metric filter of the group (one the caller's
 * criterion accepts) publishes a metric; a CloudWatch alarm on that metric, in the log group's
 * account and region, has its actions enabled and notifies an SNS topic; the topic has a confirmed
 * subscription. Reads the log group's `metricFilters`, the alarms' `actionsEnabled`, `alarmActions`
 * and `metrics`, and the topics' `subscriptions`.
 */
import type { Inventory } from '../../engine/inventory.js';
import type { Resource } from '../../model/resource.js';
import type { MetricFilter, MetricTransformation } from '../../model/types/logs/log-group.js';
import { isUnknown } from '../../model/unknown.js';
import { anyPath, missingLink, through, unreadLink, type ChainSearch } from './chain-search.js';

export interface FilterCriterion {
  /** What an accepted filter is, as a verdict says it: `matching the CIS 5.1 pattern`. */
  readonly description: string;
  /** Whether the filter is accepted, or why not. */
  accepts(filter: MetricFilter): { readonly accepted: true } | { readonly accepted: false; readonly why: string };
}

/** The types and fields the chain from a log group reads, for an insight's `reads.lookups`. */
export const ALARM_CHAIN_LOOKUPS = {
  'AWS::Logs::LogGroup': ['metricFilters'],
  'AWS::CloudWatch::Alarm': ['actionsEnabled', 'alarmActions', 'metrics'],
  'AWS::SNS::Topic': ['subscriptions'],
} as const;

const SNS_TOPIC_ARN = /^arn:[a-z-]+:sns:[a-z0-9-]+:[0-9]{12}:[^:]+$/;

function topicChain(arn: string, inventory: Inventory): ChainSearch {
  const topic = inventory.get('AWS::SNS::Topic', arn);
  if (topic === undefined) return unreadLink(`topic ${arn} is not in the inventory (its account or region was not collected, or it was deleted)`);
  const { subscriptions } = topic.config;
  if (isUnknown(subscriptions)) return unreadLink(`the subscriptions of topic ${arn} could not be read (${subscriptions.$unknown})`);
  const confirmed = subscriptions.find((s) => s.confirmed);
  if (confirmed !== undefined)
    return {
      found: true,
      chain: [
        { kind: 'topic', name: arn },
        { kind: 'subscription', name: `${confirmed.protocol} ${confirmed.endpoint}` },
      ],
    };
  const pending = subscriptions.length;
  return missingLink(`topic ${arn} has no confirmed subscription${pending > 0 ? ` (${pending} pending confirmation)` : ''}`);
}

function alarmChain(alarm: Alarm, inventory: Inventory): ChainSearch {
  const { actionsEnabled, alarmActions } = alarm.config;
  if (!actionsEnabled) return missingLink(`alarm ${alarm.name} has its actions disabled`);
  const topics = alarmActions.filter((action) => SNS_TOPIC_ARN.test(action));
  if (topics.length === 0) return missingLink(`alarm ${alarm.name} notifies no SNS topic`);
  return through({ kind: 'alarm', name: alarm.name }, anyPath(topics.map((arn) => topicChain(arn, inventory))));
}

type Alarm = Resource<'AWS::CloudWatch::Alarm'>;

interface AlarmsByMetric {
  /** The length of the list indexed: a list that grew is indexed again. */
  readonly length: number;
  /** Namespace → metric name → the alarms that watch it. */
  readonly byMetric: ReadonlyMap<string, ReadonlyMap<string, readonly Alarm[]>>;
}

const NO_ALARMS: readonly Alarm[] = [];

// Keyed by the inventory's alarm list of one account and region, handed out unchanged for a whole scan.
const alarmIndexes = new WeakMap<readonly Alarm[], AlarmsByMetric>();

/** The alarms of the account and region that watch the metric, through an index built once per alarm list. */
function alarmsWatching(inventory: Inventory, accountId: string, region: string, metric: MetricTransformation): readonly Alarm[] {
  const alarms = inventory.list('AWS::CloudWatch::Alarm', accountId, region);
  let index = alarmIndexes.get(alarms);
  if (index === undefined || index.length !== alarms.length) {
    const byMetric = new Map<string, Map<string, Alarm[]>>();
    for (const alarm of alarms) {
      for (const { namespace, metricName } of alarm.config.metrics) {
        let inNamespace = byMetric.get(namespace);
        if (inNamespace === undefined) byMetric.set(namespace, (inNamespace = new Map<string, Alarm[]>()));
        const watching = inNamespace.get(metricName);
        if (watching === undefined) inNamespace.set(metricName, [alarm]);
        // An alarm on a metric math expression watches several metrics: it is listed under each, once.
        else if (watching.at(-1) !== alarm) watching.push(alarm);
      }
    }
    index = { length: alarms.length, byMetric };
    alarmIndexes.set(alarms, index);
  }
  return index.byMetric.get(metric.metricNamespace)?.get(metric.metricName) ?? NO_ALARMS;
}

function metricChain(logGroup: Resource<'AWS::Logs::LogGroup'>, filter: MetricFilter, metric: MetricTransformation, inventory: Inventory): ChainSearch {
  const alarms = alarmsWatching(inventory, logGroup.accountId, logGroup.region, metric);
  const name = `${metric.metricNamespace}/${metric.metricName}`;
  // Alarms that could not be listed may include the one that completes the chain.
  const gap = inventory.listingGap('AWS::CloudWatch::Alarm', logGroup.accountId, logGroup.region);
  const unlisted = gap === undefined ? [] : [unreadLink(`the alarms of ${logGroup.accountId} in ${logGroup.region} could not all be listed (${gap})`)];
  if (alarms.length === 0 && gap === undefined)
    return missingLink(`no alarm watches metric ${name} of metric filter ${filter.filterName} on log group ${logGroup.name}`);
  return through({ kind: 'metric', name }, anyPath([...alarms.map((alarm) => alarmChain(alarm, inventory)), ...unlisted]));
}

/** Each metric filter of a log group with the chain from it to a subscriber, whatever criterion judges the filter. */
export type FilterChains =
  { readonly ok: true; readonly logGroup: LogGroup; readonly filters: readonly FilterChain[] } | { readonly ok: false; readonly unread: ChainSearch };

export interface FilterChain {
  readonly filter: MetricFilter;
  /** Through the filter's metrics and their alarms to a confirmed subscription. */
  readonly chain: ChainSearch;
}

type LogGroup = Resource<'AWS::Logs::LogGroup'>;

/**
 * The chains from every metric filter of the log group: what the insights that differ only in the
 * filters they accept (the fifteen CIS 5.x controls) share, worked out once for all of them.
 */
export function filterChains(logGroup: LogGroup, inventory: Inventory): FilterChains {
  const { metricFilters } = logGroup.config;
  if (isUnknown(metricFilters))
    return { ok: false, unread: unreadLink(`the metric filters of log group ${logGroup.name} could not be read (${metricFilters.$unknown})`) };
  return {
    ok: true,
    logGroup,
    filters: metricFilters.map((filter) => ({
      filter,
      chain:
        filter.metricTransformations.length === 0
          ? missingLink(`metric filter ${filter.filterName} on log group ${logGroup.name} publishes no metric`)
          : through(
              { kind: 'metric filter', name: filter.filterName },
              anyPath(filter.metricTransformations.map((metric) => metricChain(logGroup, filter, metric, inventory))),
            ),
    })),
  };
}

/** The chain from the log group through a metric filter the criterion accepts. */
export function chainThroughFilters(chains: FilterChains, criterion: FilterCriterion): ChainSearch {
  if (!chains.ok) return chains.unread;
  const { logGroup, filters } = chains;
  const paths: ChainSearch[] = [];
  for (const { filter, chain } of filters) if (criterion.accepts(filter).accepted) paths.push(chain);
  if (paths.length === 0) {
    const rejected: string[] = [];
    for (const { filter } of filters) {
      const verdict = criterion.accepts(filter);
      if (!verdict.accepted) rejected.push(`${filter.filterName}: ${verdict.why}`);
    }
    return missingLink(`log group ${logGroup.name} has no metric filter ${criterion.description}${rejected.length > 0 ? ` (${rejected.join('; ')})` : ''}`);
  }
  return through({ kind: 'log group', name: logGroup.arn }, anyPath(paths));
}

/** The chain from the log group through a metric filter the criterion accepts. */
export function alarmChainFrom(logGroup: LogGroup, criterion: FilterCriterion, inventory: Inventory): ChainSearch {
  return chainThroughFilters(filterChains(logGroup, inventory), criterion);
}
