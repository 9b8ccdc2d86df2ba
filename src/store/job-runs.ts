/**
 * The daemon's job runs: one row per job and period. The queue makes sure one runner holds a job
 * at a time; this record makes sure a period that finished is never run again — by a daemon that
 * restarts and catches up, or by another daemon whose queue forgot the job long ago.
 */
import { sql } from 'kysely';
import type { JobRunState } from './database.js';
import type { Store } from './store.js';

export interface JobRunStart {
  readonly job: string;
  readonly period: string;
  readonly at: string;
  readonly runner: string;
}

export type JobRunStarted =
  | { readonly state: 'done' }
  /** `interrupted`: an earlier attempt started and never finished (its daemon died, or was stopped past its deadline). */
  | { readonly state: 'started'; readonly attempt: number; readonly interrupted?: { readonly at: string; readonly runner: string } };

/** Starts a run of the period, unless the period finished before (`done`: nothing to do). */
export async function startJobRun(store: Store, run: JobRunStart): Promise<JobRunStarted> {
  return store.transaction(async (trx) => {
    const existing = await trx
      .selectFrom('job_runs')
      .select(['state', 'attempts', 'started_at', 'runner'])
      .where('job', '=', run.job)
      .where('period', '=', run.period)
      .executeTakeFirst();
    if (existing?.state === 'done') return { state: 'done' };
    if (existing === undefined) {
      await trx
        .insertInto('job_runs')
        .values({ job: run.job, period: run.period, state: 'running', attempts: 1, started_at: run.at, finished_at: null, runner: run.runner, error: null })
        .execute();
    } else {
      await trx
        .updateTable('job_runs')
        .set({ state: 'running', attempts: sql<number>`attempts + 1`, started_at: run.at, finished_at: null, runner: run.runner, error: null })
        .where('job', '=', run.job)
        .where('period', '=', run.period)
        .execute();
    }
    if (existing === undefined) return { state: 'started', attempt: 1 };
    return {
      state: 'started',
      attempt: existing.attempts + 1,
      ...(existing.state === 'running' && { interrupted: { at: existing.started_at, runner: existing.runner } }),
    };
  });
}

export async function finishJobRun(
  store: Store,
  run: { job: string; period: string; at: string; state: Exclude<JobRunState, 'running'>; error?: string },
): Promise<void> {
  await store.db
    .updateTable('job_runs')
    .set({ state: run.state, finished_at: run.at, error: run.error ?? null })
    .where('job', '=', run.job)
    .where('period', '=', run.period)
    .execute();
}

export async function jobRunDone(store: Store, job: string, period: string): Promise<boolean> {
  const row = await store.db.selectFrom('job_runs').select('state').where('job', '=', job).where('period', '=', period).executeTakeFirst();
  return row?.state === 'done';
}

export interface JobRunSummary {
  readonly job: string;
  /** The latest period that finished, and when it finished. */
  readonly lastSuccess?: { readonly period: string; readonly at: string };
  /** The latest failed period, with its error. */
  readonly lastFailure?: { readonly period: string; readonly at: string; readonly error: string };
}

/** Per job: its last successful and last failed run. */
export async function jobRunSummaries(store: Store): Promise<Map<string, JobRunSummary>> {
  const rows = await store.db
    .selectFrom('job_runs')
    .select(['job', 'state', sql<string>`max(period)`.as('period')])
    .where('state', 'in', ['done', 'failed'])
    .groupBy(['job', 'state'])
    .execute();
  const latest = await Promise.all(
    rows.map(async (row) => {
      const full = await store.db
        .selectFrom('job_runs')
        .select(['job', 'period', 'state', 'finished_at', 'error'])
        .where('job', '=', row.job)
        .where('period', '=', row.period)
        .executeTakeFirstOrThrow();
      return full;
    }),
  );
  const summaries = new Map<string, JobRunSummary>();
  for (const row of latest) {
    const summary = summaries.get(row.job) ?? { job: row.job };
    const at = row.finished_at ?? row.period;
    summaries.set(
      row.job,
      row.state === 'done'
        ? { ...summary, lastSuccess: { period: row.period, at } }
        : { ...summary, lastFailure: { period: row.period, at, error: row.error ?? '' } },
    );
  }
  return summaries;
}

/** Runs whose period is older than `before` (kept as long as raw scans). */
export async function pruneJobRuns(store: Store, before: string): Promise<number> {
  const deleted = await store.db.deleteFrom('job_runs').where('period', '<', before).where('state', '!=', 'running').executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
