/**
 * `AWS::Logs::LogGroup`, per region: every log group of DescribeLogGroups (all pages) and — as the
 * selection asks — the region's metric filters and each group's tags. DescribeMetricFilters is
 * called once for the region, without a log group name, and its filters are grouped by log group:
 * one listing instead of one per group. When that listing fails or answers something the model
 * cannot hold, every group's filters are unknown: a partial listing cannot tell "no filter" from
 * "not read".
 */
import {
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  ListTagsForResourceCommand,
  type LogGroup,
  type MetricFilter as ApiMetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import { arnFor } from '../../../model/arn.js';
import type { Tags } from '../../../model/resource.js';
import type { LogGroupConfig, MetricFilter } from '../../../model/types/logs/log-group.js';
import type { Maybe, Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { absentFrom, leftOut } from '../../contract/reported.js';
import { unexpected, UNEXPECTED_RESPONSE, type Read, type ReadProblem } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = CollectContext<'AWS::Logs::LogGroup'>;

/** DescribeLogGroups and DescribeMetricFilters return at most 50 items a page. */
const PAGE_SIZE = 50;

/** The log group ARN without the `:*` that DescribeLogGroups' `arn` carries. */
function logGroupArn(ctx: Ctx, group: LogGroup, name: string): string {
  return group.logGroupArn ?? group.arn?.replace(/:\*$/, '') ?? arnFor('AWS::Logs::LogGroup', ctx.accountId, ctx.region, name, ctx.partition);
}

/** A metric filter as the model holds it, or what is missing from it. */
function metricFilter(filter: ApiMetricFilter): Read<MetricFilter> {
  if (filter.filterName === undefined) return unexpected(`a metric filter of ${String(filter.logGroupName)} without filterName`);
  const transformations: MetricFilter['metricTransformations'] = [];
  for (const t of filter.metricTransformations ?? []) {
    if (t.metricName === undefined || t.metricNamespace === undefined)
      return unexpected(`metric filter ${filter.filterName} has a transformation without metricName or metricNamespace`);
    transformations.push({ metricName: t.metricName, metricNamespace: t.metricNamespace });
  }
  // CloudWatch Logs leaves out an empty pattern, which matches every event.
  return ok({ filterName: filter.filterName, filterPattern: filter.filterPattern ?? '', metricTransformations: transformations });
}

/** The metric filters of each log group of the region, by log group name; a group without filters is absent. */
async function metricFiltersByGroup(ctx: Ctx): Promise<(name: string) => LogGroupConfig['metricFilters']> {
  if (!ctx.runs('DescribeMetricFilters')) {
    const notCollected = ctx.notCollected('DescribeMetricFilters');
    return () => notCollected;
  }
  const pages = await readAllPages(ctx, {
    command: (token) => new DescribeMetricFiltersCommand({ limit: PAGE_SIZE, ...(token !== undefined ? { nextToken: token } : {}) }),
    items: (page) => page.metricFilters,
    next: (page) => ({ token: page.nextToken, truncated: false }),
  });
  if (pages.unknown !== undefined) {
    const failed = pages.unknown;
    return () => failed;
  }
  const call: CallRef = { service: 'logs', operation: 'DescribeMetricFilters', region: ctx.region };
  const unreadable = ({ code, message }: ReadProblem): ((name: string) => Unknown) => {
    const value = ctx.unreadable(call, code, `DescribeMetricFilters returned ${message}`);
    return () => value;
  };
  const byGroup = new Map<string, MetricFilter[]>();
  for (const filter of pages.items) {
    const read = metricFilter(filter);
    if (!read.ok) return unreadable(read.error);
    const normalised = read.value;
    const group = filter.logGroupName;
    if (group === undefined) return unreadable({ code: UNEXPECTED_RESPONSE, message: `metric filter ${normalised.filterName} without logGroupName` });
    const filters = byGroup.get(group) ?? [];
    // A filter repeated by a retried page is kept once.
    if (!filters.some((f) => f.filterName === normalised.filterName)) filters.push(normalised);
    byGroup.set(group, filters);
  }
  return (name) => byGroup.get(name) ?? [];
}

async function tags(ctx: Ctx, arn: string): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTagsForResource')) return ctx.notCollected('ListTagsForResource');
  // Not paginated: a log group has at most 50 tags.
  const outcome = await ctx.send(new ListTagsForResourceCommand({ resourceArn: arn }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn });
  return tagMap(
    Object.entries(outcome.value.tags ?? {}),
    ([key]) => key,
    ([, value]) => value,
  );
}

export default defineCollector({
  resourceType: 'AWS::Logs::LogGroup',
  service: 'logs',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeLogGroups',
      iamAction: 'logs:DescribeLogGroups',
      fills: ['logGroupName', 'retentionInDays', 'kmsKeyId', 'name', 'createdAt'],
      required: true,
      lists: true,
    },
    { operation: 'DescribeMetricFilters', iamAction: 'logs:DescribeMetricFilters', fills: ['metricFilters'] },
    { operation: 'ListTagsForResource', iamAction: 'logs:ListTagsForResource', fills: ['tags'] },
  ],
  async collect(ctx) {
    const [listed, filtersOf] = await Promise.all([
      readAllPages(ctx, {
        command: (token) => new DescribeLogGroupsCommand({ limit: PAGE_SIZE, ...(token !== undefined ? { nextToken: token } : {}) }),
        items: (page) => page.logGroups,
        next: (page) => ({ token: page.nextToken, truncated: false }),
      }),
      metricFiltersByGroup(ctx),
    ]);
    const call: CallRef = { service: 'logs', operation: 'DescribeLogGroups', region: ctx.region };
    await Promise.all(listedOnce(ctx, call, listed.items, (g) => g.logGroupName, 'logGroupName').map((group) => collectLogGroup(ctx, group, call, filtersOf)));
  },
});

async function collectLogGroup(ctx: Ctx, group: LogGroup, call: CallRef, filtersOf: (name: string) => LogGroupConfig['metricFilters']): Promise<void> {
  const name = group.logGroupName;
  if (name === undefined) {
    leftOut(ctx, call, absentFrom(call, 'logGroupName', String(group.arn)), group.arn !== undefined ? { arn: group.arn } : {});
    return;
  }
  const arn = logGroupArn(ctx, group, name);
  const resource = ctx.resource({
    arn,
    id: name,
    tags: await tags(ctx, arn),
    config: {
      logGroupName: name,
      // Absent: the events never expire.
      retentionInDays: group.retentionInDays ?? null,
      kmsKeyId: group.kmsKeyId ?? null,
      metricFilters: filtersOf(name),
    },
  });
  const createdAt = isoDate(group.creationTime === undefined ? undefined : new Date(group.creationTime));
  if (createdAt !== null) resource.createdAt = createdAt;
  ctx.emit(resource);
}
