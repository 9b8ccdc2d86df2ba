/**
 * A synthetic organisation's scorecard input of any size (accounts × controls), for the benchmark
 * and scale tests: three packs, sections of ten controls, a quarter of the cells failing, some
 * erroring, some not applicable, manual controls, and one failing finding per failing evaluation.
 */
import type { Finding, FindingStatus } from '../src/findings/finding.js';
import { emptyCounts, type Counts } from '../src/findings/score.js';
import { severities } from '../src/model/severity.js';
import { controlKey, type AccountCounts, type ScorecardInput, type ScorecardPack } from './scorecard-input.js';

export function syntheticScorecardInput(options: { accounts: number; controls: number; seed: number }): ScorecardInput {
  let state = options.seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const insightCount = Math.max(1, Math.round(options.controls / 4));
  const insights = Array.from({ length: insightCount }, (_, i) => ({
    id: `insight-${i}`,
    title: `Synthetic insight number ${i} checks a setting`,
    severity: severities[i % 4]!,
  }));
  const packCount = 3;
  const packs: ScorecardPack[] = Array.from({ length: packCount }, (_, p) => ({
    id: `pack-${p}`,
    name: `Synthetic pack ${p}`,
    version: '1',
    controls: Array.from({ length: Math.ceil(options.controls / packCount) }, (_, c) => {
      const manual = c % 12 === 11;
      return {
        id: `${p + 1}.${Math.floor(c / 10) + 1}.${(c % 10) + 1}`,
        title: `Synthetic control ${c} of pack ${p}: resources are configured as the framework requires`,
        section: `${Math.floor(c / 10) + 1} Section ${Math.floor(c / 10) + 1}`,
        insights: manual ? [] : [insights[(p * 7 + c) % insightCount]!.id],
        ...(manual && { manual: 'Ask the team for evidence.' }),
      };
    }),
  }));
  const accounts = Array.from({ length: options.accounts }, (_, a) => ({
    id: String(100_000_000_000 + a * 7919),
    name: `account-${a}`,
    environment: ['production', 'staging', 'development', 'security'][a % 4]!,
    ...(a % 3 === 0 && { tenant: `Tenant ${a % 9}` }),
    owner: `team-${a % 17}`,
  }));

  const counts = new Map<string, AccountCounts>();
  const issues: Finding[] = [];
  for (const account of accounts) {
    const byInsight = new Map<string, Counts>();
    for (const insight of insights) {
      const c = emptyCounts();
      const roll = random();
      if (roll < 0.1) c.notApplicable = 3;
      else {
        c.pass = 1 + Math.floor(random() * 12);
        if (roll < 0.35) c.fail = 1 + Math.floor(random() * 3);
        if (roll > 0.97) c.error = 1;
        if (roll > 0.95 && roll <= 0.97) c.exempt = 1;
      }
      byInsight.set(insight.id, c);
      const add = (status: FindingStatus, n: number) => {
        for (let i = 0; i < n; i++) {
          const name = `res-${account.name}-${insight.id}-${i}`;
          issues.push({
            id: `${account.id}${insight.id}${i}`.padEnd(32, '0').slice(0, 32),
            insight: insight.id,
            title: insight.title,
            severity: insight.severity,
            status,
            resource: { arn: `arn:aws:s3:::${name}`, type: 'AWS::S3::Bucket', accountId: account.id, region: 'eu-west-1', name },
            reason: status === 'error' ? 'the setting could not be read: AccessDenied' : 'the setting is off',
            evidence: null,
            remediation: { console: `Turn on ${insight.id} in the S3 console.`, cli: `aws s3api fix --bucket ${name}`, docs: `docs/insights/${insight.id}.md` },
            controls: packs.flatMap((pack) =>
              pack.controls.filter((control) => control.insights.includes(insight.id)).map((control) => ({ pack: pack.id, control: control.id })),
            ),
          });
        }
      };
      add('fail', c.fail);
      add('error', c.error);
      add('exempt', c.exempt);
    }
    const controls = new Map<string, Counts>();
    const packCounts = new Map<string, Counts>();
    for (const pack of packs) {
      const total = emptyCounts();
      for (const control of pack.controls) {
        const c = control.insights.length === 0 ? emptyCounts() : { ...byInsight.get(control.insights[0]!)! };
        controls.set(controlKey(pack.id, control.id), c);
      }
      for (const id of new Set(pack.controls.flatMap((control) => control.insights))) {
        const c = byInsight.get(id)!;
        total.pass += c.pass;
        total.fail += c.fail;
        total.error += c.error;
        total.exempt += c.exempt;
        total.notApplicable += c.notApplicable;
      }
      packCounts.set(pack.id, total);
    }
    counts.set(account.id, { controls, packs: packCounts, insights: byInsight });
  }
  return { scanId: 'synthetic', collectedAt: '2026-11-20T06:00:00.000Z', accounts, packs, insights, counts, issues, coverage: [] };
}
