/** The options of `vigil diff`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const DiffOptions = Type.Object(
  {
    from: Type.Optional(Type.String()),
    to: Type.Optional(Type.String()),
    format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])),
    store: Type.Optional(Type.String()),
    config: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type DiffOptions = Static<typeof DiffOptions>;

export const diffOptions: CommandOptions<typeof DiffOptions> = { schema: DiffOptions };
