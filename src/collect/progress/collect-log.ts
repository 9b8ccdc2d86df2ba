/**
 * What collection tells the person or the log pipeline watching it: one structured event per step
 * (account planned, unit done, collector done, account failed ...).
 *
 * JSON lines through pino when stderr is not a terminal or `--log json` is asked. The JSON log is
 * the machine-readable record of a run, so it stays at one line per account step and per
 * collector of an account at `info`; the per-unit events (one collector in one region: accounts ×
 * regions × collectors, tens of thousands in an organisation) are written at `debug` only, asked
 * for with `VIGIL_LOG_LEVEL=debug`. On a terminal, the progress display (progress-display.ts);
 * `--log text`, plain text lines.
 */
import { pino, type Logger } from 'pino';
import type { Writable } from 'node:stream';

export type CollectEvent =
  | { event: 'accounts'; accounts: number; regions: number }
  | { event: 'account-start'; accountId: string; name: string }
  /**
   * The account's regions are known: `units` collectors-in-a-region (and account-scope collectors)
   * will run, `unitsPerRegion` of them in each region, per service as in `services`.
   */
  | { event: 'account-plan'; accountId: string; name: string; regions: string[]; units: number; unitsPerRegion: number; services: Record<string, number> }
  /** One unit finished: a collector in one region, or an account-scope collector. */
  | {
      event: 'unit-done';
      accountId: string;
      region: string;
      service: string;
      resourceType: string;
      scope: 'account' | 'region';
      resources: number;
      failures: number;
      seconds: number;
    }
  | { event: 'account-failed'; accountId: string; name: string; code: string; message: string }
  | { event: 'collector-done'; accountId: string; resourceType: string; resources: number; seconds: number }
  | { event: 'account-done'; accountId: string; name: string; resources: number; seconds: number }
  | { event: 'done'; resources: number; calls: number; retries: number; throttles: number; failures: number; seconds: number };

export interface CollectLog {
  emit(event: CollectEvent): void;
}

export type CollectLogLevel = 'info' | 'debug';

/** One JSON object per line (`--log json`, and whenever stderr is not a terminal). */
export function jsonCollectLog(stream: Writable, options: { level?: CollectLogLevel } = {}): CollectLog {
  const logger: Logger = pino({ base: null, level: options.level ?? 'info', timestamp: pino.stdTimeFunctions.isoTime, messageKey: 'msg' }, stream);
  return {
    emit(event) {
      if (event.event === 'account-failed') logger.warn(event, `account ${event.accountId} was not collected`);
      else if (event.event === 'unit-done') logger.debug(event, event.event);
      else logger.info(event, event.event);
    },
  };
}

/** One plain line per step (`--log text`): for a person reading a log file, or a terminal without redraws. */
export function textCollectLog(stream: Writable, options: { level?: CollectLogLevel } = {}): CollectLog {
  const debug = options.level === 'debug';
  const line = (text: string) => stream.write(`${new Date().toISOString()} ${text}\n`);
  return {
    emit(event) {
      switch (event.event) {
        case 'accounts':
          return void line(`collecting ${event.accounts} account${event.accounts === 1 ? '' : 's'}, ${event.regions} region${event.regions === 1 ? '' : 's'}`);
        case 'account-start':
          return void line(`account ${event.accountId} (${event.name}): started`);
        case 'account-plan':
          return void line(`account ${event.accountId} (${event.name}): ${event.units} collector runs in ${event.regions.length} regions`);
        case 'unit-done':
          if (debug)
            line(
              `account ${event.accountId} ${event.region} ${event.resourceType}: ${event.resources} resources, ${event.failures} failures, ${event.seconds.toFixed(1)} s`,
            );
          return;
        case 'collector-done':
          if (debug) line(`account ${event.accountId} ${event.resourceType}: ${event.resources} resources, ${event.seconds.toFixed(1)} s`);
          return;
        case 'account-failed':
          return void line(`account ${event.accountId} (${event.name}) was not collected: ${event.code}: ${event.message}`);
        case 'account-done':
          return void line(`account ${event.accountId} (${event.name}): ${event.resources} resources in ${event.seconds.toFixed(1)} s`);
        case 'done':
          return void line(
            `done: ${event.resources} resources, ${event.calls} API calls (${event.retries} retries, ${event.throttles} throttles), ${event.failures} failures, ${event.seconds.toFixed(1)} s`,
          );
      }
    },
  };
}

/** The progress display on a terminal: see progress-display.ts. */
export { progressCollectLog } from './progress-display.js';
