import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../scorecard/aggregate.js';
import { inputFromFindings } from '../../scorecard/input-from-findings.js';
import { selectPacks } from '../../scorecard/pack-selection.js';
import { controlKey, type ScorecardInput } from '../../scorecard/scorecard-input.js';
import { tenantView } from '../../scorecard/tenant-view.js';
import { insightRegistry } from '../../src/app/insight-registry.js';
import { emptyCounts, type Counts } from '../../src/findings/score.js';
import { demoScorecard, type DemoScorecard } from './support/demo-scorecard.js';

const at = { generatedAt: new Date('2026-11-20T07:00:00.000Z'), tenant: null };
let demo: DemoScorecard;
beforeAll(async () => {
  demo = await demoScorecard();
});
afterAll(() => demo.dispose());

const counts = (over: Partial<Counts>): Counts => ({ ...emptyCounts(), ...over });

/** A one-pack, two-account input whose counts each test states. */
function smallInput(cells: Record<string, Counts>, manual = false): ScorecardInput {
  const accounts = ['111111111111', '222222222222'];
  return {
    scanId: 'scan',
    collectedAt: '2026-11-20T06:00:00.000Z',
    accounts: accounts.map((id) => ({ id, name: `acct-${id.slice(0, 1)}`, environment: 'production' })),
    packs: [{ id: 'p', name: 'P', version: '1', controls: [{ id: 'C1', title: 'one', insights: ['i1'], ...(manual && { manual: 'look' }) }] }],
    insights: [{ id: 'i1', title: 'Insight one', severity: 'high' }],
    counts: new Map(
      accounts.map((id) => {
        const c = cells[id] ?? emptyCounts();
        return [id, { controls: new Map([[controlKey('p', 'C1'), c]]), packs: new Map([['p', c]]), insights: new Map([['i1', c]]) }];
      }),
    ),
    issues: [],
    coverage: [],
  };
}

describe('scorecard aggregation', () => {
  it('gives the same scorecard from the scan tallies and from the findings file written with --all', () => {
    expect(aggregate(demo.fromFile, at)).toEqual(aggregate(demo.fromScan, at));
  });

  it("gives each pack the scan summary's score, coverage and counts", () => {
    const card = aggregate(demo.fromScan, at);
    for (const pack of demo.output.summary.packs) {
      const shown = card.packs.find((p) => p.id === pack.id)!;
      expect({ score: shown.score, coverage: shown.coverage, pass: shown.pass, fail: shown.fail, error: shown.error, exempt: shown.exempt }).toEqual({
        score: pack.score,
        coverage: pack.coverage,
        pass: pack.pass,
        fail: pack.fail,
        error: pack.error,
        exempt: pack.exempt,
      });
    }
  });

  it("counts each cell's verdicts from the findings of that account and control, and totals rows and columns", () => {
    const card = aggregate(demo.fromScan, at);
    const findings = demo.output.findings;
    const row = card.controls.find((c) => c.pack === 'cis-aws' && c.cells.some((cell) => cell.fail > 0 && cell.pass > 0))!;
    for (const cell of row.cells) {
      const mine = findings.filter((f) => f.resource.accountId === cell.account && f.controls.some((r) => r.pack === row.pack && r.control === row.id));
      expect([cell.pass, cell.fail, cell.error]).toEqual([
        mine.filter((f) => f.status === 'pass').length,
        mine.filter((f) => f.status === 'fail').length,
        mine.filter((f) => f.status === 'error').length,
      ]);
    }
    expect(row.fail).toBe(row.cells.reduce((sum, cell) => sum + cell.fail, 0));
    // Column totals count each evaluation once: together they are the scan's totals.
    expect(card.accounts.reduce((sum, a) => sum + a.fail, 0)).toBe(demo.output.summary.fail);
    expect(card.accounts.reduce((sum, a) => sum + a.pass, 0)).toBe(demo.output.summary.pass);
    expect(card.issues).toHaveLength(findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable').length);
  });

  it('never shows an account where every check errored as passing', () => {
    const card = aggregate(smallInput({ '111111111111': counts({ error: 3 }), '222222222222': counts({ pass: 2, error: 1 }) }), at);
    const [errored, partly] = card.controls[0]!.cells;
    expect(errored).toMatchObject({ status: 'error', score: null, coverage: 0 });
    expect(partly).toMatchObject({ status: 'error', score: 1, coverage: 0.6667 });
    expect(card.packs[0]!.status).toBe('error');
  });

  it('marks manual controls and accounts where nothing applied, without a score', () => {
    const manual = aggregate(smallInput({}, true), at);
    expect(manual.controls[0]!.cells.map((c) => [c.status, c.score])).toEqual([
      ['manual', null],
      ['manual', null],
    ]);
    expect(manual.packs[0]!.manualControls).toBe(1);
    const nothing = aggregate(smallInput({ '111111111111': counts({ notApplicable: 4 }) }), at);
    expect(nothing.controls[0]!.cells[0]).toMatchObject({ status: 'not-applicable', score: null, coverage: null });
  });

  it("gives the change since the previous day's stored score, and no trend or change without history", () => {
    const input = smallInput({ '111111111111': counts({ pass: 3, fail: 1 }) });
    expect(aggregate(input, at).packs[0]).toMatchObject({ score: 0.75, change: null, trend: [] });
    const trends = new Map([
      [
        'p',
        [
          { date: '2026-11-18', score: 0.5, pass: 1, fail: 1 },
          { date: '2026-11-19', score: 0.6, pass: 3, fail: 2 },
          { date: '2026-11-20', score: 0.75, pass: 3, fail: 1 },
        ],
      ],
    ]);
    expect(aggregate(input, { ...at, trends }).packs[0]).toMatchObject({ change: 0.15, trend: trends.get('p')!.map(({ date, score }) => ({ date, score })) });
    // Without the scan day's own point there is nothing to compare with.
    expect(aggregate(input, { ...at, trends: new Map([['p', trends.get('p')!.slice(0, 2)]]) }).packs[0]!.change).toBeNull();
  });

  it('groups the columns by environment', () => {
    const card = aggregate(demo.fromScan, at);
    const groups = card.accounts.map((a) => a.group);
    expect(groups).toEqual([...groups].sort());
    expect(new Set(groups)).toEqual(new Set(['development', 'production', 'security']));
  });

  it("narrows a tenant's view to its accounts before adding anything up", () => {
    const view = tenantView(demo.fromScan, 'Harbor Bank', 'findings.json');
    if (!view.ok) throw new Error(view.problem.message);
    const card = aggregate(view.input, { ...at, tenant: 'Harbor Bank' });
    expect(card.accounts.map((a) => a.name)).toEqual(['harbor-bank-prod']);
    const harbor = card.accounts[0]!.id;
    expect(card.issues.every((issue) => issue.account === harbor)).toBe(true);
    expect(card.coverageGaps.every((gap) => gap.accountId === harbor)).toBe(true);
    for (const pack of card.packs) {
      const own = demo.fromScan.counts.get(harbor)!.packs.get(pack.id)!;
      expect([pack.pass, pack.fail, pack.error]).toEqual([own.pass, own.fail, own.error]);
    }
    const text = JSON.stringify(card);
    for (const other of demo.fromScan.accounts.filter((a) => a.tenant !== 'Harbor Bank')) {
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(other.name);
    }
    expect(text).not.toContain('Northwind');
  });

  it('refuses an unknown tenant and an unknown pack, naming the ones there are', () => {
    const view = tenantView(demo.fromScan, 'Nobody', 'findings.json');
    expect(view.ok).toBe(false);
    if (!view.ok) expect(view.problem.message).toBe("--tenant: no account serves tenant 'Nobody' (tenants: Harbor Bank, Northwind Savings)");
    const packs = selectPacks(demo.fromScan, ['nope'], 'findings.json');
    expect(packs.ok).toBe(false);
    if (!packs.ok) expect(packs.problem.message).toContain('--pack: nope not in the scan');
  });

  it('narrows to one pack: its controls, its insights and the findings under it', () => {
    const selected = selectPacks(demo.fromScan, ['bank-saas'], 'findings.json');
    if (!selected.ok) throw new Error(selected.problem.message);
    const card = aggregate(selected.input, at);
    expect(new Set(card.controls.map((c) => c.pack))).toEqual(new Set(['bank-saas']));
    expect(card.issues.every((issue) => issue.controls.some((ref) => ref.pack === 'bank-saas'))).toBe(true);
    const bankInsights = new Set(demo.output.summary.packs.find((p) => p.id === 'bank-saas')!.controls.flatMap((c) => c.insights));
    expect(card.insights.every((i) => bankInsights.has(i.id))).toBe(true);
  });

  it('refuses a findings file that holds only the failures', () => {
    const failuresOnly = { ...demo.output, findings: demo.output.findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable') };
    const input = inputFromFindings(failuresOnly, 'findings.json', { insights: insightRegistry([]).insights });
    expect(input.ok).toBe(false);
    if (!input.ok) {
      expect(input.problem.file).toBe('findings.json');
      expect(input.problem.message).toMatch(/does not hold every verdict .*pass: 0 of \d+.*vigil scan --all/);
    }
  });
});
