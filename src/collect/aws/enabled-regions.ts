/**
 * The regions to collect an account in: the ones asked for, or the regions enabled in the account
 * (DescribeRegions without AllRegions lists enabled regions only, so opt-in regions that were
 * never enabled are not tried and do not fill coverage with errors).
 */
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from './aws-clients.js';
import { describeAwsError } from './aws-error.js';

export type RegionsResult = { ok: true; regions: string[] } | { ok: false; code: string; message: string };

export async function enabledRegions(clients: AwsClients, accountId: string, homeRegion: string): Promise<RegionsResult> {
  try {
    const answer = await clients.get('ec2', accountId, homeRegion).send(new DescribeRegionsCommand({ AllRegions: false }));
    const regions = (answer.Regions ?? [])
      .filter((r) => r.OptInStatus === undefined || r.OptInStatus === 'opt-in-not-required' || r.OptInStatus === 'opted-in')
      .flatMap((r) => (r.RegionName === undefined ? [] : [r.RegionName]))
      .sort();
    return { ok: true, regions };
  } catch (error) {
    const failure = describeAwsError(error);
    return { ok: false, code: failure.code, message: failure.message };
  }
}
