/**
 * The daemon's services in production: scans collect live (the configuration's accounts, roles
 * and organisation, as `vigil scan --live`), notifications go through the configured transports,
 * the report is written to a folder. Bot runs are `daemonBotRunner` (daemon-bot-runner.ts).
 */
import type { Writable } from 'node:stream';
import { jsonCollectLog } from '../collect/progress/collect-log.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { DaemonServices } from '../daemon/services.js';
import type { Transports } from '../notify/transport.js';
import { collectLive, selectionOf } from './live-collection.js';
import { prepareScan } from './prepare-scan.js';

export function liveDaemonServices(options: {
  readonly config: LoadedConfig | undefined;
  readonly transports: Transports;
  readonly reportDir: string;
  readonly keepScansDays: number;
  /** Where the collections' JSON progress lines go (the daemon's log stream). */
  readonly logStream: Writable;
}): Omit<DaemonServices, 'runBot'> {
  const { config } = options;
  return {
    prepare: (now) => prepareScan({ ...(config !== undefined && { configFile: config.file }), now }),
    async collect(request) {
      const result = await collectLive({
        config: config?.config,
        accounts: request.accountId === undefined ? [] : [request.accountId],
        regions: undefined,
        concurrency: 4,
        selection: selectionOf(request.prepared.plan),
        out: request.file,
        log: jsonCollectLog(options.logStream),
        clock: request.now,
      });
      if (!result.ok) return { ok: false, message: result.failure?.message ?? result.usage?.join('; ') ?? 'the collection failed' };
      const calls = Object.fromEntries(
        Object.entries(result.clients.stats.byService()).map(([service, s]) => [service, { calls: s.calls, throttles: s.throttles }]),
      );
      result.clients.destroy();
      return { ok: true, degraded: result.collected.degraded, calls };
    },
    transports: options.transports,
    reportDir: options.reportDir,
    keepScansDays: options.keepScansDays,
  };
}
