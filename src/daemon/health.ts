/**
 * /healthz: the daemon is alive, and per scheduled job its last successful run; 503 when a job is
 * overdue — the period before its latest tick never succeeded (the latest period may still be
 * running: a job gets one whole period to finish), counted from when the daemon started.
 */
import { lastFiring } from '../bots/schedule/cron.js';
import { jobRunSummaries } from '../store/job-runs.js';
import type { Store } from '../store/store.js';
import type { Overrun } from './scheduler.js';
import type { Schedule } from './schedules.js';

export interface JobHealth {
  readonly job: string;
  readonly schedule: string;
  readonly lastSuccess: { readonly period: string; readonly at: string } | null;
  readonly lastFailure: { readonly period: string; readonly at: string; readonly error: string } | null;
  readonly overdue: boolean;
  readonly lastOverrun: Overrun | null;
}

export interface Health {
  readonly status: 'ok' | 'overdue';
  readonly startedAt: string;
  readonly jobs: readonly JobHealth[];
}

export async function daemonHealth(input: {
  store: Store;
  schedules: readonly Schedule[];
  startedAt: Date;
  now: Date;
  overruns: ReadonlyMap<string, Overrun>;
}): Promise<Health> {
  const summaries = await jobRunSummaries(input.store);
  const jobs: JobHealth[] = [];
  for (const schedule of input.schedules) {
    const latest = lastFiring(schedule.cron, schedule.timeZone, input.now);
    const previous = lastFiring(schedule.cron, schedule.timeZone, new Date(latest.getTime() - 1));
    for (const job of schedule.jobs(latest.toISOString(), { jitter: false })) {
      const summary = summaries.get(job.key);
      const succeeded = summary?.lastSuccess;
      // Overdue: the previous period should be done by now — unless the daemon was not up for it.
      const overdue = previous.getTime() >= input.startedAt.getTime() && (succeeded === undefined || Date.parse(succeeded.period) < previous.getTime());
      jobs.push({
        job: job.key,
        schedule: `${schedule.cron} (${schedule.timeZone})`,
        lastSuccess: succeeded ?? null,
        lastFailure: summary?.lastFailure ?? null,
        overdue,
        lastOverrun: input.overruns.get(job.key) ?? null,
      });
    }
  }
  return { status: jobs.some((job) => job.overdue) ? 'overdue' : 'ok', startedAt: input.startedAt.toISOString(), jobs };
}
