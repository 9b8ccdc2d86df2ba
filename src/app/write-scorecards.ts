/**
 * Writes the organisation's scorecard and one per tenant (`scorecard-<tenant>.html`), each with
 * the trends of its own accounts only when there is a history.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aggregate } from '../../scorecard/aggregate.js';
import { renderScorecardHtml } from '../../scorecard/html/scorecard-page.js';
import type { ScoreHistory } from '../../scorecard/score-history.js';
import type { ScorecardInput } from '../../scorecard/scorecard-input.js';
import type { ScorecardOutput } from '../../scorecard/scorecard-schema.js';
import { tenantSlug } from '../../scorecard/tenant-slug.js';
import { tenantView } from '../../scorecard/tenant-view.js';

export const TREND_DAYS = 30;

/** The scorecard of an input (already narrowed), with its accounts' trends from the history. */
export async function scorecardOf(
  input: ScorecardInput,
  options: { generatedAt: Date; tenant: string | null; history?: ScoreHistory },
): Promise<ScorecardOutput> {
  const trends = await options.history?.packTrends({
    accountIds: input.accounts.map((account) => account.id),
    packIds: input.packs.map((pack) => pack.id),
    days: TREND_DAYS,
    until: new Date(input.collectedAt),
  });
  return aggregate(input, { generatedAt: options.generatedAt, tenant: options.tenant, ...(trends !== undefined && { trends }) });
}

export async function writeScorecards(
  input: ScorecardInput,
  options: { outDir: string; generatedAt: Date; history?: ScoreHistory },
): Promise<{ organisation: ScorecardOutput; files: string[] }> {
  const organisation = await scorecardOf(input, { ...options, tenant: null });
  const files = [join(options.outDir, 'scorecard.html')];
  await writeFile(files[0]!, renderScorecardHtml(organisation));
  const tenants = [...new Set(input.accounts.map((account) => account.tenant).filter((tenant) => tenant !== undefined))].sort();
  for (const tenant of tenants) {
    const view = tenantView(input, tenant, 'scorecard');
    if (!view.ok) throw new Error(`tenant ${tenant} has accounts but no view: ${view.problem.message}`);
    const file = join(options.outDir, `scorecard-${tenantSlug(tenant)}.html`);
    await writeFile(file, renderScorecardHtml(await scorecardOf(view.input, { ...options, tenant })));
    files.push(file);
  }
  return { organisation, files };
}
