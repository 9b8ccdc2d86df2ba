/**
 * The daily report's content, gathered from the store: scores per pack and per environment with the
 * change since the previous day (daily roll-ups), new and regressed failures and resolved items
 * since the window's start (scan diff), bot activity (audit log, plans), exemptions expiring within
 * 7 days, coverage gaps and notifications that could not be delivered (outbox).
 */
import type { AccountEntry } from '../../src/config/account-entry.js';
import type { CompiledExemption } from '../../src/exemptions/exemption-matcher.js';
import type { CoverageEntry } from '../../src/snapshot/coverage.js';
import { auditRecords } from '../../src/store/audit-log.js';
import { outboxMessages } from '../../src/store/outbox.js';
import { diffScans, type DiffFinding } from '../../src/store/scan-diff.js';
import { listScans, type ScanListEntry } from '../../src/store/scan-list.js';
import type { Store } from '../../src/store/store.js';
import { changeSince } from '../aggregate.js';
import type { DailyScore } from '../score-history.js';
import { storeHistory } from '../store-history.js';

export const EXPIRY_DAYS = 7;
const UNGROUPED = 'unassigned';

export interface ReportScore {
  readonly name: string;
  readonly score: number | null;
  /** Since the previous day; null without one. */
  readonly change: number | null;
}

export interface ReportFinding {
  readonly id: string;
  readonly severity: string;
  readonly title: string;
  readonly resource: string;
  readonly arn: string;
  readonly account: string;
  readonly owner: string;
  readonly since: string;
}

export interface DailyReport {
  readonly generatedAt: string;
  readonly windowStart: string;
  readonly recipients: { readonly to: readonly string[]; readonly cc: readonly string[] };
  readonly scan: { readonly id: string; readonly observedAt: string; readonly status: string; readonly comparedWith: string | null };
  readonly packs: readonly ReportScore[];
  readonly environments: readonly ReportScore[];
  readonly newFailures: readonly ReportFinding[];
  readonly regressions: readonly ReportFinding[];
  readonly resolved: readonly (ReportFinding & { readonly fixedBy: string })[];
  readonly bots: {
    readonly actions: readonly { readonly at: string; readonly actor: string; readonly action: string; readonly resource: string; readonly mode: string }[];
    readonly plansWaiting: readonly { readonly bot: string; readonly action: string; readonly resource: string; readonly since: string }[];
    readonly breakersTripped: number;
    readonly failures: number;
  };
  readonly exemptionsExpiring: readonly { readonly insight: string; readonly reason: string; readonly approvedBy: string; readonly expires: string }[];
  readonly coverageGaps: readonly { readonly account: string; readonly what: string }[];
  readonly undelivered: readonly { readonly channel: string; readonly error: string; readonly attempts: number }[];
}

export interface ReportInputs {
  readonly store: Store;
  readonly accounts: readonly AccountEntry[];
  readonly packNames: ReadonlyMap<string, string>;
  readonly exemptions: readonly CompiledExemption[];
  /** The latest scan's coverage, when known (the store keeps only the scan's status). */
  readonly coverage?: readonly CoverageEntry[];
  readonly recipients: DailyReport['recipients'];
  readonly windowStart: string;
  readonly now: Date;
}

export type ReportOutcome = { ok: true; report: DailyReport } | { ok: false; message: string };

export async function buildDailyReport(inputs: ReportInputs): Promise<ReportOutcome> {
  const { store } = inputs;
  const scans = await listScans(store, { limit: 200 });
  const latest = scans.find((scan) => scan.status === 'complete');
  if (latest === undefined) return { ok: false, message: `no complete scan recorded in the store ${store.description} yet` };
  // The reference: the last complete scan at or before the window's start, else the scan before.
  const reference =
    scans.find((scan) => scan.status === 'complete' && scan.id !== latest.id && scan.observedAt <= inputs.windowStart) ?? earlier(scans, latest);
  const diff = reference === undefined ? undefined : await diffScans(store, { from: reference.id, to: latest.id });
  if (diff !== undefined && !diff.ok) return { ok: false, message: diff.message };

  const entry = new Map(inputs.accounts.map((account) => [account.id, account]));
  const nameOf = (id: string) => entry.get(id)?.name ?? id;
  const ownerOf = (id: string) => entry.get(id)?.owner?.name ?? entry.get(id)?.owner?.email ?? `owner of ${nameOf(id)}`;
  const toReport = (finding: DiffFinding, since: string): ReportFinding => ({
    id: finding.id,
    severity: finding.severity,
    title: finding.title,
    resource: finding.resource.name,
    arn: finding.resource.arn,
    account: nameOf(finding.resource.accountId),
    owner: ownerOf(finding.resource.accountId),
    since,
  });
  const serious = (finding: DiffFinding) => finding.severity === 'critical' || finding.severity === 'high';
  const bySeverity = (a: ReportFinding, b: ReportFinding) =>
    rank(b.severity) - rank(a.severity) || a.account.localeCompare(b.account) || a.resource.localeCompare(b.resource);

  const history = storeHistory(store);
  const until = new Date(latest.observedAt);
  const trends = await history.packTrends({ accountIds: latest.accounts, packIds: latest.packs, days: 8, until });
  const packs = latest.packs.map((pack) => scoreOf(inputs.packNames.get(pack) ?? pack, [trends.get(pack) ?? []], latest.observedAt));
  const environments = new Map<string, string[]>();
  for (const id of latest.accounts) {
    const env = entry.get(id)?.environment ?? UNGROUPED;
    environments.set(env, [...(environments.get(env) ?? []), id]);
  }
  const environmentScores: ReportScore[] = [];
  for (const [env, ids] of [...environments].sort(([a], [b]) => a.localeCompare(b))) {
    const envTrends = await history.packTrends({ accountIds: ids, packIds: latest.packs, days: 8, until });
    environmentScores.push(scoreOf(env, [...envTrends.values()], latest.observedAt));
  }

  const dayAgo = new Date(inputs.now.getTime() - 86_400_000).toISOString();
  const audit = (await auditRecords(store, { limit: 10_000 })).filter((record) => record.at >= dayAgo);
  const pending = await store.db
    .selectFrom('plans')
    .select(['bot', 'action', 'resource_arn', 'created_at'])
    .where('state', '=', 'pending')
    .orderBy('created_at')
    .execute();
  const dead = await outboxMessages(store, 'dead');

  const horizon = inputs.now.getTime() + EXPIRY_DAYS * 86_400_000;
  const expiring = inputs.exemptions
    .filter((compiled) => compiled.endsAt > inputs.now.getTime() && compiled.endsAt <= horizon)
    .map((compiled) => ({
      insight: compiled.exemption.insight,
      reason: compiled.exemption.reason,
      approvedBy: compiled.exemption.approvedBy,
      expires: compiled.exemption.expires,
    }));

  const scanned = new Set(latest.accounts);
  const coverageGaps = [
    ...inputs.accounts.filter((account) => !scanned.has(account.id)).map((account) => ({ account: account.name, what: 'not scanned' })),
    ...(inputs.coverage ?? []).map((gap) => ({
      account: nameOf(gap.accountId),
      what: `${gap.region} ${gap.service}:${gap.operation} — ${gap.error.code}${gap.count !== undefined && gap.count > 1 ? ` ×${gap.count}` : ''}`,
    })),
    ...(latest.status === 'complete' ? [] : [{ account: 'all', what: `the latest scan is ${latest.status}` }]),
  ];

  const d = diff?.diff;
  return {
    ok: true,
    report: {
      generatedAt: inputs.now.toISOString(),
      windowStart: inputs.windowStart,
      recipients: inputs.recipients,
      scan: { id: latest.id, observedAt: latest.observedAt, status: latest.status, comparedWith: reference?.observedAt ?? null },
      packs,
      environments: environmentScores,
      newFailures: (d?.new ?? [])
        .filter(serious)
        .map((f) => toReport(f, f.firstSeen))
        .sort(bySeverity),
      regressions: (d?.regressed ?? []).map((f) => toReport(f, f.lastSeen)).sort(bySeverity),
      resolved: (d?.resolved ?? [])
        .map((f) => ({ ...toReport(f, f.resolvedAt ?? f.lastSeen), fixedBy: fixedBy(f.resolvedBy, ownerOf(f.resource.accountId)) }))
        .sort(bySeverity),
      bots: {
        actions: audit.map((record) => ({ at: record.at, actor: record.actor, action: record.action, resource: record.resourceArn, mode: record.mode })),
        plansWaiting: pending.map((plan) => ({ bot: plan.bot, action: plan.action, resource: plan.resource_arn, since: plan.created_at })),
        breakersTripped: audit.filter((record) => record.action === 'circuit-breaker').length,
        failures: audit.filter((record) => record.detail['error'] !== undefined).length,
      },
      exemptionsExpiring: expiring,
      coverageGaps,
      undelivered: dead.map((message) => ({
        channel: String(message.channel),
        error: String(message.last_error ?? 'unknown error'),
        attempts: Number(message.attempts),
      })),
    },
  };
}

function earlier(scans: readonly ScanListEntry[], latest: ScanListEntry): ScanListEntry | undefined {
  return scans.find((scan) => scan.id === latest.previousScan);
}

/** Summed over packs (or accounts): the day's score and its change, roll-up with roll-up. */
function scoreOf(name: string, trends: readonly (readonly DailyScore[])[], observedAt: string): ReportScore {
  const byDay = new Map<string, { pass: number; fail: number }>();
  for (const trend of trends) {
    for (const point of trend) {
      const into = byDay.get(point.date) ?? { pass: 0, fail: 0 };
      into.pass += point.pass;
      into.fail += point.fail;
      byDay.set(point.date, into);
    }
  }
  const points: DailyScore[] = [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, c]) => ({ date, ...c, score: c.pass + c.fail === 0 ? null : Math.round((c.pass / (c.pass + c.fail)) * 10_000) / 10_000 }));
  const today = points.find((point) => point.date === observedAt.slice(0, 10));
  return { name, score: today?.score ?? null, change: changeSince(points, observedAt) };
}

/** The store says `owner` when the finding passed without a bot, else the bot's id. */
function fixedBy(resolvedBy: string | null, owner: string): string {
  return resolvedBy === null || resolvedBy === 'owner' ? `${owner} (owner)` : `bot ${resolvedBy}`;
}

function rank(severity: string): number {
  return ['informational', 'low', 'medium', 'high', 'critical'].indexOf(severity);
}
