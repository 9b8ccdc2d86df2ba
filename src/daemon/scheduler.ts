/**
 * Turns ticks into queued jobs. At a tick each of the schedule's jobs is queued for the tick's
 * period — unless the job's previous run is still queued or running: that overrun is reported
 * (log, metric, /healthz), never doubled. On start each schedule's latest tick is caught up once if
 * its period never finished, however many ticks the daemon missed.
 */
import type { Logger } from 'pino';
import { lastFiring } from '../bots/schedule/cron.js';
import { jobRunDone } from '../store/job-runs.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { JobRequest } from './job.js';
import type { JobQueue } from './job-queue.js';
import type { DaemonMetrics } from './metrics.js';
import type { Schedule } from './schedules.js';

export interface Overrun {
  readonly job: string;
  /** The period that was still queued or running. */
  readonly running: string;
  /** The tick that found it so. */
  readonly tick: string;
}

export type QueueOutcome = 'queued' | 'duplicate' | 'done' | 'overrun';

export class Scheduler {
  /** The last overrun of each job, for /healthz. */
  readonly overruns = new Map<string, Overrun>();

  constructor(private readonly deps: { queue: JobQueue; store: Store; clock: Clock; metrics: DaemonMetrics; log: Logger }) {}

  /** A tick of the schedule at `at`: its jobs, queued for that period. */
  async tick(schedule: Schedule, at: Date, options: { jitter: boolean } = { jitter: true }): Promise<Map<string, QueueOutcome>> {
    const outcomes = new Map<string, QueueOutcome>();
    for (const job of schedule.jobs(at.toISOString(), options)) outcomes.set(job.key, await this.queue(job));
    return outcomes;
  }

  /** Each schedule's latest tick at or before now, queued when its period never finished. */
  async catchUp(schedules: readonly Schedule[], options: { jitter: boolean }): Promise<JobRequest[]> {
    const queued: JobRequest[] = [];
    const now = this.deps.clock.now();
    for (const schedule of schedules) {
      const at = lastFiring(schedule.cron, schedule.timeZone, now);
      for (const job of schedule.jobs(at.toISOString(), options)) {
        if ((await this.queue(job)) === 'queued') queued.push(job);
      }
    }
    if (queued.length > 0) this.deps.log.info({ event: 'catch-up', queued: queued.map((job) => `${job.key}@${job.period}`) });
    return queued;
  }

  /** Queues one job unless its period is done, already queued, or its previous period still runs. */
  async queue(job: JobRequest): Promise<QueueOutcome> {
    const { queue, store, log, metrics } = this.deps;
    const busy = await queue.busy(job.key);
    if (busy !== undefined && busy.period !== job.period) {
      const overrun = { job: job.key, running: busy.period, tick: job.period };
      this.overruns.set(job.key, overrun);
      metrics.overrun(job.key);
      log.warn({ event: 'job.overrun', ...overrun, state: busy.state }, 'the previous run is still going at the next tick: this tick is skipped');
      return 'overrun';
    }
    if (busy !== undefined) return 'duplicate';
    if (await jobRunDone(store, job.key, job.period)) return 'done';
    const outcome = await queue.enqueue(job);
    if (outcome === 'queued') log.debug({ event: 'job.queued', job: job.key, period: job.period, delayMs: job.delayMs ?? 0 });
    return outcome;
  }
}
