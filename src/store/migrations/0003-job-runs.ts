/**
 * Version 3: the daemon's job runs — which period of which job ran, when, and how it ended — so a
 * period is done once across restarts and daemons, missed ticks are caught up once, and /healthz
 * tells the last successful run of each job.
 */
import type { Kysely, Migration } from 'kysely';

export function jobRuns(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's documented type for migrations: they run against any version of the schema.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('job_runs')
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('runner', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('job_runs_pk', ['job', 'period'])
        .execute();
      await db.schema.createIndex('job_runs_done').on('job_runs').columns(['job', 'state', 'period']).execute();
    },
  };
}
