/**
 * The `accessAnalyzers` setting of `AWS::Account::Region`: every IAM Access Analyzer analyzer of
 * the region (ListAnalyzers, all pages, all types), so that insights decide which kinds count. No
 * analyzer is an empty list — a fail for the insight, not an error. An analyzer the collector
 * cannot read (no name, type or a status the model does not know) makes the list unknown: it could
 * be the one that counts.
 */
import { ListAnalyzersCommand, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import { arnFor } from '../../../model/arn.js';
import type { AccessAnalyzer } from '../../../model/types/account/account-region.js';
import type { Maybe } from '../../../model/unknown.js';
import type { SettingsContext } from '../../contract/collect-context.js';
import { defineSettingsCollector } from '../../contract/collector.js';
import { readAllPages } from '../../contract/paginate.js';
import { readEach, unexpected, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = SettingsContext<'AWS::Account::Region'>;

/** ListAnalyzers' maxResults has no documented ceiling; 100 keeps pages the size of other list calls. */
const PAGE_SIZE = 100;

const STATUSES: ReadonlySet<string> = new Set<AccessAnalyzer['status']>(['ACTIVE', 'CREATING', 'DISABLED', 'FAILED']);

function isStatus(status: string | undefined): status is AccessAnalyzer['status'] {
  return status !== undefined && STATUSES.has(status);
}

function normalise(analyzer: AnalyzerSummary): Read<AccessAnalyzer> {
  const { name, type, status } = analyzer;
  const which = name ?? analyzer.arn ?? 'an analyzer';
  if (name === undefined || type === undefined) return unexpected(`ListAnalyzers returned ${which} without a name or type`);
  if (!isStatus(status)) return unexpected(`analyzer ${name} has status ${status ?? '(none)'}`);
  return ok({ name, type, status });
}

async function analyzers(ctx: Ctx): Promise<Maybe<AccessAnalyzer[]>> {
  const ref = { arn: arnFor('AWS::Account::Region', ctx.accountId, ctx.region, ctx.region, ctx.partition) };
  const listed = await readAllPages(ctx, {
    command: (token) => new ListAnalyzersCommand({ maxResults: PAGE_SIZE, ...(token !== undefined ? { nextToken: token } : {}) }),
    items: (page) => page.analyzers,
    next: (page) => ({ token: page.nextToken, truncated: false }),
    resource: ref,
  });
  // A list that stopped part-way could have left out the analyzer that counts.
  if (listed.unknown !== undefined) return listed.unknown;
  const call = { service: 'accessanalyzer' as const, operation: 'ListAnalyzers', region: ctx.region };
  const read = readEach(listed.items, normalise);
  if (!read.ok) return ctx.unreadable(call, read.error.code, read.error.message, ref);
  return read.value.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export default defineSettingsCollector({
  resourceType: 'AWS::Account::Region',
  service: 'accessanalyzer',
  scope: 'region',
  fields: ['accessAnalyzers'],
  operations: [{ operation: 'ListAnalyzers', iamAction: 'access-analyzer:ListAnalyzers', fills: ['accessAnalyzers'] }],
  async collect(ctx) {
    if (!ctx.runs('ListAnalyzers')) return { accessAnalyzers: ctx.notCollected('ListAnalyzers') };
    return { accessAnalyzers: await analyzers(ctx) };
  },
});
