/** The options of `vigil demo`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { FailOn } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const DemoOptions = Type.Object(
  {
    outDir: Type.String({ minLength: 1, default: 'vigil-out' }),
    failOn: FailOn,
    /** `--store SPEC`, or false for `--no-store` (false first: coercing it to a string would make it 'false'). */
    store: Type.Optional(Type.Union([Type.Literal(false), Type.String()])),
    /** false for `--no-notify`: the owners' digests are not written to notifications/. */
    notify: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);
export type DemoOptions = Static<typeof DemoOptions>;

export const demoOptions: CommandOptions<typeof DemoOptions> = { schema: DemoOptions };
