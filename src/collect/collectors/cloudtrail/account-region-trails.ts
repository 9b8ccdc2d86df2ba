/**
 * The `trailArns` setting of `AWS::Account::Region`: the trails that log the region — its own
 * trails and the shadows of multi-region and organization trails whose home is elsewhere, or whose
 * owner is another account (DescribeTrails with shadow trails). A shadow of a single-region trail
 * does not log this region and is not counted. The trails themselves are `AWS::CloudTrail::Trail`
 * resources of their home region and owner.
 */
import { DescribeTrailsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { arnFor } from '../../../model/arn.js';
import { defineSettingsCollector } from '../../contract/collector.js';

/** Whether the trail records events of `region`: its home is there, or it is multi-region. */
export function logsRegion(trail: Trail, region: string): boolean {
  return trail.HomeRegion === region || trail.IsMultiRegionTrail === true;
}

function regionArn(ctx: { accountId: string; region: string; partition: string }): string {
  return arnFor('AWS::Account::Region', ctx.accountId, ctx.region, ctx.region, ctx.partition);
}

export default defineSettingsCollector({
  resourceType: 'AWS::Account::Region',
  service: 'cloudtrail',
  scope: 'region',
  fields: ['trailArns'],
  operations: [{ operation: 'DescribeTrails', iamAction: 'cloudtrail:DescribeTrails', fills: ['trailArns'] }],
  async collect(ctx) {
    if (!ctx.runs('DescribeTrails')) return { trailArns: ctx.notCollected('DescribeTrails') };
    const outcome = await ctx.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    if (!outcome.ok) return { trailArns: ctx.unknownOf(outcome, { arn: regionArn(ctx) }) };
    const region = { arn: regionArn(ctx) };
    const arns = new Set<string>();
    for (const trail of outcome.value.trailList ?? []) {
      // A trail that cannot be placed or named could be the one that logs the region: not knowing it is not "no trail".
      if (trail.HomeRegion === undefined || trail.TrailARN === undefined) {
        const which = trail.Name ?? trail.TrailARN ?? 'a trail';
        return { trailArns: ctx.unreadable(outcome.call, 'UnexpectedResponse', `DescribeTrails returned ${which} without HomeRegion or TrailARN`, region) };
      }
      if (logsRegion(trail, ctx.region)) arns.add(trail.TrailARN);
    }
    return { trailArns: [...arns].sort() };
  },
});
