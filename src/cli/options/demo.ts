/** The options of `vigil demo`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { FailOn } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const DemoOptions = Type.Object({ outDir: Type.String({ minLength: 1, default: 'vigil-out' }), failOn: FailOn }, { additionalProperties: false });
export type DemoOptions = Static<typeof DemoOptions>;

export const demoOptions: CommandOptions<typeof DemoOptions> = { schema: DemoOptions };
