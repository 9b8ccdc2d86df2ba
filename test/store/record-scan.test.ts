import { expect, it } from 'vitest';
import { findingHistory, type FindingHistory } from '../../src/store/finding-history.js';
import { exemptionHistory } from '../../src/store/exemption-history.js';
import { ListingDigest, isListed } from '../../src/store/account-listings.js';
import { findingLifecycles, recordCrashedScan, recordScan as recordOnly, type ScanToRecord } from '../../src/store/record-scan.js';
import { recordRemediation as remediateOnly } from '../../src/store/remediation.js';
import { listScans } from '../../src/store/scan-list.js';
import type { Store } from '../../src/store/store.js';
import { describeEachEngine } from './support/engines.js';
import { ACCOUNT_A, ACCOUNT_B, day, idOf, REGION, testScan, type TestFinding } from './support/scans.js';

const fail = (resource: string, extra: Partial<TestFinding> = {}): TestFinding => ({ insight: 's3-bucket-public', resource, status: 'fail', ...extra });

/**
 * Records, then checks the per-account listing digests the recorder keeps against the findings
 * themselves: the shortcut for unchanged accounts is only as good as they are.
 */
async function recordScan(store: Store, scan: ScanToRecord) {
  const recorded = await recordOnly(store, scan);
  await expectListingsMatch(store);
  return recorded;
}

async function recordRemediation(store: Store, remediation: Parameters<typeof remediateOnly>[1]) {
  const outcome = await remediateOnly(store, remediation);
  await expectListingsMatch(store);
  return outcome;
}

async function expectListingsMatch(store: Store): Promise<void> {
  const expected = new Map<string, ListingDigest>();
  for (const row of await store.db.selectFrom('findings').select(['account_id', 'state', 'status', 'content_hash']).execute()) {
    if (!isListed(row)) continue;
    const digest = expected.get(row.account_id) ?? new ListingDigest();
    digest.toggle(row.content_hash, 1);
    expected.set(row.account_id, digest);
  }
  const stored = await store.db.selectFrom('account_listings').selectAll().execute();
  const actual = new Map(stored.filter((row) => Number(row.findings) > 0).map((row) => [row.account_id, `${row.digest}/${Number(row.findings)}`]));
  expect(actual).toEqual(new Map([...expected].map(([account, digest]) => [account, `${digest.hex}/${digest.count}`])));
}

async function history(store: Store, id: string): Promise<FindingHistory> {
  const found = await findingHistory(store, id);
  if (!found.ok) throw new Error(found.message);
  return found.history;
}

/** What a scan's output says of the finding: first seen, last seen (at the scan's time `at`), state. */
const lifecycleOf = async (store: Store, id: string, at: string) => (await findingLifecycles(store, [ACCOUNT_A, ACCOUNT_B], at)).get(id);

const states = async (store: Store, id: string) => (await history(store, id)).transitions.map((t) => [t.state, t.at, t.by]);

describeEachEngine('recording scans', (engine) => {
  it('opens failing findings with their first and last seen, and records the transition', async () => {
    const store = await engine.store();
    const recorded = await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data')] }));
    expect(recorded).toMatchObject({ opened: 2, resolved: 0, written: 2, previousScan: null, alreadyRecorded: false });
    expect(await lifecycleOf(store, idOf('s3-bucket-public', 'logs'), day(1))).toEqual({ firstSeen: day(1), lastSeen: day(1), state: 'open' });
    const { finding, transitions } = await history(store, idOf('s3-bucket-public', 'logs'));
    expect(finding).toMatchObject({
      status: 'fail',
      state: 'open',
      firstSeen: day(1),
      lastSeen: day(1),
      resource: { arn: 'arn:aws:s3:::logs', accountId: ACCOUNT_A },
    });
    expect(transitions).toEqual([{ state: 'open', at: day(1), scan: expect.any(String), by: null }]);
  });

  it('writes nothing for findings a second scan saw unchanged, and still knows when they were last seen', async () => {
    const store = await engine.store();
    const scan = (at: string) => testScan({ at, insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data')] });
    const first = await recordScan(store, scan(day(1)));
    const second = await recordScan(store, scan(day(2)));
    expect(second).toMatchObject({ opened: 0, resolved: 0, written: 0, previousScan: expect.any(String) });
    expect(await lifecycleOf(store, idOf('s3-bucket-public', 'logs'), day(2))).toEqual({ firstSeen: day(1), lastSeen: day(2), state: 'open' });
    expect((await history(store, idOf('s3-bucket-public', 'data'))).finding).toMatchObject({ firstSeen: day(1), lastSeen: day(2), state: 'open' });
    expect((await listScans(store, { limit: 10 })).map((s) => [s.observedAt, s.previousScan])).toEqual([
      [day(2), (await listScans(store, { limit: 10 }))[1]!.id],
      [day(1), null],
    ]);
    expect(first.seq).toBeLessThan(second.seq);
  });

  it("skips an account whose listed findings are exactly the store's, and only that one", async () => {
    const store = await engine.store();
    const findings = [fail('logs'), fail('data', { account: ACCOUNT_B }), fail('err', { status: 'error' })];
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings }));
    expect(await recordScan(store, testScan({ at: day(2), insights: ['s3-bucket-public'], findings }))).toMatchObject({ unchangedAccounts: 2, written: 0 });
    const changed = await recordScan(
      store,
      testScan({ at: day(3), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('err', { status: 'error' })] }),
    );
    expect(changed).toMatchObject({ unchangedAccounts: 1, resolved: 1 });
    // a degraded scan is never skipped: what it saw is written as seen
    const degraded = await recordScan(
      store,
      testScan({
        at: day(4),
        unreachable: [ACCOUNT_B],
        accounts: { [ACCOUNT_A]: [REGION] },
        insights: ['s3-bucket-public'],
        findings: [fail('logs'), fail('err', { status: 'error' })],
      }),
    );
    expect(degraded.unchangedAccounts).toBe(0);
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding.lastSeen).toBe(day(4));
  });

  it('a changed reason is written, with no transition', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs', { reason: 'public read' })] }));
    const second = await recordScan(store, testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [fail('logs', { reason: 'public write' })] }));
    expect(second).toMatchObject({ written: 1, opened: 0 });
    const { finding, transitions } = await history(store, idOf('s3-bucket-public', 'logs'));
    expect(finding).toMatchObject({ reason: 'public write', lastSeen: day(2), firstSeen: day(1) });
    expect(transitions).toHaveLength(1);
  });

  it('resolves a finding absent from a complete scan that covered it: by its owner, last seen the scan before', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data')] }));
    await recordScan(store, testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data')] }));
    const third = await recordScan(store, testScan({ at: day(3), insights: ['s3-bucket-public'], findings: [fail('data')] }));
    expect(third).toMatchObject({ resolved: 1, opened: 0 });
    const { finding, transitions } = await history(store, idOf('s3-bucket-public', 'logs'));
    expect(finding).toMatchObject({ state: 'resolved', status: 'absent', resolvedAt: day(3), resolvedBy: 'owner', lastSeen: day(2) });
    expect(transitions.map((t) => [t.state, t.at, t.by])).toEqual([
      ['open', day(1), null],
      ['resolved', day(3), 'owner'],
    ]);
  });

  it('resolves a finding seen passing (a scan with --all)', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    const second = await recordScan(
      store,
      testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [fail('logs', { status: 'pass' }), fail('new', { status: 'pass' })] }),
    );
    expect(second).toMatchObject({ resolved: 1, opened: 0 });
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding).toMatchObject({ state: 'resolved', status: 'pass', lastSeen: day(2) });
    // a finding that only ever passed has no lifecycle, and no row
    expect(await lifecycleOf(store, idOf('s3-bucket-public', 'new'), day(2))).toBeUndefined();
    expect((await findingHistory(store, idOf('s3-bucket-public', 'new'))).ok).toBe(false);
  });

  it("a scan of account A never resolves account B's findings", async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('a-logs'), fail('b-logs', { account: ACCOUNT_B })] }));
    const onlyA = await recordScan(store, testScan({ at: day(2), accounts: { [ACCOUNT_A]: [REGION] }, insights: ['s3-bucket-public'], findings: [] }));
    expect(onlyA.resolved).toBe(1);
    expect((await history(store, idOf('s3-bucket-public', 'a-logs'))).finding.state).toBe('resolved');
    expect((await history(store, idOf('s3-bucket-public', 'b-logs'))).finding.state).toBe('open');
  });

  it("a scan with --insight X never resolves insight Y's findings, nor another parameter variant's", async () => {
    const store = await engine.store();
    await recordScan(
      store,
      testScan({
        at: day(1),
        insights: ['s3-bucket-public', 'kms-key-rotation@{"maxRotationPeriodDays":180}', 'kms-key-rotation@{"maxRotationPeriodDays":365}'],
        findings: [
          fail('logs'),
          {
            insight: 'kms-key-rotation',
            resource: 'arn:aws:kms:eu-west-1:111111111111:key/k1',
            type: 'AWS::KMS::Key',
            status: 'fail',
            variant: '{"maxRotationPeriodDays":180}',
          },
          {
            insight: 'kms-key-rotation',
            resource: 'arn:aws:kms:eu-west-1:111111111111:key/k1',
            type: 'AWS::KMS::Key',
            status: 'fail',
            variant: '{"maxRotationPeriodDays":365}',
          },
        ],
      }),
    );
    const second = await recordScan(store, testScan({ at: day(2), insights: ['kms-key-rotation@{"maxRotationPeriodDays":365}'], findings: [] }));
    expect(second.resolved).toBe(1);
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding.state).toBe('open');
    expect((await history(store, idOf('kms-key-rotation', 'arn:aws:kms:eu-west-1:111111111111:key/k1', '{"maxRotationPeriodDays":180}'))).finding.state).toBe(
      'open',
    );
    expect((await history(store, idOf('kms-key-rotation', 'arn:aws:kms:eu-west-1:111111111111:key/k1', '{"maxRotationPeriodDays":365}'))).finding.state).toBe(
      'resolved',
    );
  });

  it('a region that was not collected resolves nothing; global resources are covered with their account', async () => {
    const store = await engine.store();
    await recordScan(
      store,
      testScan({
        at: day(1),
        accounts: { [ACCOUNT_A]: [REGION, 'us-east-1'] },
        insights: ['s3-bucket-public', 'iam-user-mfa'],
        findings: [
          fail('in-us', { region: 'us-east-1' }),
          fail('in-eu'),
          { insight: 'iam-user-mfa', resource: 'arn:aws:iam::111111111111:user/bob', type: 'AWS::IAM::User', region: 'global', status: 'fail' },
        ],
      }),
    );
    await recordScan(store, testScan({ at: day(2), accounts: { [ACCOUNT_A]: [REGION] }, insights: ['s3-bucket-public', 'iam-user-mfa'], findings: [] }));
    expect((await history(store, idOf('s3-bucket-public', 'in-us'))).finding.state).toBe('open');
    expect((await history(store, idOf('s3-bucket-public', 'in-eu'))).finding.state).toBe('resolved');
    expect((await history(store, idOf('iam-user-mfa', 'arn:aws:iam::111111111111:user/bob'))).finding.state).toBe('resolved');
  });

  it('a failed listing (coverage without a resource) resolves nothing of its type in the account; a failure on one resource does not block', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data', { account: ACCOUNT_B })] }));
    const gap = await recordScan(
      store,
      testScan({
        at: day(2),
        insights: ['s3-bucket-public'],
        // recorded in us-east-1 (where ListBuckets is called), for buckets of every region
        coverage: [
          { accountId: ACCOUNT_A, region: 'us-east-1', resourceType: 'AWS::S3::Bucket', operation: 'ListBuckets' },
          { accountId: ACCOUNT_B, region: REGION, resourceType: 'AWS::S3::Bucket', operation: 'GetBucketPolicy', resourceArn: 'arn:aws:s3:::other' },
        ],
        findings: [],
      }),
    );
    expect(gap.resolved).toBe(1);
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding.state).toBe('open');
    expect((await history(store, idOf('s3-bucket-public', 'data'))).finding.state).toBe('resolved');
  });

  it('an error verdict neither opens a finding nor resolves an open one', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('unread', { status: 'error' })] }));
    expect((await history(store, idOf('s3-bucket-public', 'unread'))).finding).toMatchObject({ state: null, status: 'error' });
    expect((await history(store, idOf('s3-bucket-public', 'unread'))).transitions).toEqual([]);

    const second = await recordScan(
      store,
      testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [fail('logs', { status: 'error' }), fail('unread', { status: 'error' })] }),
    );
    expect(second).toMatchObject({ opened: 0, resolved: 0 });
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding).toMatchObject({ state: 'open', status: 'error', lastSeen: day(2) });
    expect(await lifecycleOf(store, idOf('s3-bucket-public', 'unread'), day(2))).toMatchObject({ state: undefined, firstSeen: day(1) });

    // once readable and failing it opens; the error never did
    await recordScan(store, testScan({ at: day(3), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('unread')] }));
    expect(await states(store, idOf('s3-bucket-public', 'unread'))).toEqual([['open', day(3), null]]);
    expect(await states(store, idOf('s3-bucket-public', 'logs'))).toEqual([['open', day(1), null]]);
  });

  it('a degraded scan opens what it saw fail but resolves nothing; a crashed scan changes nothing', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data')] }));
    const degraded = await recordScan(
      store,
      testScan({ at: day(2), accounts: { [ACCOUNT_A]: [REGION] }, unreachable: [ACCOUNT_B], insights: ['s3-bucket-public'], findings: [fail('new')] }),
    );
    expect(degraded).toMatchObject({ opened: 1, resolved: 0 });
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding.state).toBe('open');
    expect((await history(store, idOf('s3-bucket-public', 'new'))).finding.state).toBe('open');
    await recordCrashedScan(store, {
      id: 'c0ffee00-0000-4000-8000-000000000000',
      startedAt: day(3),
      finishedAt: day(3),
      source: 'snapshot',
      sourceFile: null,
      packs: [],
      error: 'boom',
    });
    const scans = await listScans(store, { limit: 10 });
    expect(scans.map((s) => s.status)).toEqual(['crashed', 'degraded', 'complete']);
    // the next complete scan's reference is the last complete one, not the degraded one
    const next = await recordScan(store, testScan({ at: day(4), insights: ['s3-bucket-public'], findings: [fail('data')] }));
    expect(next.previousScan).toBe(scans[2]!.id);
    expect(next.resolved).toBe(2);
  });

  it('a finding failing again after it was resolved is reopened and keeps its first seen', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    await recordScan(store, testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [] }));
    const again = await recordScan(store, testScan({ at: day(3), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    expect(again).toMatchObject({ reopened: 1, opened: 0 });
    expect(await lifecycleOf(store, idOf('s3-bucket-public', 'logs'), day(3))).toEqual({ firstSeen: day(1), lastSeen: day(3), state: 'reopened' });
    const { finding, transitions } = await history(store, idOf('s3-bucket-public', 'logs'));
    expect(finding).toMatchObject({ state: 'reopened', firstSeen: day(1), resolvedAt: null, resolvedBy: null });
    expect(transitions.map((t) => t.state)).toEqual(['open', 'resolved', 'reopened']);
  });

  it('exempt findings: exempted by the approver, open again when the exemption lapses, with the exemption history', async () => {
    const store = await engine.store();
    const exemption = { reason: 'vendor demo', approvedBy: 'ciso@example.com', expires: '2026-11-03', file: 'exemptions.yaml' };
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    const exempted = await recordScan(
      store,
      testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [fail('logs', { status: 'exempt', exemption })] }),
    );
    expect(exempted.exempted).toBe(1);
    await recordScan(store, testScan({ at: day(4), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    const id = idOf('s3-bucket-public', 'logs');
    expect(await states(store, id)).toEqual([
      ['open', day(1), null],
      ['exempt', day(2), 'ciso@example.com'],
      ['open', day(4), null],
    ]);
    expect((await exemptionHistory(store, { findingId: id })).map((e) => [e.event, e.at, e.approvedBy])).toEqual([
      ['applied', day(2), 'ciso@example.com'],
      ['lapsed', day(4), 'ciso@example.com'],
    ]);
  });

  it('a finding remediated by a bot stays remediated while absent and reopens when it fails again', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    const id = idOf('s3-bucket-public', 'logs');
    expect(await recordRemediation(store, { findingId: id, bot: 'close-public-buckets', at: day(1, 9) })).toEqual({ ok: true });
    expect(await recordRemediation(store, { findingId: id, bot: 'close-public-buckets', at: day(1, 10) })).toMatchObject({ ok: false });
    const after = await recordScan(store, testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [] }));
    expect(after.resolved).toBe(0);
    await recordScan(store, testScan({ at: day(3), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    expect(await states(store, id)).toEqual([
      ['open', day(1), null],
      ['remediated', day(1, 9), 'close-public-buckets'],
      ['reopened', day(3), null],
    ]);
  });

  it('recording the same scan twice writes it once', async () => {
    const store = await engine.store();
    const scan = testScan({ id: '0a0a0a0a-0000-4000-8000-000000000001', at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs')] });
    await recordScan(store, scan);
    const again = await recordScan(store, scan);
    expect(again).toMatchObject({ alreadyRecorded: true, opened: 0, written: 0 });
    expect(await lifecycleOf(store, idOf('s3-bucket-public', 'logs'), day(1))).toMatchObject({ state: 'open', firstSeen: day(1) });
    expect(await listScans(store, { limit: 10 })).toHaveLength(1);
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).transitions).toHaveLength(1);
  });

  it('a scan recorded after a newer one of the same accounts changes nothing the newer one covered', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('data')] }));
    // day 3 recorded first: logs fixed
    await recordScan(store, testScan({ at: day(3), insights: ['s3-bucket-public'], findings: [fail('data')] }));
    // then the scan of day 2 arrives: logs still failing, data fixed, 'brief' failed only then
    const late = await recordScan(store, testScan({ at: day(2), insights: ['s3-bucket-public'], findings: [fail('logs'), fail('brief')] }));
    expect(late).toMatchObject({ resolved: 0, reopened: 0, opened: 1 });
    expect((await history(store, idOf('s3-bucket-public', 'logs'))).finding.state).toBe('resolved');
    expect((await history(store, idOf('s3-bucket-public', 'data'))).finding.state).toBe('open');
    // seen by the late scan only: it was open on day 2 and fixed by day 3
    expect(await states(store, idOf('s3-bucket-public', 'brief'))).toEqual([
      ['open', day(2), null],
      ['resolved', day(3), 'owner'],
    ]);
  });

  it('prunes raw scans past the retention, keeping findings and their history', async () => {
    const store = await engine.store();
    await recordScan(store, testScan({ at: day(1), insights: ['s3-bucket-public'], findings: [fail('logs')] }));
    await recordScan(store, testScan({ at: day(20), insights: ['s3-bucket-public'], findings: [fail('logs')], keepScansDays: 10 }));
    expect((await listScans(store, { limit: 10 })).map((s) => s.observedAt)).toEqual([day(20)]);
    expect(await states(store, idOf('s3-bucket-public', 'logs'))).toEqual([['open', day(1), null]]);
    expect((await store.db.selectFrom('scan_regions').select('scan_id').distinct().execute()).length).toBe(1);
  });
});
