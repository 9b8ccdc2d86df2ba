/** The options of `vigil scorecard`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const ScorecardOptions = Type.Object(
  {
    findings: Type.Optional(Type.String()),
    latest: Type.Boolean({ default: false }),
    tenant: Type.Optional(Type.String({ minLength: 1 })),
    pack: Repeated(),
    out: Type.Optional(Type.String()),
    format: Type.Union([Type.Literal('html'), Type.Literal('json')], { default: 'html' }),
    config: Type.Optional(Type.String()),
    /** `--store SPEC` (with --latest; false first: coercing it to a string would make it 'false'). */
    store: Type.Optional(Type.Union([Type.Literal(false), Type.String()])),
  },
  { additionalProperties: false },
);
export type ScorecardCommandOptions = Static<typeof ScorecardOptions>;

export const scorecardOptions: CommandOptions<typeof ScorecardOptions> = {
  schema: ScorecardOptions,
  notWith: { findings: 'latest' },
  onlyWith: { store: 'latest' },
};
