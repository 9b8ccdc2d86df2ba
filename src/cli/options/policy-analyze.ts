/** The options of `vigil policy analyze`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const PolicyAnalyzeOptions = Type.Object(
  { account: Type.String(), trustedAccount: Repeated(), orgId: Repeated(), trustedCidr: Repeated() },
  { additionalProperties: false },
);
export type PolicyAnalyzeOptions = Static<typeof PolicyAnalyzeOptions>;

export const policyAnalyzeOptions: CommandOptions<typeof PolicyAnalyzeOptions> = { schema: PolicyAnalyzeOptions };
