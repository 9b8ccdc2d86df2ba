import { expect, it } from 'vitest';
import { rollupTrend } from '../../src/store/daily-rollups.js';
import { historyWindow } from '../../src/store/history-window.js';
import { meanTimeToRemediate } from '../../src/store/mttr.js';
import { recordCrashedScan, recordScan } from '../../src/store/record-scan.js';
import { recordRemediation } from '../../src/store/remediation.js';
import { diffScans } from '../../src/store/scan-diff.js';
import { listScans } from '../../src/store/scan-list.js';
import type { Store } from '../../src/store/store.js';
import { describeEachEngine } from './support/engines.js';
import { ACCOUNT_A, ACCOUNT_B, day, idOf, testScan, type TestFinding } from './support/scans.js';

const fail = (resource: string, extra: Partial<TestFinding> = {}): TestFinding => ({ insight: 's3-bucket-public', resource, status: 'fail', ...extra });
const INSIGHTS = ['s3-bucket-public'];

/** Day 1: a, b, c fail. Day 2: a fixed, d new. Day 3: a fails again, b fixed, e new (exempt), c still. */
async function threeDays(store: Store): Promise<string[]> {
  const exemption = { reason: 'accepted', approvedBy: 'ciso@example.com', expires: '2027-01-01', file: 'x.yaml' };
  const ids: string[] = [];
  for (const [at, findings] of [
    [day(1), [fail('a'), fail('b', { severity: 'critical' }), fail('c', { account: ACCOUNT_B })]],
    [day(2), [fail('b', { severity: 'critical' }), fail('c', { account: ACCOUNT_B }), fail('d', { severity: 'low' })]],
    [day(3), [fail('a'), fail('c', { account: ACCOUNT_B }), fail('d', { severity: 'low' }), fail('e', { status: 'exempt', exemption })]],
  ] as const) {
    const scan = testScan({ at, insights: INSIGHTS, findings });
    await recordScan(store, scan);
    ids.push(scan.id);
  }
  return ids;
}

const names = (list: readonly { resource: { name: string } }[]) => list.map((f) => f.resource.name);

describeEachEngine('store queries', (engine) => {
  it('vigil diff: by default the last complete scan against the one before it of the same scope', async () => {
    const store = await engine.store();
    const [, second, third] = await threeDays(store);
    // neither a degraded nor a crashed scan is a default reference
    await recordScan(store, testScan({ at: day(4), unreachable: [ACCOUNT_B], accounts: { [ACCOUNT_A]: ['eu-west-1'] }, insights: INSIGHTS, findings: [] }));
    await recordCrashedScan(store, {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      startedAt: day(5),
      finishedAt: day(5),
      source: 'live',
      sourceFile: null,
      packs: [],
      error: 'boom',
    });
    const outcome = await diffScans(store, {});
    if (!outcome.ok) throw new Error(outcome.message);
    const { diff } = outcome;
    expect([diff.from.id, diff.to.id]).toEqual([second, third]);
    expect(names(diff.new)).toEqual([]);
    expect(names(diff.resolved)).toEqual(['b']);
    expect(names(diff.regressed)).toEqual(['a']);
    expect(names(diff.open)).toEqual(['c', 'd']);
    expect(diff.regressed[0]).toMatchObject({
      id: idOf('s3-bucket-public', 'a'),
      insight: 's3-bucket-public',
      status: 'fail',
      state: 'reopened',
      previousState: 'resolved',
      resource: { arn: 'arn:aws:s3:::a' },
    });
    expect(diff.resolved[0]).toMatchObject({ status: 'absent', state: 'resolved', previousState: 'open', severity: 'critical' });
  });

  it('vigil diff --from --to: any two scans, states folded from the transitions as they were then', async () => {
    const store = await engine.store();
    const [first, second, third] = await threeDays(store);
    const outcome = await diffScans(store, { from: first!, to: second! });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(names(outcome.diff.new)).toEqual(['d']);
    expect(names(outcome.diff.resolved)).toEqual(['a']);
    expect(outcome.diff.resolved[0]).toMatchObject({ state: 'resolved', status: 'absent' });
    expect(names(outcome.diff.open)).toEqual(['b', 'c']);
    // scans in either order, ids by a unique prefix
    const reversed = await diffScans(store, { from: third!.slice(0, 8), to: first! });
    if (!reversed.ok) throw new Error(reversed.message);
    expect([reversed.diff.from.id, reversed.diff.to.id]).toEqual([first, third]);
    // a was resolved in between and fails again: regressed, not simply still open
    expect(names(reversed.diff.regressed)).toEqual(['a']);
    expect(names(reversed.diff.open)).toEqual(['c']);
    expect(names(reversed.diff.new)).toEqual(['d']);
    expect(names(reversed.diff.resolved)).toEqual(['b']);
  });

  it('vigil diff explains what it cannot compare', async () => {
    const store = await engine.store();
    expect(await diffScans(store, {})).toMatchObject({ ok: false, message: expect.stringMatching(/no complete scan/) });
    await recordScan(store, testScan({ at: day(1), insights: INSIGHTS, findings: [] }));
    expect(await diffScans(store, {})).toMatchObject({ ok: false, message: expect.stringMatching(/first complete scan of its scope/) });
    expect(await diffScans(store, { from: 'abcdef12' })).toMatchObject({ ok: false, message: expect.stringMatching(/--from: no scan abcdef12/) });
    expect(await diffScans(store, { to: 'not a scan' })).toMatchObject({ ok: false, message: expect.stringMatching(/--to: 'not a scan' is not a scan id/) });
  });

  it('vigil history --since: the changes in the window with counts, by account and by pack', async () => {
    const store = await engine.store();
    await threeDays(store);
    // the window is after `since`, up to and including `until`
    const window = await historyWindow(store, { since: day(1), until: day(3) });
    expect(window.counts).toEqual({ opened: 1, reopened: 1, resolved: 2, remediated: 0, exempted: 1 });
    expect((await historyWindow(store, { since: day(1, 5), until: day(3) })).counts.opened).toBe(4);
    expect(window.changes.map((c) => [c.state, c.finding.resource.name, c.at])).toEqual([
      ['open', 'd', day(2)],
      ['resolved', 'a', day(2)],
      ['reopened', 'a', day(3)],
      ['exempt', 'e', day(3)],
      ['resolved', 'b', day(3)],
    ]);
    expect((await historyWindow(store, { since: day(0), until: day(3), accountId: ACCOUNT_B })).changes.map((c) => c.finding.resource.name)).toEqual(['c']);
    expect((await historyWindow(store, { since: day(1), until: day(3), pack: 'soc2' })).changes).toEqual([]);
    expect((await historyWindow(store, { since: day(0), until: day(3), pack: 'cis-aws' })).counts.opened).toBe(4);
  });

  it("vigil history --mttr: mean time to remediate per severity, account and control, counting a bot's remediation", async () => {
    const store = await engine.store();
    await threeDays(store);
    await recordRemediation(store, { findingId: idOf('s3-bucket-public', 'd'), bot: 'fixer', at: day(3, 18) });
    const report = await meanTimeToRemediate(store, { since: day(1), until: day(4) });
    // a: day 1 → day 2 (1 day); b: day 1 → day 3 (2 days); d: day 2 06:00 → day 3 18:00 (1.5 days)
    expect(report.overall).toEqual({ resolved: 3, meanDays: 1.5, medianDays: 1.5 });
    expect(report.bySeverity).toEqual([
      { severity: 'critical', resolved: 1, meanDays: 2, medianDays: 2 },
      { severity: 'high', resolved: 1, meanDays: 1, medianDays: 1 },
      { severity: 'low', resolved: 1, meanDays: 1.5, medianDays: 1.5 },
    ]);
    expect(report.byAccount).toEqual([{ accountId: ACCOUNT_A, resolved: 3, meanDays: 1.5, medianDays: 1.5 }]);
    expect(report.byControl).toEqual([{ pack: 'cis-aws', control: '2.1.1', resolved: 3, meanDays: 1.5, medianDays: 1.5 }]);
    // only resolutions inside the window count
    expect((await meanTimeToRemediate(store, { since: day(2), until: day(4) })).overall).toEqual({ resolved: 2, meanDays: 1.75, medianDays: 1.75 });
  });

  it('vigil scans list: newest first, with what each changed', async () => {
    const store = await engine.store();
    await threeDays(store);
    const scans = await listScans(store, { limit: 2 });
    expect(scans.map((s) => [s.observedAt, s.status, s.opened, s.reopened, s.resolved, s.exempted, s.findings])).toEqual([
      [day(3), 'complete', 0, 1, 1, 1, 4],
      [day(2), 'complete', 1, 0, 1, 0, 3],
    ]);
    expect((await listScans(store, { limit: 10, accountId: '999999999999' })).length).toBe(0);
  });

  it("per-day roll-ups: the day's latest scan per account and control, written only when a count changed", async () => {
    const store = await engine.store();
    const counts = (fail: number) => [
      { accountId: ACCOUNT_A, pack: 'cis-aws', control: '2.1.1', pass: 10, fail, error: 1, exempt: 0, notApplicable: 2 },
      { accountId: ACCOUNT_B, pack: 'cis-aws', control: '2.1.1', pass: 5, fail: 0, error: 0, exempt: 0, notApplicable: 0 },
    ];
    const written = async (at: string, fail: number) =>
      (await recordScan(store, testScan({ at, insights: INSIGHTS, findings: [], rollups: counts(fail) }))).rollups;
    expect(await written(day(1), 3)).toBe(2);
    expect(await written(day(1, 18), 2)).toBe(1);
    expect(await written(day(1, 20), 2)).toBe(0);
    expect(await written(day(2), 2)).toBe(2);
    // a late scan of day 1 does not replace the day's latest
    expect(await written(day(1, 12), 9)).toBe(0);
    expect(await rollupTrend(store.db, { pack: 'cis-aws', since: day(1) })).toEqual([
      { day: day(1).slice(0, 10), pass: 15, fail: 2, error: 1, exempt: 0, notApplicable: 2, coverage: 17 / 18 },
      { day: day(2).slice(0, 10), pass: 15, fail: 2, error: 1, exempt: 0, notApplicable: 2, coverage: 17 / 18 },
    ]);
    expect((await rollupTrend(store.db, { pack: 'cis-aws', control: '2.1.1', accountId: ACCOUNT_B, since: day(2) }))[0]).toMatchObject({ pass: 5, fail: 0 });
  });
});
