/**
 * Plans one bot: the resources in its scope that its filters match, each re-read live just
 * before deciding (a resource fixed meanwhile or gone is skipped), the limits checked on the
 * whole set (a bot that would exceed one acts on none), then each applicable step planned by its
 * action from the live state. Sends nothing that changes anything: reading is all it does — the
 * resource, and the read-only calls an action declares (`reads`), answered before it plans.
 */
import type { AccountEntry } from '../../config/account-entry.js';
import type { FindingStatus } from '../../findings/finding.js';
import type { Resource } from '../../model/resource.js';
import { selectsAccount } from '../account-selector.js';
import type { ReadAnswer, ReadCall } from '../actions/define-action.js';
import type { BotStep, LoadedBot } from '../loaded-bot.js';
import { insideWindows } from '../schedule/time-window.js';
import { isReadOperation } from './read-operations.js';
import { sha256Of, type BotRunPlan, type PlannedResource, type PlannedStep } from './bot-plan.js';
import { isUnreadableLive, type UnreadableLive } from './live-read.js';

/** A resource as the scan saw it, with its findings (after exemptions). */
export interface Candidate {
  readonly resource: Resource;
  /** insight id → status and finding id. */
  readonly findings: ReadonlyMap<string, { readonly status: FindingStatus; readonly id: string }>;
}

export interface PlanInput {
  readonly candidates: readonly Candidate[];
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  /** Reads the resource again, live, and evaluates its findings again; undefined when it is gone, why when it could not be read. */
  readLive(candidate: Candidate): Promise<Candidate | UnreadableLive | undefined>;
  readonly now: Date;
  readonly mode: 'dry-run' | 'enforce';
  readonly event?: string | undefined;
  /** Sends an action's read-only call (paced: `pacedReader`); without it such an action gets no answers and refuses. */
  read?(target: { readonly accountId: string; readonly region: string }, call: ReadCall): Promise<Record<string, unknown>>;
  /** The operations this bot marked the resource for (`mark-for-op`) still pending in the store, for `when.due`. */
  pendingOps?(bot: string, resourceArn: string): readonly { readonly op: string; readonly dueAt: string }[];
}

export async function planBot(bot: LoadedBot, input: PlanInput): Promise<BotRunPlan> {
  const account = (resource: Resource): AccountEntry => input.accounts.get(resource.accountId) ?? { id: resource.accountId, name: resource.accountId };
  const inScope = input.candidates.filter(
    ({ resource }) =>
      bot.resourceTypes.includes(resource.type) &&
      (bot.scope.accounts === undefined || selectsAccount(bot.scope.accounts, account(resource))) &&
      (bot.scope.regions === undefined || bot.scope.regions.includes(resource.region)),
  );
  const matches = (candidate: Candidate) =>
    bot.filter({
      resource: candidate.resource,
      account: account(candidate.resource),
      findings: new Map([...candidate.findings].map(([id, finding]) => [id, finding.status])),
      now: input.now,
    }) === 'true';
  const matched = inScope.filter(matches);
  const plan: BotRunPlan = {
    bot: bot.id,
    mode: input.mode,
    matched: matched.length,
    skipped: [],
    resources: [],
    permissions: [],
    ...(bot.limits.maxErrors !== undefined && { maxErrors: bot.limits.maxErrors }),
  };

  const limit = limitExceeded(bot, matched.length, inScope.length);
  if (limit !== undefined) return { ...plan, halted: limit };

  for (const candidate of matched) {
    const live = await input.readLive(candidate);
    if (live === undefined) {
      plan.skipped.push({ arn: candidate.resource.arn, reason: 'the resource is gone' });
      continue;
    }
    if (isUnreadableLive(live)) {
      plan.skipped.push({ arn: candidate.resource.arn, reason: `it could not be re-read live: ${live.unreadable}` });
      continue;
    }
    if (!matches(live)) {
      plan.skipped.push({ arn: candidate.resource.arn, reason: 'it no longer matches when re-read live (fixed meanwhile?)' });
      continue;
    }
    const steps: PlannedStep[] = [];
    for (const step of bot.steps) {
      if (applies(step, bot, live.resource, account(live.resource), input)) steps.push(await planStep(step, bot, live.resource, account(live.resource), input));
    }
    if (steps.length === 0) continue;
    plan.resources.push(plannedResource(live, steps));
  }
  const permissions = new Set(plan.resources.flatMap((r) => r.steps.flatMap((s) => s.calls.map((c) => c.permission))));
  return { ...plan, permissions: [...permissions].sort() };
}

function limitExceeded(bot: LoadedBot, matched: number, inScope: number): string | undefined {
  const { maxResources, maxPercent } = bot.limits;
  if (maxResources !== undefined && matched > maxResources) return `${matched} resources match, more than maxResources ${maxResources}: acting on none`;
  if (maxPercent !== undefined && inScope > 0 && (matched / inScope) * 100 > maxPercent) {
    return `${matched} of ${inScope} resources in scope match (${((matched / inScope) * 100).toFixed(1)}%), more than maxPercent ${maxPercent}: acting on none`;
  }
  return undefined;
}

function applies(step: BotStep, bot: LoadedBot, resource: Resource, account: AccountEntry, input: PlanInput): boolean {
  const { when } = step;
  // An event runs only the steps written for it; a scheduled run never runs them.
  if (when.event !== input.event) return false;
  if (step.accountIn !== undefined && !selectsAccount(step.accountIn, account)) return false;
  if (step.accountNotIn !== undefined && selectsAccount(step.accountNotIn, account)) return false;
  if (when.resourceType !== undefined && !(typeof when.resourceType === 'string' ? [when.resourceType] : when.resourceType).includes(resource.type))
    return false;
  const zone = bot.schedule?.timeZone ?? account.timeZone ?? 'UTC';
  if (when.inWindow !== undefined && insideWindows(bot.schedule?.windows ?? [], zone, input.now) !== when.inWindow) return false;
  if (when.within !== undefined && !insideWindows(when.within, zone, input.now)) return false;
  if (when.due !== undefined) {
    // Without the store's answer the grace period is unknown, and unknown never acts.
    const ops = input.pendingOps?.(bot.id, resource.arn) ?? [];
    if (!ops.some((op) => op.op === when.due && Date.parse(op.dueAt) <= input.now.getTime())) return false;
  }
  if (step.condition !== undefined && step.condition(resource, { now: input.now }).truth !== 'true') return false;
  return true;
}

async function planStep(step: BotStep, bot: LoadedBot, resource: Resource, account: AccountEntry, input: PlanInput): Promise<PlannedStep> {
  const ctx = { options: step.options, now: input.now, account, bot: bot.id, params: bot.params };
  const answers: ReadAnswer[] = [];
  for (const call of step.action.reads?.(resource, ctx) ?? []) answers.push(await answer(input, resource, call));
  const planned = step.action.plan(resource, { ...ctx, answers });
  const records = planned.kind === 'change' ? [...(planned.records ?? [])] : planned.kind === 'record' ? [...planned.records] : [];
  // The marked operation is done once this change succeeds: the store stops holding it pending.
  if (planned.kind === 'change' && step.when.due !== undefined) records.push({ kind: 'op-done', op: step.when.due });
  return {
    action: step.action.id,
    kind: planned.kind,
    summary: planned.summary,
    calls: planned.kind === 'change' ? [...planned.calls] : [],
    records,
    destructive: step.action.destructive,
  };
}

async function answer(input: PlanInput, resource: Resource, call: ReadCall): Promise<ReadAnswer> {
  if (input.read === undefined) return { ok: false, error: 'no live reader in this run' };
  // Planning runs in dry runs too: a declared read that would change something is never sent.
  if (!isReadOperation(call.service, call.operation))
    return { ok: false, error: `${call.service}:${call.operation} is not a read-only call; planning sends none` };
  try {
    const pages = [await input.read(resource, call)];
    const token = call.pages?.token;
    let next = token === undefined ? undefined : pages[0]![token];
    while (token !== undefined && typeof next === 'string' && next !== '' && pages.length < call.pages!.max) {
      pages.push(await input.read(resource, { ...call, input: { ...call.input, [token]: next } }));
      next = pages.at(-1)![token];
    }
    return { ok: true, value: pages[0]!, pages, more: typeof next === 'string' && next !== '' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function plannedResource(live: Candidate, steps: PlannedStep[]): PlannedResource {
  const { resource } = live;
  const before = { tags: resource.tags, config: resource.config };
  return {
    arn: resource.arn,
    type: resource.type,
    id: resource.id,
    accountId: resource.accountId,
    region: resource.region,
    name: resource.name,
    findingIds: [...live.findings.values()].filter((finding) => finding.status === 'fail').map((finding) => finding.id),
    before,
    beforeHash: sha256Of(before),
    steps,
  };
}
