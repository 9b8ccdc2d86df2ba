/**
 * `vigil report daily`: the CISO's and CIO's morning report from the store, written to
 * `DIR/report.html` and `DIR/report.txt`. `--send` will deliver it through the notifications'
 * e-mail transport and outbox; until that exists the files are written and the command says so.
 */
import { relative } from 'node:path';
import { prepareScan } from '../../app/prepare-scan.js';
import { writeDailyReport } from '../../app/write-daily-report.js';
import { ExitCode } from '../exit-codes.js';
import type { ReportDailyOptions } from '../options/report-daily.js';
import { reportProblems, type CliIo } from '../io.js';
import { withRecordedStore } from '../store-option.js';
import { parseWindowStart, windowSince } from '../window-option.js';

export async function reportDailyCommand(options: ReportDailyOptions, io: CliIo): Promise<ExitCode> {
  const start = parseWindowStart('--since', options.since);
  if (!start.ok) {
    reportProblems(io, [], [start.message]);
    return ExitCode.input;
  }
  const now = io.now();
  const prepared = await prepareScan({ ...(options.config !== undefined && { configFile: options.config }), now });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: prepared.value.config }, async (store) => {
    const written = await writeDailyReport({
      store,
      prepared: prepared.value,
      outDir: options.out,
      windowStart: windowSince(start.start, now.toISOString()),
      now,
    });
    if (!written.ok) {
      reportProblems(io, [], [`report daily: ${written.message}`]);
      return ExitCode.input;
    }
    const shown = written.files.map((file) => relative(process.cwd(), file) || file).join(' and ');
    io.stdout.write(`Wrote ${shown}.\n`);
    if (options.send) {
      io.stderr.write(
        'vigil: report daily --send: e-mail delivery comes with the notifications (e-mail transport and outbox); the report was written to files only\n',
      );
    }
    return ExitCode.ok;
  });
}
