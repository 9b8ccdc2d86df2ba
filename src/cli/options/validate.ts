/** The options of `vigil validate`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { ListFormat } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const ValidateOptions = Type.Object({ format: ListFormat }, { additionalProperties: false });
export type ValidateOptions = Static<typeof ValidateOptions>;

export const validateOptions: CommandOptions<typeof ValidateOptions> = { schema: ValidateOptions };
