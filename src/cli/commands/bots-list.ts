/** `vigil bots list`: each bot with its mode, scope and schedule in words. */
import { prepareBots } from '../../app/prepare-bots.js';
import { describeSchedule } from '../../bots/schedule/describe-schedule.js';
import { ExitCode } from '../exit-codes.js';
import type { BotsListOptions } from '../options/bots-list.js';
import { reportProblems, type CliIo } from '../io.js';

export async function botsListCommand(options: BotsListOptions, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareBots({ configFile: options.config, botDirs: options.bots, insightDirs: options.insights, now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  const rows = [...prepared.bots]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((bot) => ({
      id: bot.id,
      title: bot.title,
      // As the bot file writes it: one type, or the list of a bot over several.
      resourceType: bot.resourceTypes.length === 1 ? bot.resourceType : bot.resourceTypes,
      mode: bot.mode,
      // Windows and cron read in the account's zone unless the bot names one.
      schedule: describeSchedule(bot.schedule, "each account's time zone"),
      scope: bot.scope,
      // Runs are recorded in the store's audit trail; listing does not open the store.
      lastRun: null,
    }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  for (const row of rows) {
    io.stdout.write(`${row.id.padEnd(30)} ${row.mode.padEnd(8)} ${[row.resourceType].flat().join(', ').padEnd(22)} ${row.title}\n`);
    io.stdout.write(`${''.padEnd(30)} ${row.schedule}\n`);
  }
  io.stdout.write(`${rows.length} bots\n`);
  return ExitCode.ok;
}
