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
import { missingTrailReason } from '../trail-owner.js';
import { ALARM_CHAIN_LOOKUPS, alarmChainFrom, type FilterCriterion } from './alarm-chain.js';
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

function trailChain(arn: string, observerAccountId: string, criterion: FilterCriterion, inventory: Inventory): ChainSearch {
  const trail: Resource<'AWS::CloudTrail::Trail'> | undefined = inventory.get('AWS::CloudTrail::Trail', arn);
  if (trail === undefined) return unreadLink(`trail ${arn}: ${missingTrailReason(arn, observerAccountId)}`);
  const { shortfalls, unreadable } = multiRegionTrailGaps(trail);
  const { cloudWatchLogsLogGroupArn } = trail.config;
  if (cloudWatchLogsLogGroupArn === null) shortfalls.push('no CloudWatch Logs delivery');
  if (shortfalls.length > 0) return missingLink(`trail ${arn}: ${shortfalls.join(', ')}`);
  if (unreadable.length > 0) return unreadLink(`trail ${arn}: ${unreadable.join(', ')} could not be read`);

  const location = cloudWatchLogsLogGroupArn === null ? undefined : parseLogGroupArn(cloudWatchLogsLogGroupArn);
  if (location === undefined) return unreadLink(`trail ${arn} delivers to ${String(cloudWatchLogsLogGroupArn)}, which is no log group ARN`);
  const logGroup = inventory.find('AWS::Logs::LogGroup', location.accountId, location.region, location.name);
  if (logGroup === undefined) {
    return unreadLink(`log group ${location.name} (account ${location.accountId}, ${location.region}), where trail ${arn} delivers, is not in the inventory`);
  }
  return through({ kind: 'trail', name: arn }, alarmChainFrom(logGroup, criterion, inventory));
}

/** The monitoring chain of the region, through any trail that logs it. */
export function regionMonitoring(region: Resource<'AWS::Account::Region'>, criterion: FilterCriterion, inventory: Inventory): ChainSearch {
  const { trailArns } = region.config;
  if (isUnknown(trailArns)) return unreadLink(`the trails that log ${region.region} could not be read (${trailArns.$unknown})`);
  if (trailArns.length === 0) return missingLink(`no trail logs ${region.region}`);
  return anyPath(trailArns.map((arn) => trailChain(arn, region.accountId, criterion, inventory)));
}
