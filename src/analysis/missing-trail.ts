import { accountOfArn } from '../model/arn.js';

/**
 * Why a trail that logs a region is not in the inventory, as a verdict says it. Most often it is an
 * organization trail and the scan left out the account that owns it: from a member account its
 * status can be read but its event selectors cannot (GetEventSelectors answers only in the owner
 * account), so the trail is collected only there.
 */
export function missingTrailReason(arn: string, observerAccountId: string): string {
  const owner = accountOfArn(arn);
  if (owner !== undefined && owner !== observerAccountId) {
    return `the trail is not in the inventory: it belongs to account ${owner} (an organization trail, seen from this account), whose event selectors can be read only there; add account ${owner} to the scan`;
  }
  return 'the trail is not in the inventory';
}
