/** One bot run (scheduled, after a scan, or on an event), through the bots runtime the services wire in. */
import { defineJob } from './define-job.js';

export default defineJob({
  kind: 'bot',
  async run(data, ctx) {
    const { runBot } = ctx.services;
    if (runBot === undefined) throw new Error(`bot ${data.botId}: no bots runtime is wired into this daemon`);
    const outcome = await runBot({ botId: data.botId, accountId: data.accountId, event: data.event, now: ctx.clock.now(), signal: ctx.signal });
    for (const [result, count] of Object.entries(outcome.actions)) ctx.metrics.botActions(data.botId, result, count);
    return {
      bot: data.botId,
      account: data.accountId ?? 'all',
      mode: outcome.mode,
      actions: outcome.actions,
      ...(outcome.halted !== undefined && { halted: outcome.halted }),
    };
  },
});
