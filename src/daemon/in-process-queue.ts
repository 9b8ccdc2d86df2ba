/**
 * The job queue of a daemon on SQLite (one machine): the same interface as pg-boss's, in memory.
 * One run of a key at a time; a job waits for its delay and for the key's running job; a failed
 * attempt is retried after a back-off that doubles. A job lost with the process is caught up on
 * the next start from the store's job runs (job-runs.ts), not from here.
 */
import type { Clock } from './clock.js';
import type { BusyJob, EnqueueOutcome, JobRequest, QueuedJob } from './job.js';
import { DEFAULT_RETRY, type JobQueue, type RetryPolicy } from './job-queue.js';

interface Pending {
  readonly request: JobRequest;
  readonly attempt: number;
  dueAt: number;
}

interface Running {
  readonly period: string;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/** How many finished key-and-period pairs are remembered to refuse a duplicate (the store's job runs remember them all). */
const RECENT_LIMIT = 10_000;

export function inProcessQueue(options: { clock: Clock; retry?: RetryPolicy; onError?: (error: unknown, job: JobRequest) => void }): JobQueue {
  const { clock } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const pending: Pending[] = [];
  const running = new Map<string, Running>();
  const recent = new Set<string>();
  const timers = new Set<() => void>();
  const idleWaiters = new Set<() => void>();
  let handler: ((job: QueuedJob) => Promise<void>) | undefined;
  let stopping = false;

  const pairOf = (key: string, period: string) => `${key}\u0000${period}`;
  const remember = (pair: string) => {
    recent.add(pair);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.values().next().value!);
  };
  const wake = (ms: number) => {
    const cancel = clock.after(Math.max(0, ms), () => {
      timers.delete(cancel);
      pump();
    });
    timers.add(cancel);
  };
  const notifyIdle = () => {
    for (const waiter of [...idleWaiters]) waiter();
  };

  function pump(): void {
    if (handler === undefined || stopping) return;
    const now = clock.now().getTime();
    for (const job of [...pending]) {
      if (job.dueAt > now || running.has(job.request.key)) continue;
      pending.splice(pending.indexOf(job), 1);
      start(job, handler);
    }
  }

  function start(job: Pending, work: (job: QueuedJob) => Promise<void>): void {
    const { request } = job;
    const controller = new AbortController();
    const done = (async () => {
      try {
        await work({ ...request, attempt: job.attempt, signal: controller.signal });
        remember(pairOf(request.key, request.period));
      } catch (error) {
        options.onError?.(error, request);
        if (job.attempt <= retry.retries && !stopping) {
          const delay = retry.delaySeconds * 1000 * 2 ** (job.attempt - 1);
          pending.push({ request, attempt: job.attempt + 1, dueAt: clock.now().getTime() + delay });
          wake(delay);
        } else remember(pairOf(request.key, request.period));
      } finally {
        running.delete(request.key);
        notifyIdle();
        pump();
      }
    })();
    running.set(request.key, { period: request.period, controller, done });
  }

  return {
    kind: 'in-process',
    async enqueue(request): Promise<EnqueueOutcome> {
      const pair = pairOf(request.key, request.period);
      if (recent.has(pair) || running.get(request.key)?.period === request.period) return 'duplicate';
      if (pending.some((job) => pairOf(job.request.key, job.request.period) === pair)) return 'duplicate';
      const delay = request.delayMs ?? 0;
      pending.push({ request, attempt: 1, dueAt: clock.now().getTime() + delay });
      if (delay > 0) wake(delay);
      else queueMicrotask(pump);
      return 'queued';
    },
    async busy(key): Promise<BusyJob | undefined> {
      const active = running.get(key);
      if (active !== undefined) return { key, period: active.period, state: 'running' };
      const waiting = pending.find((job) => job.request.key === key);
      return waiting === undefined ? undefined : { key, period: waiting.request.period, state: 'queued' };
    },
    idle(keys) {
      const busy = () => keys.some((key) => running.has(key) || pending.some((job) => job.request.key === key));
      return new Promise<void>((resolve) => {
        const check = () => {
          if (busy()) return;
          idleWaiters.delete(check);
          resolve();
        };
        idleWaiters.add(check);
        check();
      });
    },
    async work(work) {
      handler = work;
      pump();
    },
    async stop(deadlineMs, graceMs) {
      stopping = true;
      for (const cancel of timers) cancel();
      timers.clear();
      pending.length = 0;
      const all = () => Promise.all([...running.values()].map((run) => run.done)).then(() => undefined);
      const within = (ms: number) =>
        new Promise<'done' | 'late'>((resolve) => {
          const cancel = clock.after(ms, () => resolve('late'));
          void all().then(() => {
            cancel();
            resolve('done');
          });
        });
      if ((await within(deadlineMs)) === 'done') return [];
      for (const run of running.values()) run.controller.abort(new Error('the daemon is shutting down and the shutdown deadline has passed'));
      if ((await within(graceMs)) === 'done') return [];
      return [...running.keys()];
    },
  };
}
