/**
 * Applies a bot plan file: an enforced plan is applied once (its SHA-256 claimed in the store, so a
 * replay is refused), then exactly its calls and records run (bots/runtime/apply-plan.ts: each
 * resource re-checked live first, audit before and after, maxErrors).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlanFile } from '../bots/runtime/bot-plan.js';
import { applyPlan, type ApplyContext, type ApplyReport } from '../bots/runtime/apply-plan.js';
import type { AwsCaller } from '../bots/runtime/aws-caller.js';
import { claimPlanFile } from '../store/plans.js';
import type { Store } from '../store/store.js';

/** What the owner digests of a run are made from. */
export interface AppliedRun {
  readonly store: Store;
  readonly runId: string;
  readonly planHash: string;
  readonly plan: PlanFile;
  readonly report: ApplyReport;
  readonly notify: boolean;
}

export interface ApplyBotsInput {
  readonly plan: PlanFile;
  readonly sha256: string;
  readonly store: Store;
  readonly caller: AwsCaller;
  readonly recheck: ApplyContext['recheck'];
  readonly clock: () => Date;
  /** false (`--no-notify`): owner messages are recorded in the audit trail only. */
  readonly notify: boolean;
  readonly runId: string;
  /** Between polls of a wait (a final snapshot becoming available). */
  readonly pollMs?: number;
  /**
   * Issue 14's owner digests: the notifications side queues one digest per owner for the run here.
   * Left out, each owner message waits in the outbox on its own (apply-plan.ts).
   */
  readonly queueOwnerDigests?: (run: AppliedRun) => Promise<void>;
}

export type AppliedBots = { ok: true; report: ApplyReport } | { ok: false; message: string };

export async function applyBots(input: ApplyBotsInput): Promise<AppliedBots> {
  if (input.plan.bots.some((bot) => bot.mode === 'enforce')) {
    const claimed = await claimPlanFile(input.store, {
      sha256: input.sha256,
      bots: input.plan.bots.map((bot) => bot.bot).join(','),
      at: input.clock().toISOString(),
      body: { runId: input.runId },
    });
    if (!claimed.ok) return { ok: false, message: `this plan was applied already (at ${claimed.appliedAt}): make a new plan` };
  }
  const pollMs = input.pollMs ?? 5_000;
  const report = await applyPlan(input.plan, {
    store: input.store,
    caller: input.caller,
    runId: input.runId,
    planHash: input.sha256,
    clock: input.clock,
    recheck: input.recheck,
    pause: () => sleep(pollMs),
    notify: input.notify,
  });
  await input.queueOwnerDigests?.({ store: input.store, runId: input.runId, planHash: input.sha256, plan: input.plan, report, notify: input.notify });
  return { ok: true, report };
}
