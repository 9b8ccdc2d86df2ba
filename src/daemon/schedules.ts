/**
 * What the daemon runs and when, from the configuration and the bots: scans (one job per account,
 * each after its own jitter), each bot with a cron, the daily report, outbox delivery and store
 * maintenance. Bots that run after each scan (`on: scan`) follow their account's scan instead.
 */
import { hash } from 'node:crypto';
import type { VigilConfig } from '../config/config-schema.js';
import type { LoadedBot } from '../bots/loaded-bot.js';
import { DAEMON_DEFAULTS } from './daemon-config.js';
import type { JobRequest } from './job.js';
import type { TickSpec } from './ticker.js';

export interface Schedule extends TickSpec {
  /** The jobs one tick queues, for the tick's period. */
  jobs(period: string, options: { jitter: boolean }): JobRequest[];
}

export type ScheduledBot = Pick<LoadedBot, 'id' | 'schedule'>;

/** The scan job of an organisation without listed accounts (the caller's account, or AWS Organizations'). */
export const ALL_ACCOUNTS = 'all';

export function daemonSchedules(config: VigilConfig | undefined, bots: readonly ScheduledBot[]): Schedule[] {
  const schedules = config?.schedules;
  const scan = { ...DAEMON_DEFAULTS.scan, ...schedules?.scan };
  const accounts = (config?.accounts ?? []).map((account) => account.id);
  // The report's default time is the one `report.daily` names (at, timeZone), else 07:00 UTC.
  const at = config?.report?.daily?.at?.split(':').map(Number);
  const report = {
    timeZone: config?.report?.daily?.timeZone ?? 'UTC',
    cron: at === undefined ? DAEMON_DEFAULTS.report.cron : `${at[1]} ${at[0]} * * *`,
    ...schedules?.report,
  };
  const outbox = { ...DAEMON_DEFAULTS.outbox, ...schedules?.outbox };
  const maintenance = { ...DAEMON_DEFAULTS.maintenance, ...schedules?.maintenance };
  const list: Schedule[] = [
    {
      id: 'scan',
      cron: scan.cron,
      timeZone: scan.timeZone ?? 'UTC',
      jobs: (period, { jitter }) =>
        (accounts.length > 0 ? accounts : [ALL_ACCOUNTS]).map((account) => ({
          key: `scan:${account}`,
          period,
          data: account === ALL_ACCOUNTS ? { kind: 'scan' } : { kind: 'scan', accountId: account },
          ...(jitter && { delayMs: jitterMs(account, scan.jitterSeconds) }),
        })),
    },
    single('report', report.cron, report.timeZone ?? 'UTC', 'report:daily', { kind: 'report' }),
    single('outbox', outbox.cron, outbox.timeZone ?? 'UTC', 'outbox', { kind: 'outbox' }),
    single('maintenance', maintenance.cron, maintenance.timeZone ?? 'UTC', 'maintenance', { kind: 'maintenance' }),
  ];
  for (const bot of bots) {
    if (bot.schedule?.cron === undefined) continue;
    list.push(single(`bot:${bot.id}`, bot.schedule.cron, bot.schedule.timeZone ?? 'UTC', `bot:${bot.id}`, { kind: 'bot', botId: bot.id }));
  }
  return list;
}

/** The bot runs that follow a scan of an account, for the scan's period. */
export function afterScan(bots: readonly ScheduledBot[], scan: JobRequest): JobRequest[] {
  if (scan.data.kind !== 'scan') return [];
  const { accountId } = scan.data;
  return bots
    .filter((bot) => bot.schedule?.on === 'scan')
    .map((bot) => ({
      key: `bot:${bot.id}:${accountId ?? ALL_ACCOUNTS}`,
      period: scan.period,
      data: { kind: 'bot', botId: bot.id, ...(accountId !== undefined && { accountId }) },
    }));
}

function single(id: string, cron: string, timeZone: string, key: string, data: JobRequest['data']): Schedule {
  return { id, cron, timeZone, jobs: (period) => [{ key, period, data }] };
}

/** The same delay for an account at every tick, spread over the window, so accounts' scans do not start together. */
export function jitterMs(account: string, jitterSeconds: number): number {
  if (jitterSeconds <= 0) return 0;
  const spread = jitterSeconds * 1000;
  return Number(BigInt(`0x${hash('sha256', `vigil-jitter\u0000${account}`, 'hex').slice(0, 12)}`) % BigInt(spread));
}
