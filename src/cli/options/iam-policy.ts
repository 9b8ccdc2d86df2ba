/** The options of `vigil iam-policy`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { JsonFirstFormat, Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const IamPolicyOptions = Type.Object(
  {
    scan: Type.Boolean({ default: false }),
    /** `--bots` alone: every bot; `--bots ID ...`: those. */
    bots: Type.Optional(Type.Union([Type.Literal(true), Type.Array(Type.String())])),
    config: Type.Optional(Type.String()),
    pack: Repeated(),
    insight: Repeated(),
    format: JsonFirstFormat,
  },
  { additionalProperties: false },
);
export type IamPolicyOptions = Static<typeof IamPolicyOptions>;

export const iamPolicyOptions: CommandOptions<typeof IamPolicyOptions> = {
  schema: IamPolicyOptions,
  notWith: { bots: 'scan', pack: 'bots', insight: 'bots' },
  onlyWith: { config: 'bots' },
};
