/** The options of `vigil packs coverage`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { ListFormat, Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const PacksCoverageOptions = Type.Object(
  { pack: Repeated(), format: ListFormat, config: Type.Optional(Type.String()), insights: Repeated() },
  { additionalProperties: false },
);
export type PacksCoverageOptions = Static<typeof PacksCoverageOptions>;

export const packsCoverageOptions: CommandOptions<typeof PacksCoverageOptions> = { schema: PacksCoverageOptions };
