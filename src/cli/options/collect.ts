/** The options of `vigil collect`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { collectionOptions } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const CollectOptions = Type.Object({ out: Type.String(), ...collectionOptions }, { additionalProperties: false });
export type CollectOptions = Static<typeof CollectOptions>;

export const collectOptions: CommandOptions<typeof CollectOptions> = { schema: CollectOptions };
