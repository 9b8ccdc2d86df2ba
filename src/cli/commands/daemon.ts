/**
 * `vigil daemon [--config vigil.yaml] [--once]`: scans, bots, the daily report, outbox delivery and
 * store maintenance on their schedules, with /healthz, /readyz, /metrics and the deployment webhook
 * on `daemon.listen`. On PostgreSQL the jobs go through pg-boss, shared with every daemon on the
 * database; on SQLite they run in-process. SIGTERM or SIGINT: stop taking work, let the current
 * step finish (or abort it) within `daemon.shutdownSeconds`, close the store, exit 0.
 */
import { hostname } from 'node:os';
import { pino } from 'pino';
import { daemonBotRunner } from '../../app/daemon-bot-runner.js';
import { liveDaemonServices } from '../../app/daemon-services.js';
import { prepareBots } from '../../app/prepare-bots.js';
import { systemClock } from '../../daemon/clock.js';
import { createDaemon } from '../../daemon/daemon.js';
import { DAEMON_DEFAULTS } from '../../daemon/daemon-config.js';
import { inProcessQueue } from '../../daemon/in-process-queue.js';
import type { JobQueue } from '../../daemon/job-queue.js';
import { pgBossQueue } from '../../daemon/pg-boss-queue.js';
import { cronTicker } from '../../daemon/ticker.js';
import { errorMessage } from '../../error-message.js';
import { configuredTransports } from '../../notify/configured-transports.js';
import { chooseStore } from '../../store/store-location.js';
import { openStore } from '../../store/store.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import type { DaemonOptions } from '../options/daemon.js';

export async function daemonCommand(options: DaemonOptions, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareBots({ configFile: options.config, botDirs: [], insightDirs: [], now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  reportProblems(io, prepared.warnings);
  const loaded = prepared.scan.config;
  const settings = { ...DAEMON_DEFAULTS, ...loaded?.config.daemon };
  const listen = parseListen(settings.listen);
  const transports = configuredTransports(loaded?.config.notify, process.env);
  const chosen = chooseStore({ flag: options.store, config: loaded, workDir: io.workDir, env: process.env });
  const usage = [
    ...(listen.ok ? [] : [`${loaded?.file ?? 'vigil.yaml'}: daemon.listen: ${listen.message}`]),
    ...(transports.ok ? [] : [transports.message]),
    ...(chosen.ok ? [] : [chosen.message]),
  ];
  if (usage.length > 0 || !chosen.ok || chosen.choice.kind !== 'store' || !transports.ok || !listen.ok) {
    reportProblems(io, [], usage.length > 0 ? usage : ['vigil daemon: the daemon records into a store']);
    return ExitCode.input;
  }
  const { target, keepScansDays } = chosen.choice;
  const opened = await openStore(target);
  if (!opened.ok) {
    io.stderr.write(`vigil: ${opened.problem.message}\n`);
    return opened.problem.kind === 'input' ? ExitCode.input : ExitCode.failed;
  }
  const { store } = opened;
  // One JSON line per event on stderr; secrets (tokens, the webhook secret, the database password) are never in them.
  const log = pino({ base: { name: 'vigil-daemon' }, timestamp: pino.stdTimeFunctions.isoTime, messageKey: 'msg' }, io.stderr);
  const clock = { ...systemClock, now: io.now };
  let queue: JobQueue | undefined;
  try {
    const onError = (error: unknown) => log.error({ event: 'queue.error', error: errorMessage(error) });
    queue =
      target.engine === 'postgres' ? await pgBossQueue({ url: target.url, clock, onError }) : inProcessQueue({ clock, onError: (error) => onError(error) });
    const daemon = createDaemon({
      config: loaded?.config,
      bots: prepared.bots,
      store,
      queue,
      clock,
      ticker: cronTicker(),
      services: {
        ...liveDaemonServices({ config: loaded, transports: transports.transports, reportDir: options.reportDir, keepScansDays, logStream: io.stderr }),
        runBot: daemonBotRunner({ config: loaded, store, logStream: io.stderr, clock: () => clock.now() }),
      },
      log,
      runner: `${hostname()}:${process.pid}`,
      shutdownSeconds: settings.shutdownSeconds,
      webhookSecret: process.env[settings.webhookSecretEnv],
    });
    if (options.once) {
      const failed = await daemon.once();
      await daemon.shutdown();
      return failed.length > 0 ? ExitCode.failed : ExitCode.ok;
    }
    await daemon.http.listen({ host: listen.host, port: listen.port });
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    await daemon.start();
    log.info({ event: 'daemon.listening', listen: settings.listen });
    const signal = await stopped;
    log.info({ event: 'daemon.signal', signal });
    await daemon.shutdown();
    return ExitCode.ok;
  } catch (error) {
    log.error({ event: 'daemon.failed', error: errorMessage(error) });
    return ExitCode.failed;
  } finally {
    // Flushed and closed last: the jobs have stopped writing by now.
    await store.close();
  }
}

function parseListen(listen: string): { ok: true; host: string; port: number } | { ok: false; message: string } {
  const at = listen.lastIndexOf(':');
  const host = listen.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  const port = Number(listen.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `'${listen}' is not host:port` };
  return { ok: true, host, port };
}
