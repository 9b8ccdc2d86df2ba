/**
 * The CIS AWS section 5 chain for one region: a CloudTrail trail that logs the region (its
 * `trailArns`), is multi-region, is logging and records all management events delivers to a
 * CloudWatch Logs log group — which may live in another scanned account — and from that log group a
 * metric filter the criterion accepts leads to an alarm that notifies a subscribed topic
 * (alarm-chain.ts). A trail proven to fall short is a broken path whatever else about it could not
 * be read; an unread trail field on an otherwise good trail leaves the path undecided.
 */
import type { Inventory } from '../../engine/inventory.js';
import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/unknown.js';
import { multiRegionTrailGaps } from '../multi-region-trail.js';
import { missingTrailReason } from '../missing-trail.js';
import { ALARM_CHAIN_LOOKUPS, chainThroughFilters, filterChains, type FilterChains, type FilterCriterion } from './alarm-chain.js';
import { anyPath, missingLink, through, unreadLink, type ChainSearch } from './chain-search.js';
import { parseLogGroupArn } from './log-group-arn.js';

/** The types and fields the region chain reads, for an insight's `reads`. */
export const REGION_MONITORING_READS = {
  self: ['trailArns'],
  lookups: {
    'AWS::CloudTrail::Trail': ['isMultiRegionTrail', 'isLogging', 'managementEvents', 'cloudWatchLogsLogGroupArn'],
    ...ALARM_CHAIN_LOOKUPS,
  },
} as const;

/** A trail that logs the region, followed to the metric filters of its log group; or the link where it breaks. */
type TrailPath = { readonly arn: string; readonly filters: FilterChains } | { readonly arn: string; readonly broken: ChainSearch };

function trailPath(arn: string, observerAccountId: string, inventory: Inventory): TrailPath {
  const trail: Resource<'AWS::CloudTrail::Trail'> | undefined = inventory.get('AWS::CloudTrail::Trail', arn);
  if (trail === undefined) return { arn, broken: unreadLink(`trail ${arn}: ${missingTrailReason(arn, observerAccountId)}`) };
  const { shortfalls, unreadable } = multiRegionTrailGaps(trail);
  const { cloudWatchLogsLogGroupArn } = trail.config;
  if (cloudWatchLogsLogGroupArn === null) shortfalls.push('no CloudWatch Logs delivery');
  if (shortfalls.length > 0) return { arn, broken: missingLink(`trail ${arn}: ${shortfalls.join(', ')}`) };
  if (unreadable.length > 0) return { arn, broken: unreadLink(`trail ${arn}: ${unreadable.join(', ')} could not be read`) };

  const location = cloudWatchLogsLogGroupArn === null ? undefined : parseLogGroupArn(cloudWatchLogsLogGroupArn);
  if (location === undefined) return { arn, broken: unreadLink(`trail ${arn} delivers to ${String(cloudWatchLogsLogGroupArn)}, which is no log group ARN`) };
  const logGroup = inventory.find('AWS::Logs::LogGroup', location.accountId, location.region, location.name);
  if (logGroup === undefined) {
    return {
      arn,
      broken: unreadLink(
        `log group ${location.name} (account ${location.accountId}, ${location.region}), where trail ${arn} delivers, is not in the inventory`,
      ),
    };
  }
  return { arn, filters: filterChains(logGroup, inventory) };
}

/**
 * What the CIS 5.x insights of a region share, whatever pattern each requires: every trail that
 * logs the region, followed to its log group and the chains from each of its metric filters (or
 * the link where it breaks). A ResourceAnalysis of the region.
 */
export type RegionTrailPaths = { readonly ok: true; readonly trails: readonly TrailPath[] } | { readonly ok: false; readonly broken: ChainSearch };

export function regionTrailPaths(region: Resource<'AWS::Account::Region'>, inventory: Inventory): RegionTrailPaths {
  const { trailArns } = region.config;
  if (isUnknown(trailArns)) return { ok: false, broken: unreadLink(`the trails that log ${region.region} could not be read (${trailArns.$unknown})`) };
  if (trailArns.length === 0) return { ok: false, broken: missingLink(`no trail logs ${region.region}`) };
  return { ok: true, trails: trailArns.map((arn) => trailPath(arn, region.accountId, inventory)) };
}

/** The monitoring chain of the region, through any trail that logs it and a metric filter the criterion accepts. */
export function regionMonitoring(paths: RegionTrailPaths, criterion: FilterCriterion): ChainSearch {
  if (!paths.ok) return paths.broken;
  return anyPath(
    paths.trails.map((path) => ('broken' in path ? path.broken : through({ kind: 'trail', name: path.arn }, chainThroughFilters(path.filters, criterion)))),
  );
}
