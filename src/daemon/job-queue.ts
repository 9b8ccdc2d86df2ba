/**
 * The job interface the daemon schedules through. PostgreSQL: pg-boss, shared by every daemon on
 * the database (one run of a key at a time across the fleet, retries with back-off, a dead
 * daemon's job taken over when its lease expires). SQLite (one machine): the same interface
 * in-process.
 */
import type { BusyJob, EnqueueOutcome, JobRequest, QueuedJob } from './job.js';

export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retries: number;
  /** The first retry's delay; each next one doubles. */
  readonly delaySeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, delaySeconds: 60 };

export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Queues the job unless a job of the same key and period is queued, running, or was recently. */
  enqueue(request: JobRequest): Promise<EnqueueOutcome>;
  /** The run of this key queued or running now, if any. */
  busy(key: string): Promise<BusyJob | undefined>;
  /** Resolves once none of these keys is queued or running (for `vigil daemon --once`). */
  idle(keys: readonly string[]): Promise<void>;
  /** Starts taking work. A handler that throws is retried with back-off, up to the policy's retries. */
  work(handler: (job: QueuedJob) => Promise<void>): Promise<void>;
  /**
   * Stops taking work and waits for the running jobs; at the deadline their signals are aborted
   * and they get `graceMs` more to wind down. Resolves with the keys still running then.
   */
  stop(deadlineMs: number, graceMs: number): Promise<readonly string[]>;
}
