/**
 * `vigil bots run ID [--enforce] [--event NAME] [--account ID] [--now ISO] [--no-notify]`: plans
 * and applies one bot in one go, for schedules and events. Without `--enforce` the bot runs in its
 * configured mode (dry-run unless the user's config says enforce). Exit 1 when a limit halted it,
 * 3 when an action failed.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { applyBots } from '../../app/apply-bots.js';
import { makeBotPlan } from '../../app/make-bot-plan.js';
import { planSummary } from '../../app/plan-bots.js';
import { errorMessage } from '../../error-message.js';
import { pendingOpsLookup } from '../../store/scheduled-ops.js';
import { nowOption, reportText, runExitCode } from '../bot-run-output.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import type { BotsRunOptions } from '../options/bots-run.js';
import { loadConfigOption, openStoreOption } from '../store-option.js';

export async function botsRunCommand(id: string, options: BotsRunOptions, io: CliIo): Promise<ExitCode> {
  const now = nowOption(options.now, io.now());
  if (!now.ok) {
    reportProblems(io, [], [now.message]);
    return ExitCode.input;
  }
  // The store is opened before anything is collected: a misnamed store changes nothing.
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config, mustExist: false });
  if (!opened.ok) return opened.code;
  const store = opened.store;
  if (store === undefined) {
    reportProblems(io, [], ['bots run: the audit trail needs a store']);
    return ExitCode.input;
  }
  try {
    const made = await makeBotPlan({ ...options, ids: [id], now: now.now, pendingOps: await pendingOpsLookup(store) }, io);
    if (!made.ok) return made.code;
    if (options.out !== undefined) {
      try {
        await writeFile(options.out, made.text);
      } catch (error) {
        io.stderr.write(`vigil: cannot write ${options.out}: ${errorMessage(error)}\n`);
        return ExitCode.failed;
      }
    }
    io.stdout.write(`${planSummary(made.plan).join('\n')}\nplan sha256 ${made.sha256}\n`);
    const runId = randomUUID();
    const applied = await applyBots({
      plan: made.plan,
      sha256: made.sha256,
      store,
      caller: made.live.caller,
      recheck: (resource) => made.live.reader.recheck(resource),
      clock: io.now,
      notify: options.notify,
      runId,
    });
    if (!applied.ok) {
      reportProblems(io, [], [applied.message]);
      return ExitCode.input;
    }
    io.stdout.write(reportText(applied.report, runId));
    return runExitCode(applied.report);
  } finally {
    await store.close();
  }
}
