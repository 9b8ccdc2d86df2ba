/** The options of `vigil scan`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { FailOn, Repeated, collectionOptions } from './common-options.js';
import type { CommandOptions } from './parse-options.js';
import { outputFormats } from '../../output/output-format.js';

const ScanOptions = Type.Object(
  {
    snapshot: Type.Optional(Type.String()),
    live: Type.Boolean({ default: false }),
    ...collectionOptions,
    keepSnapshot: Type.Optional(Type.String()),
    insights: Repeated(),
    exemptions: Type.Optional(Type.String()),
    format: Type.Optional(Type.Union(outputFormats.map((format) => Type.Literal(format)))),
    out: Type.Optional(Type.String()),
    failOn: FailOn,
    all: Type.Boolean({ default: false }),
    pushSecurityHub: Type.Boolean({ default: false }),
    /** `--store SPEC`, or false for `--no-store` (false first: coercing it to a string would make it 'false'). */
    store: Type.Optional(Type.Union([Type.Literal(false), Type.String()])),
    /** false for `--no-notify`: the owners' digests are queued in the outbox, not delivered. */
    notify: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);
export type ScanCommandOptions = Static<typeof ScanOptions>;

/** Collection options apply to a live scan only; a snapshot was collected already. */
const LIVE_ONLY = ['account', 'regions', 'source', 'profile', 'concurrency', 'log', 'keepSnapshot'] as const;

export const scanOptions: CommandOptions<typeof ScanOptions> = {
  schema: ScanOptions,
  onlyWith: Object.fromEntries(LIVE_ONLY.map((option) => [option, 'live'])),
  notWith: { snapshot: 'live' },
};
