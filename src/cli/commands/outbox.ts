/**
 * `vigil outbox list`: the notifications not yet delivered — waiting, in doubt (a sender died while
 * sending: check, then release), dead (gave up, with the reason). `vigil outbox flush`: deliver what
 * is due now (what a restarted process or the daemon does on start).
 */
import type { OutboxFlushOptions, OutboxListOptions } from '../options/outbox.js';
import { deliverOutbox } from '../../notify/deliver-outbox.js';
import { configuredTransports } from '../../notify/configured-transports.js';
import { outboxMessages } from '../../store/outbox.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption, withRecordedStore } from '../store-option.js';

export async function outboxListCommand(options: OutboxListOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    const states = options.state.length > 0 ? options.state : (['pending', 'sending', 'in-doubt', 'dead'] as const);
    const messages = [];
    for (const state of states) {
      for (const message of await outboxMessages(store, state)) {
        const { payload: _payload, claim_token: _token, ...shown } = message;
        messages.push(shown);
      }
    }
    const json = (options.format ?? (io.stdout.isTTY === true ? 'table' : 'json')) === 'json';
    if (json) io.stdout.write(`${JSON.stringify(messages, null, 2)}\n`);
    else {
      const lines = messages.map(
        (m) =>
          `${String(m.id).padStart(6)}  ${m.state.padEnd(8)}  ${m.channel.padEnd(6)}  attempts ${m.attempts}  next ${m.next_attempt_at}  ${m.last_error ?? ''}`,
      );
      io.stdout.write(lines.length === 0 ? 'outbox: nothing waiting, in doubt or dead\n' : `${lines.join('\n')}\n`);
    }
    return ExitCode.ok;
  });
}

export async function outboxFlushCommand(options: OutboxFlushOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  const transports = configuredTransports(loaded.config?.config.notify, process.env);
  if (!transports.ok) {
    reportProblems(io, [], [transports.message]);
    return ExitCode.input;
  }
  if (Object.keys(transports.transports).length === 0) {
    reportProblems(io, [], ['vigil outbox flush: no transport configured (notify.slack or notify.email in the --config file)']);
    return ExitCode.input;
  }
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    const report = await deliverOutbox(store, transports.transports, { now: io.now });
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return report.dead > 0 || report.inDoubt > 0 ? ExitCode.failed : ExitCode.ok;
  });
}
