/** The schema of `vigil.yaml`: the organisation's accounts and rules, and what to run. */
import { Type, type Static } from '@sinclair/typebox';
import { BotOverride } from '../bots/bot-schema.js';
import { NotifyConfig } from '../notify/notify-config.js';
import { DaemonSchedules, DaemonSettings } from '../daemon/daemon-config.js';
import { AccountEntry } from './account-entry.js';

export const VigilConfig = Type.Object(
  {
    accounts: Type.Optional(Type.Array(AccountEntry)),
    /** Discover member accounts (and their tags) with AWS Organizations, from the current credentials. */
    organization: Type.Optional(
      Type.Object(
        {
          /** The role assumed in each member account: arn:aws:iam::<account>:role/<roleName>. */
          roleName: Type.String({ minLength: 1 }),
          externalId: Type.Optional(Type.String({ minLength: 2, maxLength: 1224 })),
          /** Account ids to leave out (e.g. the management account). */
          exclude: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{12}$' }))),
        },
        { additionalProperties: false },
      ),
    ),
    /**
     * An AWS Config aggregator to read with `--source config|auto`: one SelectAggregateResourceConfig
     * per resource type for every account it aggregates, instead of accounts × regions queries.
     */
    configAggregator: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 256, pattern: '^[\\w\\-]+$' }),
          /** The region the aggregator lives in. */
          region: Type.String({ pattern: '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$' }),
          /** The account that holds it (the management or delegated administrator account); default: the account of the current credentials. */
          accountId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
        },
        { additionalProperties: false },
      ),
    ),
    regions: Type.Optional(
      Type.Object(
        { allowed: Type.Array(Type.String({ pattern: '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$' }), { uniqueItems: true }) },
        { additionalProperties: false },
      ),
    ),
    /** Tag keys required on resources: resource type (or `*` for all types) → keys. */
    requiredTags: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }))),
    /** Packs to run by default (ids of shipped packs or packs under `packDirs`). */
    packs: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
    /** Folders of extra pack files (relative to this file). */
    packDirs: Type.Optional(Type.Array(Type.String())),
    /** Folders of custom YAML insights (relative to this file). */
    insightDirs: Type.Optional(Type.Array(Type.String())),
    /** Folders of extra bot files (relative to this file), besides the shipped `bots/`. */
    botDirs: Type.Optional(Type.Array(Type.String())),
    /** Per-bot settings, by bot id: mode, scope, limits, schedule, params — without copying the bot's file. */
    bots: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), BotOverride)),
    /** Exemptions file (relative to this file). */
    exemptions: Type.Optional(Type.String()),
    /** How far ahead an exemption may expire, in days (default 365): an accepted risk is looked at again at least this often. */
    exemptionMaxDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })),
    /** Parameter overrides applied over every pack: insight id → { param: value }. */
    params: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()))),
    /**
     * Where scans are recorded (default: SQLite in `.vigil/vigil.db` of the working directory):
     * a SQLite file (relative to this file), or PostgreSQL through the URL in an environment variable.
     */
    store: Type.Optional(
      Type.Object(
        {
          sqlite: Type.Optional(Type.Object({ path: Type.String({ minLength: 1 }) }, { additionalProperties: false })),
          postgres: Type.Optional(
            Type.Object(
              {
                /** The environment variable holding the database URL (never the URL itself: it carries a password). */
                urlEnv: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
              },
              { additionalProperties: false },
            ),
          ),
          /** Raw scans older than this are pruned (findings, transitions and daily roll-ups stay); default 90. */
          keepScansDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** The daily report to the CISO and CIO (`vigil report daily`): recipients and when it is sent. */
    report: Type.Optional(
      Type.Object(
        {
          daily: Type.Optional(
            Type.Object(
              {
                to: Type.Array(Type.String({ format: 'email' }), { minItems: 1 }),
                cc: Type.Optional(Type.Array(Type.String({ format: 'email' }))),
                /** IANA time zone of `at`, e.g. Europe/London; default UTC. */
                timeZone: Type.Optional(Type.String()),
                /** Local time of day it is sent, HH:MM. */
                at: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    /** Slack digests to resource owners and e-mail to the CISO/CIO (see the README). */
    notify: Type.Optional(NotifyConfig),
    /** `vigil daemon`: where it listens, the webhook's secret, how long a shutdown may take. */
    daemon: Type.Optional(DaemonSettings),
    /** `vigil daemon`: when scans, the daily report, outbox delivery and store maintenance run (each cron in an IANA time zone). */
    schedules: Type.Optional(DaemonSchedules),
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/config.json', title: 'Vigil configuration (vigil.yaml)' },
);
export type VigilConfig = Static<typeof VigilConfig>;
