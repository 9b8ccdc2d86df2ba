/** The options of `vigil daemon`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const DaemonOptions = Type.Object(
  {
    config: Type.Optional(Type.String()),
    once: Type.Boolean({ default: false }),
    /** `--store SPEC`: the daemon always records (no --no-store). */
    store: Type.Optional(Type.String()),
    /** Where the daily report is written. */
    reportDir: Type.String({ minLength: 1, default: 'vigil-out' }),
  },
  { additionalProperties: false },
);
export type DaemonOptions = Static<typeof DaemonOptions>;

export const daemonOptions: CommandOptions<typeof DaemonOptions> = { schema: DaemonOptions };
