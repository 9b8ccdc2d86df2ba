/** The options of `vigil policy analyze`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const PolicyAnalyzeOptions = Type.Object(
  {
    account: Type.String(),
    trustedAccount: Repeated(),
    orgId: Repeated(),
    trustedCidr: Repeated(),
    /** Absent: a table on a terminal, JSON otherwise. */
    format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])),
  },
  { additionalProperties: false },
);
export type PolicyAnalyzeOptions = Static<typeof PolicyAnalyzeOptions>;

export const policyAnalyzeOptions: CommandOptions<typeof PolicyAnalyzeOptions> = { schema: PolicyAnalyzeOptions };
