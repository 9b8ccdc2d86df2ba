/**
 * What bots choose from: the resources of their types in a snapshot, each with the findings of the
 * insights their filters name (after exemptions, passing ones too: a filter may ask for `pass`).
 * The scan plan holds only those insights, so a bot plan never evaluates a whole pack.
 */
import type { LoadedBot } from '../bots/loaded-bot.js';
import type { Candidate } from '../bots/runtime/plan-bot.js';
import { scanSnapshot } from '../engine/scan.js';
import type { FindingStatus } from '../findings/finding.js';
import type { Problem } from '../input/problem.js';
import type { Resource } from '../model/resource.js';
import { readSnapshot } from '../snapshot/snapshot-reader.js';
import { prepareScan } from './prepare-scan.js';

export type Candidates = { ok: true; candidates: Candidate[] } | { ok: false; problems: readonly Problem[]; usage: readonly string[] };

export interface CandidateInputs {
  readonly bots: readonly LoadedBot[];
  readonly configFile?: string | undefined;
  readonly insightDirs: readonly string[];
  readonly exemptionsFile?: string | undefined;
  readonly snapshot: string;
  readonly now: Date;
}

export async function botCandidates(inputs: CandidateInputs): Promise<Candidates> {
  const types = new Set<string>(inputs.bots.map((bot) => bot.resourceType));
  const resources: Resource[] = [];
  const read = await readSnapshot(
    inputs.snapshot,
    (resource) => {
      // A collected resource may hold unknown fields; actions refuse what they could not read.
      if (types.has(resource.type)) resources.push(resource as unknown as Resource);
    },
    { lineFilter: (line) => [...types].some((type) => line.includes(`"${type}"`)) },
  );
  if (!read.ok) return { ok: false, problems: read.problems, usage: [] };

  const findings = new Map<string, Map<string, { status: FindingStatus; id: string }>>();
  const insightIds = [...new Set(inputs.bots.flatMap((bot) => bot.insights))];
  if (insightIds.length > 0) {
    const prepared = await prepareScan({
      ...(inputs.configFile !== undefined && { configFile: inputs.configFile }),
      insightIds,
      insightDirs: [...inputs.insightDirs],
      ...(inputs.exemptionsFile !== undefined && { exemptionsFile: inputs.exemptionsFile }),
      now: inputs.now,
    });
    if (!prepared.ok) return { ok: false, problems: prepared.problems, usage: prepared.usage };
    const scan = prepared.value;
    const outcome = await scanSnapshot({
      file: inputs.snapshot,
      plan: scan.plan,
      inventory: scan.inventory,
      exemptions: scan.exemptionIndex,
      accounts: scan.accounts,
      includeAll: true,
      onFinding: (finding) => {
        if (!types.has(finding.resource.type)) return;
        const byInsight = findings.get(finding.resource.arn) ?? new Map<string, { status: FindingStatus; id: string }>();
        byInsight.set(finding.insight, { status: finding.status, id: finding.id });
        findings.set(finding.resource.arn, byInsight);
      },
      clock: () => inputs.now,
    });
    if (!outcome.ok) return { ok: false, problems: outcome.problems, usage: [] };
  }
  return { ok: true, candidates: resources.map((resource) => ({ resource, findings: findings.get(resource.arn) ?? new Map() })) };
}
