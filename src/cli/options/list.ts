/** The options of `vigil insights list` and `vigil packs list`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { ListFormat, Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const ListOptions = Type.Object({ format: ListFormat, config: Type.Optional(Type.String()), insights: Repeated() }, { additionalProperties: false });
export type ListOptions = Static<typeof ListOptions>;

export const listOptions: CommandOptions<typeof ListOptions> = { schema: ListOptions };
