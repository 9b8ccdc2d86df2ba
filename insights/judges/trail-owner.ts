/**
 * A trail is judged in the account that owns it: an organization trail appears in member accounts'
 * inventories too (through AWS Config or shadow listings), and its settings are the management
 * account's to fix.
 */
import type { Verdict, VerdictFactory } from '../../src/engine/verdict.js';
import { accountOfArn } from '../../src/model/arn.js';
import type { Resource } from '../../src/model/resource.js';

export function trailOfAnotherAccount(trail: Resource<'AWS::CloudTrail::Trail'>, verdict: VerdictFactory): Verdict | undefined {
  const owner = accountOfArn(trail.arn);
  if (owner !== undefined && owner !== trail.accountId) return verdict.notApplicable(`the trail belongs to account ${owner} and is judged there`);
  return undefined;
}
