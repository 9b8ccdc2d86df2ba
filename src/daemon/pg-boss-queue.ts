/**
 * The job queue of daemons sharing one PostgreSQL: pg-boss. One pg-boss queue per job kind, with
 * the `singleton` policy keyed by the job's key, so one run of a key is active at a time across
 * every daemon; each job's id is derived from its key and period, so daemons ticking together
 * queue the period once. A failed run is retried with exponential back-off; a run whose daemon died
 * stays active until its lease (`expireInSeconds`) ends, then pg-boss's maintenance fails it and
 * another daemon takes the retry. No lease is kept here.
 */
import { hash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Clock } from './clock.js';
import { JOB_KINDS, type BusyJob, type EnqueueOutcome, type JobKind, type JobRequest, type QueuedJob } from './job.js';
import { DEFAULT_RETRY, type JobQueue, type RetryPolicy } from './job-queue.js';

export interface PgBossQueueOptions {
  readonly url: string;
  /** The PostgreSQL schema pg-boss keeps its tables in (default `vigil_jobs`). */
  readonly schema?: string;
  readonly clock: Clock;
  readonly retry?: RetryPolicy;
  /** How long a run may hold its job before another daemon may take it over, per kind. */
  readonly leaseSeconds?: Partial<Record<JobKind, number>>;
  /** Runs of a kind one daemon takes at once (default 1; scans of different accounts run side by side). */
  readonly concurrency?: Partial<Record<JobKind, number>>;
  /** How often an idle worker asks for work, and how often pg-boss expires dead daemons' jobs. */
  readonly pollingIntervalSeconds?: number;
  readonly maintenanceIntervalSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

/** Generous: a lease that ends while its run still works would let a second daemon start it. */
export const DEFAULT_LEASE_SECONDS: Record<JobKind, number> = { scan: 7200, bot: 3600, report: 1800, outbox: 1800, maintenance: 3600 };

interface Payload {
  readonly key: string;
  readonly period: string;
  readonly data: JobRequest['data'];
}

export const queueName = (kind: JobKind): string => `vigil-${kind}`;

/** A UUID from the key and the period: the same job queued by two daemons is one row. */
export function jobId(key: string, period: string): string {
  const h = hash('sha256', `vigil-job\u0000${key}\u0000${period}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function pgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const schema = options.schema ?? 'vigil_jobs';
  const boss = new PgBoss({
    connectionString: options.url,
    schema,
    max: 4,
    // Schedules are the daemon's own (node-cron in IANA zones); pg-boss only queues.
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    application_name: 'vigil-daemon',
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  for (const kind of JOB_KINDS) {
    await boss.createQueue(queueName(kind), {
      name: queueName(kind),
      policy: 'singleton',
      retryLimit: retry.retries,
      retryDelay: retry.delaySeconds,
      retryBackoff: true,
      expireInSeconds: options.leaseSeconds?.[kind] ?? DEFAULT_LEASE_SECONDS[kind],
    });
  }
  const db = boss.getDb();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;

  const busy = async (key: string): Promise<BusyJob | undefined> => {
    const { rows } = await db.executeSql(
      `select data->>'period' as period, state from ${schema}.job where name = any($1::text[]) and singleton_key = $2 and state < 'completed' order by state desc, created_on limit 1`,
      [JOB_KINDS.map(queueName), key],
    );
    const row = rows[0] as { period: string; state: string } | undefined;
    return row === undefined ? undefined : { key, period: row.period, state: row.state === 'active' ? 'running' : 'queued' };
  };

  return {
    kind: 'pg-boss',
    async enqueue(request): Promise<EnqueueOutcome> {
      const payload: Payload = { key: request.key, period: request.period, data: request.data };
      const id = await boss.send(queueName(request.data.kind), payload, {
        id: jobId(request.key, request.period),
        singletonKey: request.key,
        ...(request.delayMs !== undefined && request.delayMs > 0 && { startAfter: Math.ceil(request.delayMs / 1000) }),
      });
      return id === null ? 'duplicate' : 'queued';
    },
    busy,
    async idle(keys) {
      for (;;) {
        const states = await Promise.all(keys.map(busy));
        if (states.every((state) => state === undefined)) return;
        await new Promise<void>((resolve) => options.clock.after(500, resolve));
      }
    },
    async work(handler) {
      for (const kind of JOB_KINDS) {
        const workers = options.concurrency?.[kind] ?? 1;
        for (let n = 0; n < workers; n++) {
          await boss.work<Payload>(
            queueName(kind),
            { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
            async ([job]) => {
              if (job === undefined || stopping) throw new Error('the daemon is shutting down');
              const controller = new AbortController();
              // pg-boss gives up on the run at the end of its lease (and another daemon may retry it): so does the run.
              const cancel = options.clock.after(job.expireInSeconds * 1000, () =>
                controller.abort(new Error(`the run outlived its lease of ${job.expireInSeconds} s and was given up`)),
              );
              const done = handler({ ...job.data, attempt: job.retryCount + 1, signal: controller.signal } satisfies QueuedJob);
              running.set(job.id, {
                controller,
                done: done.then(
                  () => undefined,
                  () => undefined,
                ),
              });
              try {
                await done;
              } finally {
                cancel();
                running.delete(job.id);
              }
            },
          );
        }
      }
    },
    async stop(deadlineMs, graceMs) {
      stopping = true;
      for (const kind of JOB_KINDS) await boss.offWork(queueName(kind));
      const within = (ms: number) =>
        new Promise<'done' | 'late'>((resolve) => {
          const cancel = options.clock.after(ms, () => resolve('late'));
          void Promise.all([...running.values()].map((run) => run.done)).then(() => {
            cancel();
            resolve('done');
          });
        });
      let late: string[] = [];
      if ((await within(deadlineMs)) === 'late') {
        for (const run of running.values()) run.controller.abort(new Error('the daemon is shutting down and the shutdown deadline has passed'));
        if ((await within(graceMs)) === 'late') late = [...running.keys()];
      }
      // Not graceful: a run still going is left active, and taken over after its lease.
      await boss.stop({ graceful: late.length === 0, wait: true, close: true, timeout: 1000 });
      return late;
    },
  };
}
