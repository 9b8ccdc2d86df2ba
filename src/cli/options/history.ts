/** The options of `vigil history`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const HistoryOptions = Type.Object(
  {
    finding: Type.Optional(Type.String()),
    since: Type.Optional(Type.String()),
    mttr: Type.Optional(Type.String()),
    account: Type.Optional(Type.String()),
    pack: Type.Optional(Type.String()),
    format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])),
    store: Type.Optional(Type.String()),
    config: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type HistoryOptions = Static<typeof HistoryOptions>;

export const historyOptions: CommandOptions<typeof HistoryOptions> = { schema: HistoryOptions };
