/**
 * `AWS::CloudTrail::Trail`, per region: the trails whose home is the region (DescribeTrails without
 * shadow trails), then — as the selection asks — each trail's logging status, its event selectors
 * and its tags. A multi-region trail is so reported once, in its home region; an organization trail
 * only by the account that owns it (its shadow in a member account is not returned, and one that
 * still came back with another account's ARN is left to that account's scan). Which trails log a
 * region is the `trailArns` setting of `AWS::Account::Region`.
 */
import { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, ListTagsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { accountOfArn, arnFor } from '../../../model/arn.js';
import type { Tags } from '../../../model/resource.js';
import type { CloudTrailTrailConfig } from '../../../model/types/cloudtrail/trail.js';
import type { Maybe, Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { listedOnce, tagMap, uniqueBy } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { managementEventsOf } from './management-events.js';
import { s3DataEventsOf } from './s3-data-events.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::CloudTrail::Trail'>;

/** ListTags takes at most 20 ARNs a call. */
const TAGS_PER_CALL = 20;

interface HomeTrail {
  readonly arn: string;
  readonly name: string;
  readonly trail: Trail;
}

/** The trails of the listing that this account owns and that have their home in this region. */
function homeTrails(ctx: Ctx, trails: readonly Trail[], call: CallRef): HomeTrail[] {
  const home: HomeTrail[] = [];
  // The name is the last part of the trail's ARN: `trail/<name>`.
  const named = listedOnce(ctx, call, trails, (trail) => nameOf(trail), 'Name or TrailARN');
  for (const trail of named) {
    const name = nameOf(trail) as string;
    const arn = trail.TrailARN ?? arnFor('AWS::CloudTrail::Trail', ctx.accountId, ctx.region, name, ctx.partition);
    if ((trail.HomeRegion ?? ctx.region) !== ctx.region) continue;
    if (accountOfArn(arn) !== undefined && accountOfArn(arn) !== ctx.accountId) continue;
    home.push({ arn, name, trail });
  }
  return uniqueBy(home, (t) => t.arn);
}

function nameOf(trail: Trail): string | undefined {
  if (trail.Name !== undefined && trail.Name !== '') return trail.Name;
  const fromArn = trail.TrailARN?.split(':trail/')[1];
  return fromArn !== undefined && fromArn !== '' ? fromArn : undefined;
}

function flag(ctx: Ctx, call: CallRef, value: boolean | undefined, field: string, arn: string): Maybe<boolean> {
  return value ?? ctx.unreadable(call, UNEXPECTED_RESPONSE, `DescribeTrails returned no ${field}`, { arn });
}

async function isLogging(ctx: Ctx, trail: HomeTrail): Promise<CloudTrailTrailConfig['isLogging']> {
  if (!ctx.runs('GetTrailStatus')) return ctx.notCollected('GetTrailStatus');
  const outcome = await ctx.send(new GetTrailStatusCommand({ Name: trail.arn }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn: trail.arn });
  return outcome.value.IsLogging ?? ctx.unreadable(outcome.call, UNEXPECTED_RESPONSE, 'GetTrailStatus returned no IsLogging', { arn: trail.arn });
}

type SelectedEvents = Pick<CloudTrailTrailConfig, 'managementEvents' | 's3DataEvents'>;

/** The management and S3 data events the trail records, both read from one GetEventSelectors answer. */
async function selectedEvents(ctx: Ctx, trail: HomeTrail): Promise<SelectedEvents> {
  if (!ctx.runs('GetEventSelectors')) {
    const notCollected = ctx.notCollected('GetEventSelectors');
    return { managementEvents: notCollected, s3DataEvents: notCollected };
  }
  const outcome = await ctx.send(new GetEventSelectorsCommand({ TrailName: trail.arn }));
  if (!outcome.ok) {
    const failed = ctx.unknownOf(outcome, { arn: trail.arn });
    return { managementEvents: failed, s3DataEvents: failed };
  }
  return { managementEvents: managementEventsOf(outcome.value), s3DataEvents: s3DataEventsOf(outcome.value) };
}

/** Tags per trail ARN, read 20 trails a call; a batch that fails leaves its trails' tags unknown. */
async function tagsByTrail(ctx: Ctx, arns: readonly string[]): Promise<(arn: string) => Maybe<Tags>> {
  if (!ctx.runs('ListTags')) {
    const notCollected = ctx.notCollected('ListTags');
    return () => notCollected;
  }
  const batches: string[][] = [];
  for (let i = 0; i < arns.length; i += TAGS_PER_CALL) batches.push(arns.slice(i, i + TAGS_PER_CALL));
  const tags = new Map<string, Tags>();
  const failed = new Map<string, Unknown>();
  await Promise.all(
    batches.map(async (batch) => {
      const pages = await readAllPages(ctx, {
        command: (token) => new ListTagsCommand({ ResourceIdList: batch, ...(token !== undefined ? { NextToken: token } : {}) }),
        items: (page) => page.ResourceTagList,
        next: (page) => ({ token: page.NextToken, truncated: false }),
        ...(batch.length === 1 ? { resource: { arn: batch[0] as string } } : {}),
      });
      if (pages.unknown !== undefined) {
        for (const arn of batch) failed.set(arn, pages.unknown);
        return;
      }
      for (const entry of pages.items) {
        if (entry.ResourceId === undefined) continue;
        // One trail's tags may span pages.
        tags.set(entry.ResourceId, {
          ...tags.get(entry.ResourceId),
          ...tagMap(
            entry.TagsList,
            (t) => t.Key,
            (t) => t.Value,
          ),
        });
      }
    }),
  );
  return (arn) => failed.get(arn) ?? tags.get(arn) ?? {};
}

export default defineCollector({
  resourceType: 'AWS::CloudTrail::Trail',
  service: 'cloudtrail',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeTrails',
      iamAction: 'cloudtrail:DescribeTrails',
      fills: [
        'homeRegion',
        'isMultiRegionTrail',
        'isOrganizationTrail',
        'logFileValidationEnabled',
        'kmsKeyId',
        's3BucketName',
        'cloudWatchLogsLogGroupArn',
        'name',
      ],
      required: true,
      lists: true,
    },
    { operation: 'GetTrailStatus', iamAction: 'cloudtrail:GetTrailStatus', fills: ['isLogging'] },
    { operation: 'GetEventSelectors', iamAction: 'cloudtrail:GetEventSelectors', fills: ['managementEvents', 's3DataEvents'] },
    { operation: 'ListTags', iamAction: 'cloudtrail:ListTags', fills: ['tags'] },
  ],
  async collect(ctx) {
    // DescribeTrails is not paginated: one call returns every trail of the region.
    const outcome = await ctx.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    if (!outcome.ok) {
      ctx.unknownOf(outcome);
      return;
    }
    const trails = homeTrails(ctx, outcome.value.trailList ?? [], outcome.call);
    const tagsOf = await tagsByTrail(
      ctx,
      trails.map((t) => t.arn),
    );
    await Promise.all(trails.map((trail) => collectTrail(ctx, trail, outcome.call, tagsOf(trail.arn))));
  },
});

async function collectTrail(ctx: Ctx, home: HomeTrail, described: CallRef, tags: Maybe<Tags>): Promise<void> {
  const { arn, name, trail } = home;
  const [logging, events] = await Promise.all([isLogging(ctx, home), selectedEvents(ctx, home)]);
  const resource = ctx.resource({
    arn,
    id: name,
    tags,
    config: {
      homeRegion: trail.HomeRegion ?? ctx.region,
      isMultiRegionTrail: flag(ctx, described, trail.IsMultiRegionTrail, 'IsMultiRegionTrail', arn),
      isOrganizationTrail: flag(ctx, described, trail.IsOrganizationTrail, 'IsOrganizationTrail', arn),
      logFileValidationEnabled: flag(ctx, described, trail.LogFileValidationEnabled, 'LogFileValidationEnabled', arn),
      // No key: the logs are encrypted with SSE-S3.
      kmsKeyId: trail.KmsKeyId ?? null,
      s3BucketName: trail.S3BucketName ?? null,
      cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ?? null,
      isLogging: logging,
      managementEvents: events.managementEvents,
      s3DataEvents: events.s3DataEvents,
    },
  });
  ctx.emit(resource);
}
