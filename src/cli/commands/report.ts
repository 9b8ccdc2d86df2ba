/**
 * `vigil report daily`: the CISO's and CIO's morning report from the store, written to
 * `DIR/report.html` and `DIR/report.txt`. `--send` also e-mails it to `report.daily.to` and `cc`
 * through the outbox and the configured e-mail transport (once per day and recipients).
 */
import { relative } from 'node:path';
import { prepareScan } from '../../app/prepare-scan.js';
import { writeDailyReport } from '../../app/write-daily-report.js';
import { sendDailyReport } from '../../app/send-daily-report.js';
import { configuredTransports } from '../../notify/configured-transports.js';
import type { Transport } from '../../notify/transport.js';
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
  // What --send needs is checked before anything is written: recipients and an e-mail transport.
  let transport: Transport | undefined;
  if (options.send) {
    const config = prepared.value.config?.config;
    if (config?.report?.daily === undefined) {
      reportProblems(io, [], ['report daily --send: report.daily.to in the --config file names no recipients']);
      return ExitCode.input;
    }
    const configured = configuredTransports(config.notify, process.env, ['email']);
    if (!configured.ok) {
      reportProblems(io, [], [configured.message]);
      return ExitCode.input;
    }
    transport = configured.transports['email'];
    if (transport === undefined) {
      reportProblems(io, [], ['report daily --send: notify.email (smtp or ses) is not configured']);
      return ExitCode.input;
    }
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
    if (transport === undefined) return ExitCode.ok;
    const sent = await sendDailyReport({ store, prepared: prepared.value, report: written.report, transport, now: io.now });
    if (!sent.ok) {
      reportProblems(io, [], [`report daily --send: ${sent.message}`]);
      return ExitCode.input;
    }
    const { delivery } = sent;
    io.stdout.write(
      `${sent.queued ? 'Queued' : 'Already queued today (not again)'}: the report to ${sent.to.join(', ')}; ${delivery.sent} e-mail${delivery.sent === 1 ? '' : 's'} sent${delivery.retrying > 0 ? `, ${delivery.retrying} to retry` : ''}${delivery.dead + delivery.inDoubt > 0 ? `, ${delivery.dead} dead, ${delivery.inDoubt} in doubt (vigil outbox list)` : ''}.\n`,
    );
    return delivery.dead + delivery.inDoubt > 0 ? ExitCode.failed : ExitCode.ok;
  });
}
