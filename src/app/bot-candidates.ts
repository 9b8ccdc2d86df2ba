/**
 * What bots choose from: the resources of their types in a snapshot, each with the findings of the
 * insights their filters name (after exemptions, passing ones too: a filter may ask for `pass`).
 * The bots' scan plan holds only those insights, so a bot plan never evaluates a whole pack; the
 * same plan re-evaluates a resource read again live.
 */
import type { LoadedBot } from '../bots/loaded-bot.js';
import type { FindingsScope } from '../bots/runtime/candidate-findings.js';
import type { Candidate } from '../bots/runtime/plan-bot.js';
import { scanSnapshot } from '../engine/scan.js';
import type { FindingStatus } from '../findings/finding.js';
import type { Problem } from '../input/problem.js';
import type { Resource } from '../model/resource.js';
import { resourceConfigSchemas, type ResourceType } from '../model/resource-types.js';
import { readSnapshot } from '../snapshot/snapshot-reader.js';
import { selectionOf } from './live-collection.js';
import { prepareScan, type PreparedScan } from './prepare-scan.js';

export interface BotScanInputs {
  readonly configFile?: string | undefined;
  readonly insightDirs: readonly string[];
  readonly exemptionsFile?: string | undefined;
  readonly now: Date;
}

export type BotScan = { ok: true; scan: PreparedScan; scope: FindingsScope } | { ok: false; problems: readonly Problem[]; usage: readonly string[] };

/** The scan of the insights the bots' filters name (none named: the packs' insights of the bots' types, never evaluated in bulk). */
export async function prepareBotScan(bots: readonly LoadedBot[], inputs: BotScanInputs): Promise<BotScan> {
  const prepared = await prepareScan({
    ...(inputs.configFile !== undefined && { configFile: inputs.configFile }),
    insightIds: [...new Set(bots.flatMap((bot) => bot.insights))],
    insightDirs: [...inputs.insightDirs],
    ...(inputs.exemptionsFile !== undefined && { exemptionsFile: inputs.exemptionsFile }),
    now: inputs.now,
  });
  if (!prepared.ok) return { ok: false, problems: prepared.problems, usage: prepared.usage };
  const scan = prepared.value;
  return { ok: true, scan, scope: { plan: scan.plan, exemptions: scan.exemptionIndex, accounts: scan.accounts } };
}

/** What to collect: every field of the bots' types (their actions read them), and what their insights read. */
export function botSelection(bots: readonly LoadedBot[], scan: PreparedScan): Map<ResourceType, Set<string>> {
  const selection = bots.some((bot) => bot.insights.length > 0) ? selectionOf(scan.plan) : new Map<ResourceType, Set<string>>();
  for (const bot of bots) selection.set(bot.resourceType, new Set(Object.keys(resourceConfigSchemas[bot.resourceType].properties)));
  return selection;
}

export type Candidates = { ok: true; candidates: Candidate[] } | { ok: false; problems: readonly Problem[] };

export async function botCandidates(bots: readonly LoadedBot[], scan: PreparedScan, snapshot: string, now: Date): Promise<Candidates> {
  const types = new Set<string>(bots.map((bot) => bot.resourceType));
  const resources: Resource[] = [];
  const read = await readSnapshot(
    snapshot,
    (resource) => {
      // A collected resource may hold unknown fields; actions refuse what they could not read.
      if (types.has(resource.type)) resources.push(resource as unknown as Resource);
    },
    { lineFilter: (line) => [...types].some((type) => line.includes(`"${type}"`)) },
  );
  if (!read.ok) return { ok: false, problems: read.problems };

  const findings = new Map<string, Map<string, { status: FindingStatus; id: string }>>();
  if (bots.some((bot) => bot.insights.length > 0)) {
    const outcome = await scanSnapshot({
      file: snapshot,
      plan: scan.plan,
      inventory: scan.inventory,
      exemptions: scan.exemptionIndex,
      accounts: scan.accounts,
      includeAll: true,
      onFinding: (finding) => {
        if (!types.has(finding.resource.type)) return;
        const byInsight = findings.get(finding.resource.arn) ?? new Map<string, { status: FindingStatus; id: string }>();
        const seen = byInsight.get(finding.insight);
        // One insight run with several parameter sets: a bot sees a failing variant first.
        if (seen === undefined || (seen.status !== 'fail' && finding.status === 'fail'))
          byInsight.set(finding.insight, { status: finding.status, id: finding.id });
        findings.set(finding.resource.arn, byInsight);
      },
      clock: () => now,
    });
    if (!outcome.ok) return { ok: false, problems: outcome.problems };
  }
  return { ok: true, candidates: resources.map((resource) => ({ resource, findings: findings.get(resource.arn) ?? new Map() })) };
}
