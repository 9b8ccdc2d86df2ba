/**
 * What collection tells the person or the log pipeline watching it: one structured event per step
 * (account started, collector done, account failed ...). JSON lines through pino when stderr is
 * not a terminal or `--log json` is asked; a one-line progress display on a terminal.
 */
import { pino, type Logger } from 'pino';
import type { Writable } from 'node:stream';

export type CollectEvent =
  | { event: 'accounts'; accounts: number; regions: number }
  | { event: 'account-start'; accountId: string; name: string }
  | { event: 'account-failed'; accountId: string; name: string; code: string; message: string }
  | { event: 'collector-done'; accountId: string; resourceType: string; resources: number; seconds: number }
  | { event: 'account-done'; accountId: string; name: string; resources: number; seconds: number }
  | { event: 'done'; resources: number; calls: number; retries: number; throttles: number; failures: number; seconds: number };

export interface CollectLog {
  emit(event: CollectEvent): void;
}

/** One JSON object per line (`--log json`, and whenever stderr is not a terminal). */
export function jsonCollectLog(stream: Writable): CollectLog {
  const logger: Logger = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime, messageKey: 'msg' }, stream);
  return {
    emit(event) {
      if (event.event === 'account-failed') logger.warn(event, `account ${event.accountId} was not collected`);
      else logger.info(event, event.event);
    },
  };
}

/** A single progress line, rewritten in place: accounts done / total, resources, API calls. */
export function progressCollectLog(stream: Writable & { columns?: number }, stats: () => { calls: number; throttles: number }): CollectLog {
  let accounts = 0;
  let done = 0;
  let resources = 0;
  const failed: string[] = [];
  const draw = (final = false) => {
    const { calls, throttles } = stats();
    const line = `collecting: ${done}/${accounts} accounts, ${resources} resources, ${calls} API calls, ${throttles} throttles${failed.length > 0 ? `, ${failed.length} not collected` : ''}`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1).padEnd(Math.min(stream.columns ?? 120, 120) - 1)}${final ? '\n' : ''}`);
  };
  return {
    emit(event) {
      switch (event.event) {
        case 'accounts':
          accounts = event.accounts;
          break;
        case 'collector-done':
          resources += event.resources;
          break;
        case 'account-done':
          done++;
          break;
        case 'account-failed':
          done++;
          failed.push(event.accountId);
          stream.write(`\raccount ${event.name} (${event.accountId}) was not collected: ${event.code}: ${event.message}\n`);
          break;
        case 'done':
          draw(true);
          return;
        default:
          break;
      }
      draw();
    },
  };
}
