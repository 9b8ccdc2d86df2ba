/**
 * A daemon killed mid-scan (kill -9) leaves its job run started and never finished; the attempt
 * that takes the period over records the dead attempt as a crashed scan, then scans: nothing is
 * lost, nothing is recorded twice.
 */
import { afterEach, expect, it } from 'vitest';
import { startJobRun } from '../../src/store/job-runs.js';
import { listScans } from '../../src/store/scan-list.js';
import { closeHarness, daemonHarness, type Harness } from './support/daemon-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  if (harness !== undefined) await closeHarness(harness);
});

it('records the attempt a dead daemon left as crashed, then scans the period once', async () => {
  harness = await daemonHarness('2026-11-20T05:00:00.000Z');
  const [account] = harness.accounts;
  // What a daemon killed mid-scan leaves behind: its run of the 04:00 period started, never finished.
  for (const id of harness.accounts) {
    await startJobRun(harness.store, { job: `scan:${id}`, period: '2026-11-20T04:00:00.000Z', at: '2026-11-20T04:01:00.000Z', runner: 'dead-daemon:1' });
  }
  expect(await harness.daemon.once()).toEqual([]);
  const scans = await listScans(harness.store, { limit: 50 });
  expect(scans.filter((scan) => scan.status === 'crashed')).toHaveLength(harness.accounts.length);
  expect(scans.filter((scan) => scan.status === 'complete')).toHaveLength(harness.accounts.length);
  const run = await harness.store.db.selectFrom('job_runs').selectAll().where('job', '=', `scan:${account}`).executeTakeFirstOrThrow();
  expect(run).toMatchObject({ state: 'done', attempts: 2, runner: 'test-daemon' });
  expect(harness.logs.filter((line) => line['event'] === 'job.interrupted')).toHaveLength(harness.accounts.length);
});
