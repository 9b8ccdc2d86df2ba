/**
 * `vigil bots plan [ID ...] --out plan.json`: collects what the bots' filters need, re-reads each
 * matched resource live, and writes the plan (schemas/plan.json) with its SHA-256; nothing is
 * changed and nothing recorded. Exit 1 when a bot would exceed a limit (it acts on none).
 */
import { writeFile } from 'node:fs/promises';
import { makeBotPlan } from '../../app/make-bot-plan.js';
import { planSummary } from '../../app/plan-bots.js';
import { errorMessage } from '../../error-message.js';
import { nowOption } from '../bot-run-output.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import type { BotsPlanOptions } from '../options/bots-run.js';

export async function botsPlanCommand(ids: readonly string[], options: BotsPlanOptions, io: CliIo): Promise<ExitCode> {
  const now = nowOption(options.now, io.now());
  if (!now.ok) {
    reportProblems(io, [], [now.message]);
    return ExitCode.input;
  }
  const made = await makeBotPlan({ ...options, ids, now: now.now }, io);
  if (!made.ok) return made.code;
  try {
    await writeFile(options.out, made.text);
  } catch (error) {
    io.stderr.write(`vigil: cannot write ${options.out}: ${errorMessage(error)}\n`);
    return ExitCode.failed;
  }
  io.stdout.write(`${planSummary(made.plan).join('\n')}\nwrote ${options.out}\nsha256 ${made.sha256}\n`);
  return made.plan.bots.some((bot) => bot.halted !== undefined) ? ExitCode.findings : ExitCode.ok;
}
