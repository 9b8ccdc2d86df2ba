/**
 * Evaluates a snapshot file against a scan plan, streaming: a first pass keeps only the resource
 * types insights look up, the second evaluates every resource as it is read. Findings go to a
 * sink one at a time; the summary is built from counts, so memory does not grow with the file.
 */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../input/problem.js';
import { readSnapshot } from '../snapshot/snapshot-reader.js';
import type { SnapshotHeader } from '../snapshot/snapshot-header.js';
import type { AnyCollectedResource } from '../model/resource.js';
import type { ResourceType } from '../model/resource-types.js';
import { anonymousAccount, type AccountEntry } from '../config/account-entry.js';
import type { ExemptionIndex } from '../exemptions/exemption-matcher.js';
import { findingSubject, type Finding, type FindingStatus } from '../findings/finding.js';
import type { ResourceOwner } from '../findings/owner.js';
import { toFinding } from '../findings/to-finding.js';
import type { ScanInfo, ScanSummary } from '../findings/scan-output.js';
import { buildSummary } from './summary.js';
import type { InMemoryInventory } from './inventory.js';
import type { ScanPlan } from './scan-plan.js';
import { Tally } from './tally.js';
import { evaluateResource } from './evaluate-resource.js';
import { unreadableFieldsOf } from './unreadable-fields.js';
import { verdictFactory } from './verdict.js';

export interface ScanOptions {
  readonly file: string;
  readonly plan: ScanPlan;
  /** Must be the inventory the plan's contexts look up into. */
  readonly inventory: InMemoryInventory;
  readonly exemptions: ExemptionIndex;
  /** Accounts as the configuration describes them. */
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  /** Also emit pass and not-applicable findings. */
  readonly includeAll: boolean;
  readonly onFinding: (finding: Finding) => void;
  readonly clock?: () => Date;
  /** Who is told about a resource (notifications configured): each of its findings carries it as `owner`. */
  readonly ownerOf?: (resource: AnyCollectedResource) => ResourceOwner | undefined;
}

export interface ScanStats {
  /** Seconds spent reading, parsing and validating the snapshot (both passes). */
  readonly readSeconds: number;
  /** Seconds spent evaluating insights and emitting findings. */
  readonly evaluateSeconds: number;
  readonly lookupResources: number;
}

export interface ScanResult {
  readonly scan: ScanInfo;
  readonly summary: ScanSummary;
  readonly header: SnapshotHeader;
  readonly tally: Tally;
  readonly stats: ScanStats;
}

/** What the scan keeps per account while it visits: the configuration's entry and the counts. */
interface AccountState {
  readonly accountId: string;
  readonly entry: AccountEntry;
  resources: number;
  /** The account's verdict counters, from its first resource that an insight evaluates. */
  counters: Float64Array | undefined;
}

export type ScanOutcome = { ok: true; result: ScanResult } | { ok: false; problems: readonly Problem[] };

export async function scanSnapshot(options: ScanOptions): Promise<ScanOutcome> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const started = performance.now();
  const { plan, inventory } = options;

  // The lines the lookup pass reads are not parsed and validated again by the evaluation pass.
  const lookedUp = { lines: [] as number[], resources: [] as AnyCollectedResource[] };
  if (plan.lookupTypes.size > 0) {
    const pattern = lookupLinePattern(plan.lookupTypes);
    const indexed = await readSnapshot(
      options.file,
      (resource, line) => {
        inventory.add(resource);
        lookedUp.lines.push(line);
        lookedUp.resources.push(resource);
      },
      { lineFilter: (line) => pattern.test(line) },
    );
    if (!indexed.ok) return { ok: false, problems: indexed.problems };
    inventory.noteCoverage(indexed.value.header.coverage);
  }

  const tally = new Tally(plan.bindings.length);
  const failingBySeverity: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, informational: 0 };
  const accountStates = new Map<string, AccountState>();
  let evaluations = 0;
  let evaluateMs = 0;
  const { memo } = plan;
  const verdicts = verdictFactory({ keepAll: options.includeAll });
  for (const binding of plan.bindings) binding.ctx.verdict = verdicts;

  // Resources come account by account: the last account's state is at hand.
  let last: AccountState | undefined;
  const accountOf = (accountId: string): AccountState => {
    if (last !== undefined && last.accountId === accountId) return last;
    let state = accountStates.get(accountId);
    if (state === undefined) {
      state = { accountId, entry: options.accounts.get(accountId) ?? anonymousAccount(accountId), resources: 0, counters: undefined };
      accountStates.set(accountId, state);
    }
    last = state;
    return state;
  };

  const visit = (resource: AnyCollectedResource): void => {
    const state = accountOf(resource.accountId);
    state.resources++;
    const bindings = plan.byType.get(resource.type);
    if (bindings === undefined) return;
    const t0 = performance.now();
    const account = state.entry;
    const counters = (state.counters ??= tally.countersOf(resource.accountId));
    memo.visit(resource);
    // Definite fields that could not be read: an insight reading one gets error (engine/unreadable-fields.ts).
    const unreadable = unreadableFieldsOf(resource, plan.definiteReads.get(resource.type));
    // What the finding ids name: worked out for the first finding written, most resources have none.
    let subject: string | undefined;
    let owner: ResourceOwner | undefined | null = null;
    for (const binding of bindings) {
      binding.ctx.account = account;
      if (binding.paramsByAccount !== undefined) binding.ctx.params = binding.paramsByAccount.get(resource.accountId) ?? binding.params;
      const result = evaluateResource(binding.insight, resource, binding.ctx, unreadable);
      let status: FindingStatus = result.status;
      let exemption;
      if (status === 'fail') {
        exemption = options.exemptions.find(binding.insight.id, resource);
        if (exemption !== undefined) status = 'exempt';
        else failingBySeverity[binding.insight.severity]! += 1;
      }
      Tally.add(counters, binding.index, status);
      evaluations++;
      if (options.includeAll || status === 'fail' || status === 'error' || status === 'exempt') {
        subject ??= findingSubject(resource);
        const finding = toFinding(binding, resource, subject, status, result, exemption);
        if (options.ownerOf !== undefined) {
          if (owner === null) owner = options.ownerOf(resource);
          if (owner !== undefined) finding.owner = owner;
        }
        options.onFinding(finding);
      }
    }
    evaluateMs += performance.now() - t0;
  };

  const read = await readSnapshot(options.file, visit, { readBefore: lookedUp });
  if (!read.ok) return { ok: false, problems: read.problems };
  const header = read.value.header;
  const finishedAt = clock();
  const totalMs = performance.now() - started;

  const accountIds = new Set([...header.accounts.map((a) => a.id), ...accountStates.keys()]);
  const scan: ScanInfo = {
    id: randomUUID(),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    source: {
      kind: 'snapshot',
      file: options.file,
      collectedAt: header.collectedAt,
      collector: `${header.collector.tool} ${header.collector.version} (${header.collector.source})`,
    },
    accounts: [...accountIds].sort().map((id) => {
      const entry = options.accounts.get(id);
      const name = entry?.name ?? header.accounts.find((a) => a.id === id)?.name ?? id;
      return {
        id,
        name,
        ...(entry?.environment !== undefined && { environment: entry.environment }),
        ...(entry?.tenant !== undefined && { tenant: entry.tenant }),
        resources: accountStates.get(id)?.resources ?? 0,
      };
    }),
    coverage: header.coverage,
    resources: read.value.resources,
    evaluations,
    packs: plan.packs.map((pack) => pack.id),
    insights: [...new Set(plan.bindings.map((binding) => binding.insight.id))],
  };
  return {
    ok: true,
    result: {
      scan,
      summary: buildSummary(plan, tally, failingBySeverity, scan.accounts, options.includeAll),
      header,
      tally,
      stats: { readSeconds: (totalMs - evaluateMs) / 1000, evaluateSeconds: evaluateMs / 1000, lookupResources: inventory.size },
    },
  };
}

function lookupLinePattern(types: ReadonlySet<ResourceType>): RegExp {
  const alternatives = [...types].map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`"type"\\s*:\\s*"(?:${alternatives})"`);
}
