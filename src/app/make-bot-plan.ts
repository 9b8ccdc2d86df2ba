/**
 * What `vigil bots plan` and `vigil bots run` share: the bots loaded and chosen, what their filters
 * need collected live as `vigil scan --live` collects it (or read from `--snapshot`), the
 * candidates, the accounts reached for the live re-read, and the plan. Problems are reported on
 * stderr; the outcome says which exit code they mean.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { PlanFile } from '../bots/runtime/bot-plan.js';
import { ExitCode } from '../exit-code.js';
import { reportProblems } from '../input/report-problems.js';
import { pacedReader } from '../bots/runtime/paced-reader.js';
import type { PlanInput } from '../bots/runtime/plan-bot.js';
import { botCandidates, botSelection, prepareBotScan } from './bot-candidates.js';
import { liveBots, type LiveBots } from './live-bots.js';
import { planBots } from './plan-bots.js';
import { prepareBots } from './prepare-bots.js';
import { runCollection } from './run-collection.js';

export interface BotPlanRequest {
  readonly ids: readonly string[];
  readonly config?: string | undefined;
  readonly bots: readonly string[];
  readonly insights: readonly string[];
  readonly exemptions?: string | undefined;
  /** Candidates from this snapshot instead of a live collection (each is still re-read live). */
  readonly snapshot?: string | undefined;
  readonly account: readonly string[];
  readonly regions?: string | undefined;
  readonly source: 'api' | 'config' | 'auto';
  readonly profile?: string | undefined;
  readonly concurrency: number;
  readonly log?: 'json' | 'text' | undefined;
  readonly enforce: boolean;
  readonly event?: string | undefined;
  /** `--now`: the clock of schedules, windows and grace periods. */
  readonly now: Date;
  /** The store's pending `mark-for-op` operations (`pendingOpsLookup`), so steps run when one is due; without it they never do. */
  readonly pendingOps?: PlanInput['pendingOps'];
}

export interface BotPlanIo {
  readonly stderr: Writable & { isTTY?: boolean };
  readonly now: () => Date;
}

export type MadeBotPlan = { ok: true; plan: PlanFile; text: string; sha256: string; live: LiveBots } | { ok: false; code: ExitCode };

export async function makeBotPlan(request: BotPlanRequest, io: BotPlanIo): Promise<MadeBotPlan> {
  const prepared = await prepareBots({ configFile: request.config, botDirs: request.bots, insightDirs: request.insights, now: request.now });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return { ok: false, code: ExitCode.input };
  }
  reportProblems(io, prepared.warnings);
  const known = new Map(prepared.bots.map((bot) => [bot.id, bot]));
  const unknown = request.ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    reportProblems(
      io,
      [],
      unknown.map((id) => `no bot with id '${id}' (known: ${[...known.keys()].sort().join(', ')})`),
    );
    return { ok: false, code: ExitCode.input };
  }
  const bots = request.ids.length > 0 ? request.ids.map((id) => known.get(id)!) : prepared.bots;
  if (request.event !== undefined && !bots.some((bot) => bot.steps.some((step) => step.when.event === request.event))) {
    reportProblems(io, [], [`--event ${request.event}: no step of ${bots.map((bot) => bot.id).join(', ')} runs on it`]);
    return { ok: false, code: ExitCode.input };
  }
  const botScan = await prepareBotScan(bots, {
    configFile: request.config,
    insightDirs: request.insights,
    exemptionsFile: request.exemptions,
    now: request.now,
  });
  if (!botScan.ok) {
    reportProblems(io, botScan.problems, botScan.usage);
    return { ok: false, code: ExitCode.input };
  }
  const { scan, scope } = botScan;

  const scratch = request.snapshot === undefined ? mkdtempSync(join(tmpdir(), 'vigil-bots-')) : undefined;
  try {
    let snapshot = request.snapshot;
    if (scratch !== undefined) {
      snapshot = join(scratch, 'snapshot.jsonl.gz');
      const collected = await runCollection(
        {
          ...(request.config !== undefined && { config: request.config }),
          account: [...request.account],
          ...(request.regions !== undefined && { regions: request.regions }),
          source: request.source,
          out: snapshot,
          ...(request.profile !== undefined && { profile: request.profile }),
          concurrency: request.concurrency,
          ...(request.log !== undefined && { log: request.log }),
          pack: [],
          insight: [],
        },
        io,
        botSelection(bots, scan),
      );
      // A bot never acts on a partial view: an account that could not be reached fails the run.
      if (collected.code !== ExitCode.ok) return { ok: false, code: collected.code };
    }
    const candidates = await botCandidates(bots, scan, snapshot!, request.now);
    if (!candidates.ok) {
      reportProblems(io, candidates.problems);
      return { ok: false, code: ExitCode.input };
    }
    const reached = await liveBots({ config: scan.config?.config, accounts: request.account, profile: request.profile, scope, clock: io.now });
    if (!reached.ok) {
      if (reached.usage !== undefined) {
        reportProblems(io, [], reached.usage);
        return { ok: false, code: ExitCode.input };
      }
      io.stderr.write(`vigil: the accounts could not be reached: ${reached.failure?.code}: ${reached.failure?.message}\n`);
      return { ok: false, code: ExitCode.failed };
    }
    const inAccounts =
      request.account.length === 0
        ? candidates.candidates
        : candidates.candidates.filter(
            ({ resource }) => request.account.includes(resource.accountId) || request.account.includes(scan.accounts.get(resource.accountId)?.name ?? ''),
          );
    const made = await planBots({
      bots,
      candidates: inAccounts,
      accounts: scan.accounts,
      readLive: (candidate) => reached.live.reader.readLive(candidate),
      // Reads are paced per account, region and operation (CloudTrail allows 2 LookupEvents a second).
      read: pacedReader(reached.live.caller, { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }),
      now: request.now,
      ...(request.pendingOps !== undefined && { pendingOps: request.pendingOps }),
      createdAt: io.now(),
      enforce: request.enforce,
      event: request.event,
    });
    return { ok: true, ...made, live: reached.live };
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}
