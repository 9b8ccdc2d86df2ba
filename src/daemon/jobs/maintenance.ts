/** Store maintenance: retention of raw scans and daily roll-ups, and of the daemon's own job runs. */
import { pruneJobRuns } from '../../store/job-runs.js';
import { maintainStore } from '../../store/retention.js';
import { defineJob } from './define-job.js';

const DAY_MS = 86_400_000;

export default defineJob({
  kind: 'maintenance',
  async run(_data, ctx) {
    const now = ctx.clock.now();
    const { keepScansDays } = ctx.services;
    const pruned = await maintainStore(ctx.store, { now: now.toISOString(), keepScansDays });
    const jobRuns = await pruneJobRuns(ctx.store, new Date(now.getTime() - keepScansDays * DAY_MS).toISOString());
    return { pruned: pruned ? 'done' : 'another writer was pruning', jobRunsPruned: jobRuns };
  },
});
