/**
 * Adds a scorecard input up into the heat map's cells, row and column totals, pack scores and the
 * "by insight" view. Every total is summed from the cells of the input's accounts, so a view
 * narrowed to a tenant holds nothing computed from another tenant's accounts.
 */
import { addCounts, controlStatus, coverage, emptyCounts, score, type Counts } from '../src/findings/score.js';
import { severityRank, type Severity } from '../src/model/severity.js';
import type { DailyScore } from './score-history.js';
import { controlKey, type ScorecardAccount, type ScorecardInput } from './scorecard-input.js';
import type { ScorecardCell, ScorecardIssue, ScorecardOutput } from './scorecard-schema.js';

export interface AggregateOptions {
  readonly generatedAt: Date;
  /** The tenant the input was narrowed to (tenant-view.ts), or null. */
  readonly tenant: string | null;
  /** Per pack, daily scores from the store, oldest first; absent without history. */
  readonly trends?: ReadonlyMap<string, readonly DailyScore[]>;
}

const UNGROUPED = 'unassigned';

export function aggregate(input: ScorecardInput, options: AggregateOptions): ScorecardOutput {
  const accounts = orderedAccounts(input.accounts);
  const countsOf = (accountId: string) => input.counts.get(accountId);
  const severityOf = new Map(input.insights.map((insight) => [insight.id, insight.severity]));

  // Column totals: each evaluation once, over the insights of the packs shown.
  const accountTotals = new Map(accounts.map((account) => [account.id, emptyCounts()]));
  const controls: ScorecardOutput['controls'] = [];
  const packs: ScorecardOutput['packs'] = [];
  for (const pack of input.packs) {
    const packCounts = emptyCounts();
    let manualControls = 0;
    for (const control of pack.controls) {
      const manual = control.manual !== undefined;
      if (manual) manualControls++;
      const key = controlKey(pack.id, control.id);
      const rowCounts = emptyCounts();
      const cells = accounts.map((account) => {
        const counts = countsOf(account.id)?.controls.get(key) ?? emptyCounts();
        addCounts(rowCounts, counts);
        return cell(account.id, counts, manual);
      });
      controls.push({
        pack: pack.id,
        id: control.id,
        title: control.title,
        ...(control.section !== undefined && { section: control.section }),
        ...(control.manual !== undefined && { manual: control.manual }),
        severity: highest(control.insights.map((id) => severityOf.get(id)).filter((s) => s !== undefined)),
        ...tallied(rowCounts, manual),
        cells,
      });
    }
    for (const account of accounts) addCounts(packCounts, countsOf(account.id)?.packs.get(pack.id) ?? emptyCounts());
    const trend = options.trends?.get(pack.id) ?? [];
    const packScore = score(packCounts);
    packs.push({
      id: pack.id,
      name: pack.name,
      version: pack.version,
      ...tallied(packCounts, false),
      score: packScore,
      manualControls,
      change: changeSince(trend, input.collectedAt),
      trend: trend.map((point) => ({ date: point.date, score: point.score })),
    });
  }

  const insights: ScorecardOutput['insights'] = input.insights.map((insight) => {
    const rowCounts = emptyCounts();
    const cells = accounts.map((account) => {
      const counts = countsOf(account.id)?.insights.get(insight.id) ?? emptyCounts();
      addCounts(rowCounts, counts);
      addCounts(accountTotals.get(account.id)!, counts);
      return cell(account.id, counts, false);
    });
    return { id: insight.id, title: insight.title, severity: insight.severity, ...tallied(rowCounts, false), cells };
  });

  const ownerOf = new Map(accounts.map((account) => [account.id, account.owner ?? null]));
  const issues: ScorecardIssue[] = input.issues
    .filter((finding) => ownerOf.has(finding.resource.accountId))
    .map((finding) => ({
      id: finding.id,
      insight: finding.insight,
      severity: finding.severity,
      status: finding.status,
      account: finding.resource.accountId,
      region: finding.resource.region,
      resource: { arn: finding.resource.arn, type: finding.resource.type, name: finding.resource.name },
      reason: finding.reason,
      owner: ownerOf.get(finding.resource.accountId) ?? null,
      firstSeen: finding.firstSeen ?? null,
      exemption:
        finding.exemption === undefined
          ? null
          : { reason: finding.exemption.reason, approvedBy: finding.exemption.approvedBy, expires: finding.exemption.expires },
      controls: finding.controls,
    }));

  return {
    schemaVersion: 1,
    scan: { id: input.scanId, collectedAt: input.collectedAt, generatedAt: options.generatedAt.toISOString() },
    tenant: options.tenant,
    accounts: accounts.map((account) => ({
      id: account.id,
      name: account.name,
      ...(account.environment !== undefined && { environment: account.environment }),
      ...(account.tenant !== undefined && { tenant: account.tenant }),
      group: groupOf(account),
      ...tallied(accountTotals.get(account.id)!, false),
    })),
    packs,
    controls,
    insights,
    issues,
    coverageGaps: input.coverage.filter((entry) => ownerOf.has(entry.accountId)),
  };
}

/** Columns: accounts grouped by environment (groups and accounts in name order). */
function orderedAccounts(accounts: readonly ScorecardAccount[]): ScorecardAccount[] {
  return [...accounts].sort((a, b) => groupOf(a).localeCompare(groupOf(b)) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function groupOf(account: ScorecardAccount): string {
  return account.environment ?? UNGROUPED;
}

function cell(account: string, counts: Counts, manual: boolean): ScorecardCell {
  return { account, ...tallied(counts, manual) };
}

function tallied(counts: Counts, manual: boolean) {
  return {
    status: controlStatus(counts, manual),
    score: manual ? null : score(counts),
    coverage: manual ? null : coverage(counts),
    ...counts,
  };
}

function highest(severities: readonly Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const severity of severities) if (worst === null || severityRank(severity) > severityRank(worst)) worst = severity;
  return worst;
}

/**
 * The scan day's stored score minus the latest stored score of an earlier day: both from the same
 * history, so the change compares like with like. Null when either day is missing.
 */
export function changeSince(trend: readonly DailyScore[], collectedAt: string): number | null {
  const day = collectedAt.slice(0, 10);
  const today = trend.find((point) => point.date === day);
  const previous = [...trend].reverse().find((point) => point.date < day);
  if (today?.score == null || previous?.score == null) return null;
  return Math.round((today.score - previous.score) * 10_000) / 10_000;
}
