/** A job kind: what one run of it does, given its data and the run's context. */
import type { Logger } from 'pino';
import type { Store } from '../../store/store.js';
import type { Clock } from '../clock.js';
import type { JobData, JobKind } from '../job.js';
import type { DaemonMetrics } from '../metrics.js';
import type { DaemonServices } from '../services.js';

export interface JobContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly services: DaemonServices;
  readonly metrics: DaemonMetrics;
  readonly log: Logger;
  readonly key: string;
  readonly period: string;
  readonly attempt: number;
  /** An earlier attempt of this period started and never finished. */
  readonly interrupted: { readonly at: string; readonly runner: string } | undefined;
  /** Aborted at the shutdown deadline: stop at the next step and leave nothing half done. */
  readonly signal: AbortSignal;
}

/** What a run did, for its log line. */
export type JobSummary = Readonly<Record<string, unknown>>;

export interface JobDefinition<K extends JobKind = JobKind> {
  readonly kind: K;
  run(data: Extract<JobData, { kind: K }>, context: JobContext): Promise<JobSummary>;
}

export function defineJob<K extends JobKind>(definition: JobDefinition<K>): JobDefinition<K> {
  return definition;
}
