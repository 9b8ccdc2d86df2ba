/** The options of `vigil report daily`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const ReportDailyOptions = Type.Object(
  {
    send: Type.Boolean({ default: false }),
    out: Type.String({ minLength: 1, default: 'vigil-out' }),
    since: Type.String({ minLength: 1, default: '24h' }),
    config: Type.Optional(Type.String()),
    /** `--store SPEC` (false first: coercing it to a string would make it 'false'). */
    store: Type.Optional(Type.Union([Type.Literal(false), Type.String()])),
  },
  { additionalProperties: false },
);
export type ReportDailyOptions = Static<typeof ReportDailyOptions>;

export const reportDailyOptions: CommandOptions<typeof ReportDailyOptions> = { schema: ReportDailyOptions };
