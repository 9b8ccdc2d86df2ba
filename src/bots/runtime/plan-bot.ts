/**
 * Plans one bot: the resources in its scope that its filters match, each re-read live just
 * before deciding (a resource fixed meanwhile or gone is skipped), the limits checked on the
 * whole set (a bot that would exceed one acts on none), then each applicable step planned by its
 * action from the live state. Sends nothing that changes anything: reading is all it does.
 */
import type { AccountEntry } from '../../config/account-entry.js';
import type { FindingStatus } from '../../findings/finding.js';
import type { Resource } from '../../model/resource.js';
import { selectsAccount } from '../account-selector.js';
import type { BotStep, LoadedBot } from '../loaded-bot.js';
import { insideWindows } from '../schedule/time-window.js';
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
}

export async function planBot(bot: LoadedBot, input: PlanInput): Promise<BotRunPlan> {
  const account = (resource: Resource): AccountEntry => input.accounts.get(resource.accountId) ?? { id: resource.accountId, name: resource.accountId };
  const inScope = input.candidates.filter(
    ({ resource }) =>
      resource.type === bot.resourceType &&
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
    const steps = bot.steps
      .filter((step) => applies(step, bot, live.resource, account(live.resource), input))
      .map((step) => planStep(step, bot, live.resource, account(live.resource), input.now));
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
  if (when.inWindow !== undefined) {
    const zone = bot.schedule?.timeZone ?? account.timeZone ?? 'UTC';
    if (insideWindows(bot.schedule?.windows ?? [], zone, input.now) !== when.inWindow) return false;
  }
  if (step.condition !== undefined && step.condition(resource, { now: input.now }).truth !== 'true') return false;
  return true;
}

function planStep(step: BotStep, bot: LoadedBot, resource: Resource, account: AccountEntry, now: Date): PlannedStep {
  const planned = step.action.plan(resource, { options: step.options, now, account, bot: bot.id });
  return {
    action: step.action.id,
    kind: planned.kind,
    summary: planned.summary,
    calls: planned.kind === 'change' ? [...planned.calls] : [],
    records: planned.kind === 'change' ? [...(planned.records ?? [])] : planned.kind === 'record' ? [...planned.records] : [],
    destructive: step.action.destructive,
  };
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
