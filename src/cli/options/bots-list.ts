/** The options of `vigil bots list`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const BotsListOptions = Type.Object(
  {
    format: Type.Union([Type.Literal('table'), Type.Literal('json')], { default: 'table' }),
    config: Type.Optional(Type.String()),
    bots: Repeated(),
    insights: Repeated(),
  },
  { additionalProperties: false },
);
export type BotsListOptions = Static<typeof BotsListOptions>;

export const botsListOptions: CommandOptions<typeof BotsListOptions> = { schema: BotsListOptions };
