/**
 * `vigil bots apply --plan FILE [--sha256 HASH]`: executes exactly that plan, and nothing else,
 * after checking each resource is still in the state the plan saw (a changed one is skipped and
 * reported). Refused, changing nothing (exit 2): a file whose content no longer matches its hash,
 * a hash other than `--sha256`, a plan older than `--max-age`, an enforced plan applied already.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { applyBots } from '../../app/apply-bots.js';
import { prepareBotScan } from '../../app/bot-candidates.js';
import { liveBots } from '../../app/live-bots.js';
import { readPlanText } from '../../bots/runtime/plan-file.js';
import { errorMessage } from '../../error-message.js';
import { nowOption, reportText, runExitCode } from '../bot-run-output.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import type { BotsApplyOptions } from '../options/bots-run.js';
import { openStoreOption } from '../store-option.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export async function botsApplyCommand(options: BotsApplyOptions, io: CliIo): Promise<ExitCode> {
  const now = nowOption(options.now, io.now());
  if (!now.ok) {
    reportProblems(io, [], [now.message]);
    return ExitCode.input;
  }
  let text: string;
  try {
    text = await readFile(options.plan, 'utf8');
  } catch (error) {
    reportProblems(io, [], [`--plan ${options.plan}: cannot read: ${errorMessage(error)}`]);
    return ExitCode.input;
  }
  const read = readPlanText(text, options.sha256);
  if (!read.ok) {
    reportProblems(io, [], [`--plan ${options.plan}: refused: ${read.message}`]);
    return ExitCode.input;
  }
  const { plan, sha256 } = read;
  const maxAgeMs = Number(options.maxAge.slice(0, -1)) * UNIT_MS[options.maxAge.slice(-1)]!;
  const age = now.now.getTime() - Date.parse(plan.createdAt);
  if (age > maxAgeMs) {
    reportProblems(io, [], [`--plan ${options.plan}: refused: stale, made at ${plan.createdAt}, more than --max-age ${options.maxAge} ago: make a new plan`]);
    return ExitCode.input;
  }

  const scan = await prepareBotScan([], { configFile: options.config, insightDirs: [], now: now.now });
  if (!scan.ok) {
    reportProblems(io, scan.problems, scan.usage);
    return ExitCode.input;
  }
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: scan.scan.config, mustExist: false });
  if (!opened.ok) return opened.code;
  const store = opened.store;
  if (store === undefined) {
    reportProblems(io, [], ['bots apply: the audit trail needs a store']);
    return ExitCode.input;
  }
  try {
    const reached = await liveBots({ config: scan.scan.config?.config, accounts: [], profile: options.profile, scope: scan.scope, clock: io.now });
    if (!reached.ok) {
      if (reached.usage !== undefined) {
        reportProblems(io, [], reached.usage);
        return ExitCode.input;
      }
      io.stderr.write(`vigil: the accounts could not be reached: ${reached.failure?.code}: ${reached.failure?.message}\n`);
      return ExitCode.failed;
    }
    const runId = randomUUID();
    const applied = await applyBots({
      plan,
      sha256,
      store,
      caller: reached.live.caller,
      recheck: (resource) => reached.live.reader.recheck(resource),
      clock: io.now,
      notify: options.notify,
      runId,
    });
    if (!applied.ok) {
      reportProblems(io, [], [`--plan ${options.plan}: refused: ${applied.message}`]);
      return ExitCode.input;
    }
    io.stdout.write(reportText(applied.report, runId));
    return runExitCode(applied.report);
  } finally {
    await store.close();
  }
}
