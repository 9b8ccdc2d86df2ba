/**
 * The daemon's bot runs: what `vigil bots run ID` does, without a terminal. The bot's resources
 * are collected and re-read live, the plan applied in the bot's own mode (dry-run unless the
 * configuration enforces it), every step audited in the daemon's store; progress and problems go
 * to the daemon's log stream. A plan that cannot be made or applied fails the job (it is retried).
 */
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { LoadedConfig } from '../config/load-config.js';
import type { BotRunOutcome, BotRunRequest } from '../daemon/services.js';
import { pendingOpsLookup } from '../store/scheduled-ops.js';
import type { Store } from '../store/store.js';
import { applyBots } from './apply-bots.js';
import { makeBotPlan } from './make-bot-plan.js';

export function daemonBotRunner(options: {
  readonly config: LoadedConfig | undefined;
  readonly store: Store;
  readonly logStream: Writable;
  readonly clock: () => Date;
}): (request: BotRunRequest) => Promise<BotRunOutcome> {
  return async (request) => {
    const made = await makeBotPlan(
      {
        ids: [request.botId],
        config: options.config?.file,
        bots: [],
        insights: [],
        account: request.accountId === undefined ? [] : [request.accountId],
        source: 'api',
        concurrency: 4,
        log: 'json',
        enforce: false,
        event: request.event?.name,
        now: request.now,
        pendingOps: await pendingOpsLookup(options.store),
      },
      { stderr: options.logStream, now: options.clock },
    );
    if (!made.ok) throw new Error(`bot ${request.botId}: no plan could be made (exit code ${made.code}; the log says why)`);
    const applied = await applyBots({
      plan: made.plan,
      sha256: made.sha256,
      store: options.store,
      caller: made.live.caller,
      recheck: (resource) => made.live.reader.recheck(resource),
      clock: options.clock,
      notify: true,
      runId: randomUUID(),
    });
    if (!applied.ok) throw new Error(`bot ${request.botId}: ${applied.message}`);
    const actions: Record<string, number> = {};
    for (const step of applied.report.steps) actions[step.outcome] = (actions[step.outcome] ?? 0) + 1;
    const halted = applied.report.halted[0]?.reason;
    return { mode: made.plan.bots[0]?.mode ?? 'dry-run', actions, ...(halted !== undefined && { halted }) };
  };
}
