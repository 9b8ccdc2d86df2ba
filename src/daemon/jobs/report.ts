/** The daily report for the CISO and CIO, over the day before the run, written where the services say. */
import { writeDailyReport } from '../../app/write-daily-report.js';
import { defineJob } from './define-job.js';

const DAY_MS = 86_400_000;

export default defineJob({
  kind: 'report',
  async run(_data, ctx) {
    const now = ctx.clock.now();
    const prepared = await ctx.services.prepare(now);
    if (!prepared.ok) throw new Error(`the configuration cannot be used: ${[...prepared.problems.map((p) => p.message), ...prepared.usage].join('; ')}`);
    const written = await writeDailyReport({
      store: ctx.store,
      prepared: prepared.value,
      outDir: ctx.services.reportDir,
      windowStart: new Date(now.getTime() - DAY_MS).toISOString(),
      now,
    });
    if (!written.ok) throw new Error(`the daily report could not be written: ${written.message}`);
    return { files: written.files };
  },
});
