/**
 * Applies a plan: exactly its calls and records, nothing else. Before touching a resource it
 * re-reads it and compares with the state the plan saw (a changed resource is skipped and
 * reported). Every step is on the audit trail — a dry run's too — and an enforced change has a
 * record before it (the attempt) and after it (the result). Calls of a step go in order and stop at
 * the first failure, so a delete never follows a snapshot that failed; a call with `waitUntil` is
 * followed by polling until its resource is ready. `maxErrors` failed steps halt the bot.
 */
import type { AuditEntry } from '../../store/audit-log.js';
import { appendAudit } from '../../store/audit-log.js';
import { enqueue } from '../../store/outbox.js';
import { recordRemediation } from '../../store/remediation.js';
import { finishOp, markForOp } from '../../store/scheduled-ops.js';
import type { Store } from '../../store/store.js';
import type { ActionService, StoreRecord } from '../actions/define-action.js';
import type { AwsCaller } from './aws-caller.js';
import { isUnreadableLive } from './live-read.js';
import { sha256Of, type BotRunPlan, type PlanFile, type PlannedResource, type PlannedStep } from './bot-plan.js';

export interface ApplyContext {
  readonly store: Store;
  readonly caller: AwsCaller;
  readonly runId: string;
  readonly planHash: string;
  /** The wall clock of the audit trail. */
  clock(): Date;
  /** The resource's state now ({ tags, config }), undefined when it is gone, an UnreadableLive when it could not be read. */
  recheck(resource: PlannedResource): Promise<unknown>;
  /** Between polls of a `waitUntil`. */
  pause(): Promise<void>;
  /** false: owner messages are recorded in the audit trail only, not queued for delivery. */
  readonly notify: boolean;
  readonly maxPolls?: number;
}

export type StepOutcome = 'dry-run' | 'succeeded' | 'failed' | 'no-change' | 'refused' | 'skipped-changed' | 'skipped-halted';

export interface AppliedStep {
  readonly bot: string;
  readonly arn: string;
  readonly action: string;
  readonly outcome: StepOutcome;
  readonly summary: string;
  readonly error?: string;
}

export interface ApplyReport {
  readonly steps: readonly AppliedStep[];
  /** Bots halted by a limit or by maxErrors, with why. */
  readonly halted: readonly { readonly bot: string; readonly reason: string }[];
}

export async function applyPlan(plan: PlanFile, ctx: ApplyContext): Promise<ApplyReport> {
  const steps: AppliedStep[] = [];
  const halted: { bot: string; reason: string }[] = [];
  for (const bot of plan.bots) {
    if (bot.halted !== undefined) {
      await audit(ctx, bot, { arn: '*', accountId: '*', region: '*' }, 'halt', { result: 'halted', reason: bot.halted });
      halted.push({ bot: bot.bot, reason: bot.halted });
      continue;
    }
    const { maxErrors } = bot;
    let errors = 0;
    for (const resource of bot.resources) {
      if (maxErrors !== undefined && errors >= maxErrors) {
        for (const step of resource.steps)
          steps.push({ bot: bot.bot, arn: resource.arn, action: step.action, outcome: 'skipped-halted', summary: step.summary });
        continue;
      }
      if (bot.mode === 'enforce' && resource.steps.some((step) => step.kind === 'change')) {
        const now = await ctx.recheck(resource);
        if (now === undefined || isUnreadableLive(now) || sha256Of(now) !== resource.beforeHash) {
          const reason =
            now === undefined
              ? 'the resource is gone'
              : isUnreadableLive(now)
                ? `the resource could not be re-read live: ${now.unreadable}`
                : 'the resource changed since the plan was made';
          await audit(ctx, bot, resource, 'skip', { result: 'skipped', reason });
          for (const step of resource.steps) steps.push({ bot: bot.bot, arn: resource.arn, action: step.action, outcome: 'skipped-changed', summary: reason });
          continue;
        }
      }
      let failed = false;
      for (const step of resource.steps) {
        if (failed) break;
        const outcome = await applyStep(ctx, bot, resource, step);
        steps.push(outcome);
        if (outcome.outcome === 'failed') failed = true;
      }
      if (failed) errors++;
      else if (bot.mode === 'enforce' && resource.steps.some((step) => step.kind === 'change')) {
        for (const findingId of resource.findingIds) {
          const remediated = await recordRemediation(ctx.store, { findingId, bot: bot.bot, at: ctx.clock().toISOString() });
          // A finding the store does not hold (a scan without a store) has nothing to mark.
          if (!remediated.ok && !remediated.message.startsWith('no finding'))
            await audit(ctx, bot, resource, 'remediation', { result: 'not-marked', reason: remediated.message });
        }
      }
    }
    if (maxErrors !== undefined && errors >= maxErrors)
      halted.push({ bot: bot.bot, reason: `${errors} failed actions reached maxErrors ${maxErrors}: the run stopped` });
  }
  return { steps, halted };
}

async function applyStep(ctx: ApplyContext, bot: BotRunPlan, resource: PlannedResource, step: PlannedStep): Promise<AppliedStep> {
  const base = { bot: bot.bot, arn: resource.arn, action: step.action, summary: step.summary };
  const detail = { summary: step.summary, calls: step.calls, records: step.records, before: resource.before };
  if (step.kind === 'refused' || step.kind === 'in-desired-state') {
    await audit(ctx, bot, resource, step.action, { ...detail, result: step.kind });
    return { ...base, outcome: step.kind === 'refused' ? 'refused' : 'no-change' };
  }
  if (bot.mode === 'dry-run') {
    await audit(ctx, bot, resource, step.action, { ...detail, result: 'dry-run' });
    return { ...base, outcome: 'dry-run' };
  }
  await audit(ctx, bot, resource, step.action, { ...detail, result: 'started' });
  try {
    const responses: unknown[] = [];
    for (const call of step.calls) {
      responses.push(await ctx.caller.send(resource, call));
      if (call.waitUntil !== undefined) await waitUntil(ctx, resource, call.service, call.waitUntil);
    }
    for (const record of step.records) await keep(ctx, bot, resource, record);
    await audit(ctx, bot, resource, step.action, { ...detail, result: 'succeeded', responses });
    return { ...base, outcome: 'succeeded' };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await audit(ctx, bot, resource, step.action, { ...detail, result: 'failed', error: message });
    return { ...base, outcome: 'failed', error: message };
  }
}

async function waitUntil(
  ctx: ApplyContext,
  resource: PlannedResource,
  service: ActionService,
  wait: NonNullable<PlannedStep['calls'][number]['waitUntil']>,
): Promise<void> {
  for (let poll = 0; poll < (ctx.maxPolls ?? 360); poll++) {
    const answer = await ctx.caller.send(resource, { service, operation: wait.operation, input: wait.input });
    const value = wait.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], answer);
    if (value === wait.equals) return;
    if (value === 'failed' || value === 'deleted') throw new Error(`${wait.operation}: ${wait.path} is ${String(value)}`);
    await ctx.pause();
  }
  throw new Error(`${wait.operation}: ${wait.path} did not become ${wait.equals}`);
}

async function keep(ctx: ApplyContext, bot: BotRunPlan, resource: PlannedResource, record: StoreRecord): Promise<void> {
  const at = ctx.clock().toISOString();
  if (record.kind === 'mark-for-op') {
    await markForOp(ctx.store, { bot: bot.bot, action: record.op, resourceArn: resource.arn, reason: record.reason, at, dueAt: record.dueAt });
    return;
  }
  if (record.kind === 'op-done') {
    await finishOp(ctx.store, { bot: bot.bot, action: record.op, resourceArn: resource.arn, at });
    return;
  }
  if (!ctx.notify) return;
  await enqueue(ctx.store, {
    // The same message about the same resource is one message, however many runs record it.
    key: `${bot.bot}:${resource.arn}:${sha256Of(record)}`,
    channel: record.kind === 'task' ? 'owner-task' : 'owner',
    payload: { bot: bot.bot, resourceArn: resource.arn, accountId: resource.accountId, region: resource.region, ...record },
    at,
  });
}

type Where = Pick<PlannedResource, 'arn' | 'accountId' | 'region'>;

async function audit(ctx: ApplyContext, bot: BotRunPlan, resource: Where, action: string, detail: Record<string, unknown>): Promise<void> {
  const entry: AuditEntry = {
    at: ctx.clock().toISOString(),
    actor: bot.bot,
    action,
    resourceArn: resource.arn,
    mode: bot.mode,
    runId: ctx.runId,
    planHash: ctx.planHash,
    accountId: resource.accountId,
    region: resource.region,
    detail,
  };
  await appendAudit(ctx.store, entry);
}
