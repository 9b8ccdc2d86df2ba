/**
 * `vigil notify test --slack CHANNEL | --email ADDRESS`: sends one test message straight through the
 * configured transport (not the outbox: it checks the token, the server and the address now), and
 * says what came back.
 */
import type { NotifyTestOptions } from '../options/notify-test.js';
import { join } from 'node:path';
import { configuredTransports } from '../../notify/configured-transports.js';
import { emailDigest } from '../../notify/email-digest.js';
import type { OwnerDigest } from '../../notify/owner-digest.js';
import { slackDigest } from '../../notify/slack-digest.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption } from '../store-option.js';

export async function notifyTestCommand(options: NotifyTestOptions, io: CliIo): Promise<ExitCode> {
  if ((options.slack === undefined) === (options.email === undefined)) {
    reportProblems(io, [], ['vigil notify test: give --slack CHANNEL or --email ADDRESS']);
    return ExitCode.input;
  }
  const loaded = await loadConfigOption(io, options.config ?? join(io.workDir, 'vigil.yaml'));
  if (!loaded.ok) return ExitCode.input;
  const configured = configuredTransports(loaded.config?.config.notify, process.env);
  if (!configured.ok) {
    reportProblems(io, [], [configured.message]);
    return ExitCode.input;
  }
  const channel = options.slack !== undefined ? 'slack' : 'email';
  const transport = configured.transports[channel];
  if (transport === undefined) {
    reportProblems(io, [], [`vigil notify test: notify.${channel} is not configured`]);
    return ExitCode.input;
  }
  const at = io.now().toISOString();
  const digest: OwnerDigest = {
    owner: { via: 'fallback', name: 'Vigil test' },
    items: [],
    exemptionHelp: `This is a test message from vigil notify test at ${at}.`,
  };
  const payload = options.slack !== undefined ? { target: options.slack, ...slackDigest(digest) } : emailDigest(digest, [options.email ?? '']);
  const outcome = await transport.send(payload, `test-${at}`);
  if (!outcome.ok) {
    io.stderr.write(`vigil: the test message was not delivered (${outcome.kind}): ${outcome.error}\n`);
    return ExitCode.failed;
  }
  io.stdout.write(`test message sent by ${channel} to ${options.slack ?? options.email ?? ''}\n`);
  return ExitCode.ok;
}
