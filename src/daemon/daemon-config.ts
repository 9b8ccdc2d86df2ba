/**
 * The daemon's part of `vigil.yaml` (these keys are a contract):
 * `daemon: { listen, webhookSecretEnv, shutdownSeconds }` and
 * `schedules: { scan: { cron, timeZone }, report: { cron, timeZone }, ... }`. Bots keep their own
 * `schedule`. The defaults live here, with the schemas, and nowhere else.
 */
import { Type, type Static } from '@sinclair/typebox';

const EnvName = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'the name of an environment variable (never the secret itself)' });

export const DaemonSettings = Type.Object(
  {
    /** Where /healthz, /metrics and the webhook listen: host:port (default 127.0.0.1:9464). */
    listen: Type.Optional(Type.String({ pattern: '^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):[0-9]{1,5}$' })),
    /** The environment variable holding the webhook's HMAC secret (default VIGIL_WEBHOOK_SECRET). */
    webhookSecretEnv: Type.Optional(EnvName),
    /** On SIGTERM/SIGINT: how long the current step may take to finish before it is aborted (default 30). */
    shutdownSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
  },
  { additionalProperties: false },
);
export type DaemonSettings = Static<typeof DaemonSettings>;

const scheduleFields = (what: string) => ({
  /** Five-field cron. */
  cron: Type.String({ minLength: 9, description: `when ${what}: five-field cron` }),
  /** IANA time zone of `cron` (default UTC). */
  timeZone: Type.Optional(Type.String({ minLength: 1 })),
});
const Schedule = (what: string) => Type.Object(scheduleFields(what), { additionalProperties: false });

export const DaemonSchedules = Type.Object(
  {
    /** Scans: one job per account at each tick, each started after its own jitter. */
    scan: Type.Optional(
      Type.Object(
        {
          ...scheduleFields('the scans run'),
          /** Each account's scan starts up to this many seconds after the tick, the same delay every time (default 300). */
          jitterSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** The daily report (default 07:00 in `report.daily.timeZone`, else UTC). */
    report: Type.Optional(Schedule('the daily report is written and sent')),
    /** Delivery of the notification outbox (default every 5 minutes). */
    outbox: Type.Optional(Schedule('the outbox is flushed')),
    /** Store maintenance: retention of raw scans and roll-ups (default 03:30 UTC). */
    maintenance: Type.Optional(Schedule('store maintenance runs')),
  },
  { additionalProperties: false },
);
export type DaemonSchedules = Static<typeof DaemonSchedules>;

export const DAEMON_DEFAULTS = {
  listen: '127.0.0.1:9464',
  webhookSecretEnv: 'VIGIL_WEBHOOK_SECRET',
  shutdownSeconds: 30,
  scan: { cron: '0 */4 * * *', timeZone: 'UTC', jitterSeconds: 300 },
  report: { cron: '0 7 * * *' },
  outbox: { cron: '*/5 * * * *', timeZone: 'UTC' },
  maintenance: { cron: '30 3 * * *', timeZone: 'UTC' },
} as const;
