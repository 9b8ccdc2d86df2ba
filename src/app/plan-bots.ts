/**
 * Plans a run of bots: each bot's plan from the candidates, every matched resource re-read live
 * just before deciding, in one plan file with its SHA-256. A bot runs in its configured mode
 * (`dry-run` unless the user's config or file says `enforce`); `--enforce` enforces one run.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { LoadedBot } from '../bots/loaded-bot.js';
import type { PlanFile } from '../bots/runtime/bot-plan.js';
import { planBot, type Candidate, type PlanInput } from '../bots/runtime/plan-bot.js';
import { planFileText } from '../bots/runtime/plan-file.js';

export interface PlanBotsInput {
  readonly bots: readonly LoadedBot[];
  readonly candidates: readonly Candidate[];
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  readonly readLive: PlanInput['readLive'];
  /** The clock schedules, windows and grace periods are read at (`--now`). */
  readonly now: Date;
  /** When the plan was made (the wall clock). */
  readonly createdAt: Date;
  readonly enforce: boolean;
  readonly event?: string | undefined;
  /** Sends the actions' read-only calls (CloudTrail LookupEvents, DescribeDBSnapshots …); without it those actions refuse. */
  readonly read?: PlanInput['read'];
  /** The store's pending `mark-for-op` operations, for steps that run when one is due. */
  readonly pendingOps?: PlanInput['pendingOps'];
}

export async function planBots(input: PlanBotsInput): Promise<{ plan: PlanFile; text: string; sha256: string }> {
  const bots = [];
  for (const bot of input.bots) {
    bots.push(
      await planBot(bot, {
        candidates: input.candidates,
        accounts: input.accounts,
        readLive: input.readLive,
        now: input.now,
        mode: input.enforce ? 'enforce' : bot.mode,
        event: input.event,
        ...(input.read !== undefined && { read: input.read }),
        ...(input.pendingOps !== undefined && { pendingOps: input.pendingOps }),
      }),
    );
  }
  const plan: PlanFile = {
    version: 1,
    createdAt: input.createdAt.toISOString(),
    now: input.now.toISOString(),
    ...(input.event !== undefined && { event: input.event }),
    bots,
  };
  return { plan, ...planFileText(plan) };
}

/** One line per bot: what it would do. */
export function planSummary(plan: PlanFile): string[] {
  return plan.bots.map((bot) => {
    if (bot.halted !== undefined) return `${bot.bot} (${bot.mode}): HALTED — ${bot.halted}`;
    const changes = bot.resources.flatMap((r) => r.steps.filter((s) => s.kind === 'change').map((s) => `${s.action} ${r.name}`));
    const records = bot.resources.flatMap((r) => r.steps.filter((s) => s.kind === 'record').map((s) => `${s.action} ${r.name}`));
    const refused = bot.resources.flatMap((r) => r.steps.filter((s) => s.kind === 'refused').map((s) => `${s.action} ${r.name}: ${s.summary}`));
    const parts = [
      `${bot.matched} matched`,
      `${changes.length} changes${changes.length > 0 ? ` (${changes.slice(0, 5).join(', ')}${changes.length > 5 ? ', …' : ''})` : ''}`,
    ];
    if (records.length > 0) parts.push(`${records.length} messages or marks`);
    if (refused.length > 0) parts.push(`${refused.length} refused (${refused.slice(0, 3).join('; ')})`);
    if (bot.skipped.length > 0) parts.push(`${bot.skipped.length} skipped when re-read live`);
    return `${bot.bot} (${bot.mode}): ${parts.join(', ')}`;
  });
}
