/**
 * What keeps a trail from being the trail CIS builds on: multi-region, logging, and recording all
 * management events, read and write (CIS AWS 4.1, and the trail behind the 5.x alarms). Reads the
 * trail's `isMultiRegionTrail`, `isLogging` and `managementEvents`. A proven shortfall disqualifies
 * the trail whatever its unreadable fields; a trail with unreadable fields and no shortfall cannot
 * be judged.
 */
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';

export interface TrailGaps {
  /** `single-region`, `not logging`, `no management events`, `ReadOnly management events only`. */
  readonly shortfalls: string[];
  /** The fields that could not be read, with why: `logging status (AccessDenied: ...)`. */
  readonly unreadable: string[];
}

export function multiRegionTrailGaps(trail: Resource<'AWS::CloudTrail::Trail'>): TrailGaps {
  const { isMultiRegionTrail, isLogging, managementEvents } = trail.config;
  const shortfalls: string[] = [];
  const unreadable: string[] = [];
  if (isUnknown(isMultiRegionTrail)) unreadable.push(`multi-region flag (${isMultiRegionTrail.$unknown})`);
  else if (!isMultiRegionTrail) shortfalls.push('single-region');
  if (isUnknown(isLogging)) unreadable.push(`logging status (${isLogging.$unknown})`);
  else if (!isLogging) shortfalls.push('not logging');
  if (isUnknown(managementEvents)) unreadable.push(`event selectors (${managementEvents.$unknown})`);
  else if (managementEvents !== 'All') shortfalls.push(managementEvents === 'None' ? 'no management events' : `${managementEvents} management events only`);
  return { shortfalls, unreadable };
}
