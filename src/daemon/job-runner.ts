/**
 * Runs one queued job: the store's job run first (a period that finished is never run again, and
 * an attempt that never finished is reported to the job as interrupted), then the job's kind, then
 * the run's end — metrics, one log line, and the jobs that follow it (the bots after a scan). A
 * failure is recorded and thrown back to the queue, which retries it with back-off.
 */
import type { Logger } from 'pino';
import { errorMessage } from '../error-message.js';
import { finishJobRun, startJobRun } from '../store/job-runs.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { JobRequest, QueuedJob } from './job.js';
import type { JobDefinition } from './jobs/define-job.js';
import { jobDefinitions } from './jobs/index.js';
import type { DaemonMetrics } from './metrics.js';
import type { DaemonServices } from './services.js';

export interface RunnerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly services: DaemonServices;
  readonly metrics: DaemonMetrics;
  readonly log: Logger;
  /** This daemon, in the job runs (host and process id). */
  readonly runner: string;
  /** Jobs to queue once this one succeeded. */
  readonly followUps: (job: JobRequest) => Promise<void>;
  /** Told of each failed attempt (`--once` exits 3 when one failed). */
  readonly onFailed?: (job: QueuedJob, error: unknown) => void;
}

export function jobRunner(deps: RunnerDeps): (job: QueuedJob) => Promise<void> {
  const { store, clock, metrics } = deps;
  return async (job) => {
    const log = deps.log.child({ job: job.key, period: job.period, attempt: job.attempt });
    const startedAt = clock.now();
    const tick = Date.parse(job.period);
    const lag = Number.isNaN(tick) ? 0 : Math.max(0, (startedAt.getTime() - tick) / 1000);
    const started = await startJobRun(store, { job: job.key, period: job.period, at: startedAt.toISOString(), runner: deps.runner });
    if (started.state === 'done') {
      log.info({ event: 'job.skipped', reason: 'this period was done already' });
      metrics.jobRun(job.data.kind, job.key, 'skipped', 0, lag);
      return;
    }
    if (started.interrupted !== undefined) log.warn({ event: 'job.interrupted', by: started.interrupted.runner, since: started.interrupted.at });
    log.info({ event: 'job.started', lagSeconds: lag });
    const definition = jobDefinitions[job.data.kind] as JobDefinition;
    try {
      const summary = await definition.run(job.data, {
        store,
        clock,
        services: deps.services,
        metrics,
        log,
        key: job.key,
        period: job.period,
        attempt: job.attempt,
        interrupted: started.interrupted,
        signal: job.signal,
      });
      const finishedAt = clock.now();
      await finishJobRun(store, { job: job.key, period: job.period, at: finishedAt.toISOString(), state: 'done' });
      const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
      metrics.jobRun(job.data.kind, job.key, 'done', seconds, lag);
      metrics.lastSuccess(job.key, finishedAt);
      log.info({ event: 'job.done', seconds, ...summary });
    } catch (error) {
      const finishedAt = clock.now();
      await finishJobRun(store, { job: job.key, period: job.period, at: finishedAt.toISOString(), state: 'failed', error: errorMessage(error) });
      metrics.jobRun(job.data.kind, job.key, 'failed', (finishedAt.getTime() - startedAt.getTime()) / 1000, lag);
      log.error({ event: 'job.failed', error: errorMessage(error) });
      deps.onFailed?.(job, error);
      throw error;
    }
    await deps.followUps(job);
  };
}
