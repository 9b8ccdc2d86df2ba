/** The options of `vigil bots plan`, `vigil bots apply` and `vigil bots run`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { Repeated, collectionOptions } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const { pack: _pack, insight: _insight, ...collection } = collectionOptions;

/** What planning takes: the bots, what to collect (or a snapshot), the clock, the run's mode and event. */
const planning = {
  ...collection,
  snapshot: Type.Optional(Type.String()),
  bots: Repeated(),
  insights: Repeated(),
  exemptions: Type.Optional(Type.String()),
  enforce: Type.Boolean({ default: false }),
  event: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
  now: Type.Optional(Type.String()),
};

/** What applying takes: the store of the audit trail, and whether owner messages are queued for delivery. */
const applying = {
  store: Type.Optional(Type.String()),
  notify: Type.Boolean({ default: true }),
};

/** Candidates from a snapshot were collected already. */
const SNAPSHOT_EXCLUDES = { snapshot: 'regions', source: 'snapshot', concurrency: 'snapshot', log: 'snapshot' } as const;

const BotsPlanOptions = Type.Object({ ...planning, out: Type.String() }, { additionalProperties: false });
export type BotsPlanOptions = Static<typeof BotsPlanOptions>;
export const botsPlanOptions: CommandOptions<typeof BotsPlanOptions> = { schema: BotsPlanOptions, notWith: SNAPSHOT_EXCLUDES };

const BotsApplyOptions = Type.Object(
  {
    plan: Type.String(),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    /** A plan older than this (12h, 30m …) is stale: the world it saw may be gone. */
    maxAge: Type.String({ pattern: '^[0-9]{1,5}[mhd]$', default: '1h' }),
    config: Type.Optional(Type.String()),
    profile: Type.Optional(Type.String()),
    now: Type.Optional(Type.String()),
    ...applying,
  },
  { additionalProperties: false },
);
export type BotsApplyOptions = Static<typeof BotsApplyOptions>;
export const botsApplyOptions: CommandOptions<typeof BotsApplyOptions> = { schema: BotsApplyOptions };

const BotsRunOptions = Type.Object({ ...planning, ...applying, out: Type.Optional(Type.String()) }, { additionalProperties: false });
export type BotsRunOptions = Static<typeof BotsRunOptions>;
export const botsRunOptions: CommandOptions<typeof BotsRunOptions> = { schema: BotsRunOptions, notWith: SNAPSHOT_EXCLUDES };
