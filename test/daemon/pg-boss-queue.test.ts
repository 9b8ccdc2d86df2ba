/**
 * Daemons sharing one PostgreSQL through pg-boss: a job queued by two daemons for the same period
 * runs once; the accounts' scans are shared out and each runs once; a job whose daemon died is
 * taken over by another once its lease expires.
 */
import { afterEach, expect, it } from 'vitest';
import { systemClock } from '../../src/daemon/clock.js';
import type { JobQueue } from '../../src/daemon/job-queue.js';
import type { QueuedJob } from '../../src/daemon/job.js';
import { pgBossQueue, type PgBossQueueOptions } from '../../src/daemon/pg-boss-queue.js';
import { createSchema, describeOnPostgres, POSTGRES_URL } from '../store/support/engines.js';

const queues: JobQueue[] = [];
afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop(0, 0).catch(() => undefined);
});

async function daemonQueue(schema: string, options: Partial<PgBossQueueOptions> = {}): Promise<JobQueue> {
  const queue = await pgBossQueue({
    url: POSTGRES_URL!,
    schema,
    clock: systemClock,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    retry: { retries: 2, delaySeconds: 1 },
    concurrency: { scan: 2 },
    ...options,
  });
  queues.push(queue);
  return queue;
}

const scan = (account: string, period = '2026-12-08T04:00:00.000Z') => ({
  key: `scan:${account}`,
  period,
  data: { kind: 'scan' as const, accountId: account },
});

describeOnPostgres('the pg-boss job queue shared by two daemons', () => {
  it('runs a job two daemons queue for the same period once, and shares the accounts out, each scanned once', async () => {
    const schema = await createSchema();
    const [a, b] = [await daemonQueue(schema), await daemonQueue(schema)];
    const ran: { daemon: string; key: string; period: string }[] = [];
    const handler = (daemon: string) => async (job: QueuedJob) => {
      ran.push({ daemon, key: job.key, period: job.period });
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const accounts = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555', '666666666666'];
    // Both daemons tick together: each queues every account's scan for the period.
    const outcomes = [];
    for (const account of accounts) outcomes.push(await a.enqueue(scan(account)), await b.enqueue(scan(account)));
    expect(outcomes.filter((outcome) => outcome === 'queued')).toHaveLength(accounts.length);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(accounts.length);
    await a.work(handler('a'));
    await b.work(handler('b'));
    await a.idle(accounts.map((account) => `scan:${account}`));
    expect(ran.map((run) => run.key).sort()).toEqual(accounts.map((account) => `scan:${account}`));
  });

  it('never runs two periods of one job at once: the next waits while the first runs, and busy() tells the scheduler', async () => {
    const schema = await createSchema();
    const queue = await daemonQueue(schema);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const active: string[] = [];
    let overlap = false;
    await queue.work(async (job) => {
      if (active.length > 0) overlap = true;
      active.push(job.period);
      if (job.period === '2026-12-08T04:00:00.000Z') await held;
      active.splice(active.indexOf(job.period), 1);
    });
    await queue.enqueue(scan('111111111111'));
    for (let n = 0; n < 100 && (await queue.busy('scan:111111111111'))?.state !== 'running'; n++) await new Promise((r) => setTimeout(r, 50));
    expect(await queue.busy('scan:111111111111')).toEqual({ key: 'scan:111111111111', period: '2026-12-08T04:00:00.000Z', state: 'running' });
    expect(await queue.enqueue(scan('111111111111', '2026-12-08T08:00:00.000Z'))).toBe('queued');
    await new Promise((r) => setTimeout(r, 1200));
    expect(active).toEqual(['2026-12-08T04:00:00.000Z']);
    release();
    await queue.idle(['scan:111111111111']);
    expect(overlap).toBe(false);
  });

  it('takes over the job of a daemon that died once its lease expires', async () => {
    const schema = await createSchema();
    const dying = await daemonQueue(schema, { leaseSeconds: { scan: 1 } });
    const taken = new Promise<QueuedJob>((resolve) => {
      void dying.work(async (job) => {
        resolve(job);
        // The daemon dies mid-run: the job is never completed nor failed by it.
        await new Promise(() => {});
      });
    });
    await dying.enqueue(scan('111111111111'));
    expect((await taken).attempt).toBe(1);
    // Its process is gone: it stops without a graceful end, the job left active.
    expect(await dying.stop(0, 0)).toHaveLength(1);
    queues.splice(queues.indexOf(dying), 1);

    const survivor = await daemonQueue(schema, { leaseSeconds: { scan: 1 } });
    const retried = new Promise<QueuedJob>((resolve) => void survivor.work(async (job) => resolve(job)));
    const job = await retried;
    expect(job).toMatchObject({ key: 'scan:111111111111', period: '2026-12-08T04:00:00.000Z', attempt: 2 });
    await survivor.idle(['scan:111111111111']);
  });
});
