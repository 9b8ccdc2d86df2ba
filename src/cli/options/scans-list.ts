/** The options of `vigil scans list`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const ScansListOptions = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100_000, default: 20 }),
    account: Type.Optional(Type.String()),
    format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])),
    store: Type.Optional(Type.String()),
    config: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ScansListOptions = Static<typeof ScansListOptions>;

export const scansListOptions: CommandOptions<typeof ScansListOptions> = { schema: ScansListOptions };
