/**
 * A daemon job: what runs (its data), under which key (one run of a key at a time, across the
 * fleet) and for which period (the schedule's tick, or an event's id: done once per period).
 */
export type JobData =
  | { readonly kind: 'scan'; readonly accountId?: string }
  | { readonly kind: 'bot'; readonly botId: string; readonly accountId?: string; readonly event?: { readonly name: string; readonly detail: unknown } }
  | { readonly kind: 'report' }
  | { readonly kind: 'outbox' }
  | { readonly kind: 'maintenance' };

export type JobKind = JobData['kind'];

export const JOB_KINDS: readonly JobKind[] = ['scan', 'bot', 'report', 'outbox', 'maintenance'];

export interface JobRequest {
  /** `scan:123456789012`, `bot:kms-key-rotation`, `report:daily`, `outbox`, `maintenance`. */
  readonly key: string;
  /** The tick the run belongs to (ISO), or `event:<id>`. */
  readonly period: string;
  readonly data: JobData;
  /** Start no earlier than this many milliseconds from now (per-account jitter). */
  readonly delayMs?: number;
}

export interface QueuedJob extends JobRequest {
  /** 1 for the first attempt, then each retry. */
  readonly attempt: number;
  /** Aborted when the daemon shuts down and the deadline has passed. */
  readonly signal: AbortSignal;
}

/** Why a job could not be queued: a run of the same key and period is queued or running already. */
export type EnqueueOutcome = 'queued' | 'duplicate';

/** A job that is queued or running. */
export interface BusyJob {
  readonly key: string;
  readonly period: string;
  readonly state: 'queued' | 'running';
}
