/**
 * The organisation's region policy (`settings.allowedRegions`): whether a region is one resources
 * may live in. `region-allowed` judges every resource by it; region-wide settings insights
 * (EBS default encryption, Config recorder, CloudTrail coverage) leave regions outside it out of
 * scope, as AWS Control Tower leaves ungoverned regions.
 */
import type { ScanSettings } from '../../src/engine/context.js';
import { Type } from '@sinclair/typebox';
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import { GLOBAL_REGION, type AnyResource } from '../../src/model/resource.js';
import type { ResourceType } from '../../src/model/resource-types.js';

/** unrestricted: no allowed regions are configured. */
export type RegionScope = 'unrestricted' | 'allowed' | 'outside';

export function regionScope(region: string, allowedRegions: readonly string[]): RegionScope {
  if (allowedRegions.length === 0) return 'unrestricted';
  return allowedRegions.includes(region) ? 'allowed' : 'outside';
}

/** Settings of an account or of a region: they exist in every enabled region, nobody places them. */
const SETTINGS_TYPES: ReadonlySet<ResourceType> = new Set(['AWS::Account', 'AWS::Account::Region']);

/** The verdict of `region-allowed` on any resource. */
export function evaluateRegionAllowed(
  resource: Pick<AnyResource, 'type' | 'region'>,
  settings: Pick<ScanSettings, 'allowedRegions'>,
  verdict: VerdictFactory,
): Verdict {
  const { allowedRegions } = settings;
  if (SETTINGS_TYPES.has(resource.type)) {
    return verdict.notApplicable(() => `${resource.type} holds account or region settings, not a resource placed in a region`);
  }
  if (resource.region === GLOBAL_REGION) return verdict.notApplicable('global resources do not live in a region');
  switch (regionScope(resource.region, allowedRegions)) {
    case 'unrestricted':
      return verdict.notApplicable('no allowed regions are configured');
    case 'allowed':
      return verdict.pass(() => `${resource.region} is an allowed region`);
    case 'outside':
      return verdict.fail(`${resource.region} is not an allowed region (allowed: ${allowedRegions.join(', ')})`, {
        region: resource.region,
        allowedRegions,
      });
  }
}

/**
 * The parameter of region-wide settings insights (Config recorder, EBS default encryption,
 * CloudTrail coverage). CIS asks for every enabled region, since an attacker works where nobody
 * looks; an organisation that denies the other regions by SCP may judge only the allowed ones.
 */
export const onlyAllowedRegionsParam = Type.Boolean({
  default: false,
  description: 'Judge only the allowed regions of the configuration; by default every enabled region is judged, as CIS requires.',
});

/** Not applicable when the insight judges only allowed regions and this region is not one. */
export function outsideJudgedRegions(
  region: string,
  settings: Pick<ScanSettings, 'allowedRegions'>,
  onlyAllowedRegions: boolean,
  factory: VerdictFactory,
): Verdict | undefined {
  if (onlyAllowedRegions && regionScope(region, settings.allowedRegions) === 'outside') {
    return factory.notApplicable(`${region} is outside the allowed regions, and only those are judged (onlyAllowedRegions)`);
  }
  return undefined;
}
