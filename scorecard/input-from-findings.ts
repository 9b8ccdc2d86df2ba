/**
 * A scorecard input from a findings file. Per-account scores need every verdict, so the file must
 * hold the pass and not-applicable findings too (`vigil scan --all`): a file of failures alone
 * would make every account look as if nothing had passed — or, worse, as if nothing had been checked.
 */
import type { AccountEntry } from '../src/config/account-entry.js';
import type { Finding, FindingStatus } from '../src/findings/finding.js';
import type { ScanOutput } from '../src/findings/scan-output.js';
import { emptyCounts, type Counts } from '../src/findings/score.js';
import { problem, type Problem } from '../src/input/problem.js';
import type { Insight } from '../src/engine/define-insight.js';
import { accountsOf, packsOf } from './scan-structure.js';
import { controlKey, isIssue, type ScorecardInput, type ScorecardInsight } from './scorecard-input.js';

const countField: Record<FindingStatus, keyof Counts> = { pass: 'pass', fail: 'fail', error: 'error', exempt: 'exempt', 'not-applicable': 'notApplicable' };

export type FromFindings = { ok: true; input: ScorecardInput } | { ok: false; problem: Problem };

export function inputFromFindings(
  output: ScanOutput,
  file: string,
  context: { readonly insights: ReadonlyMap<string, Insight>; readonly accounts?: ReadonlyMap<string, AccountEntry> },
): FromFindings {
  const held = emptyCounts();
  for (const finding of output.findings) held[countField[finding.status]]++;
  const summary = output.summary;
  const missing = (Object.keys(held) as (keyof Counts)[]).filter((field) => held[field] !== summary[field]);
  if (missing.length > 0) {
    const detail = missing.map((field) => `${field}: ${held[field]} of ${summary[field]}`).join(', ');
    return {
      ok: false,
      problem: problem(
        file,
        1,
        1,
        `findings: the file does not hold every verdict its summary counts (${detail}); per-account scores need them all: write it with \`vigil scan --all\``,
      ),
    };
  }

  const counts = new Map<string, { controls: Map<string, Counts>; packs: Map<string, Counts>; insights: Map<string, Counts> }>();
  const tally = (finding: Finding) => {
    let account = counts.get(finding.resource.accountId);
    if (account === undefined) {
      account = { controls: new Map(), packs: new Map(), insights: new Map() };
      counts.set(finding.resource.accountId, account);
    }
    const field = countField[finding.status];
    bump(account.insights, finding.insight, field);
    for (const ref of finding.controls) bump(account.controls, controlKey(ref.pack, ref.control), field);
    for (const pack of new Set(finding.controls.map((ref) => ref.pack))) bump(account.packs, pack, field);
  };
  for (const finding of output.findings) tally(finding);

  const titles = new Map(output.findings.map((finding) => [finding.insight, { title: finding.title, severity: finding.severity }]));
  const insights: ScorecardInsight[] = output.scan.insights.map((id) => {
    const known = context.insights.get(id) ?? titles.get(id);
    return { id, title: known?.title ?? id, severity: known?.severity ?? 'informational' };
  });

  return {
    ok: true,
    input: {
      scanId: output.scan.id,
      collectedAt: output.scan.source.collectedAt,
      accounts: accountsOf(output.scan, context.accounts),
      packs: packsOf(summary),
      insights,
      counts,
      issues: output.findings.filter(isIssue),
      coverage: output.scan.coverage,
    },
  };
}

function bump(into: Map<string, Counts>, key: string, field: keyof Counts): void {
  let counts = into.get(key);
  if (counts === undefined) {
    counts = emptyCounts();
    into.set(key, counts);
  }
  counts[field]++;
}
