/** The options of `vigil outbox list` and `vigil outbox flush`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

/** The outbox's states (src/store/database.ts), as `--state` takes them. */
export const OUTBOX_STATES = ['pending', 'sending', 'in-doubt', 'dead', 'sent'] as const;

const OutboxListOptions = Type.Object(
  {
    state: Type.Array(Type.Union(OUTBOX_STATES.map((state) => Type.Literal(state))), { default: [] }),
    format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])),
    store: Type.Optional(Type.String()),
    config: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type OutboxListOptions = Static<typeof OutboxListOptions>;
export const outboxListOptions: CommandOptions<typeof OutboxListOptions> = { schema: OutboxListOptions };

const OutboxFlushOptions = Type.Object({ store: Type.Optional(Type.String()), config: Type.Optional(Type.String()) }, { additionalProperties: false });
export type OutboxFlushOptions = Static<typeof OutboxFlushOptions>;
export const outboxFlushOptions: CommandOptions<typeof OutboxFlushOptions> = { schema: OutboxFlushOptions };
