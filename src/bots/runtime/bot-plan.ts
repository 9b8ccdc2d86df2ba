/**
 * A bot plan (`schemas/plan.json`): what each bot would do, per resource, from the state just
 * re-read live — the exact API calls, the store records, the state before, the permissions.
 * `vigil bots apply` executes exactly this and nothing else; its SHA-256 (of the canonical JSON)
 * names it, so a changed file or a wrong hash is refused.
 */
import { hash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { canonicalJson } from '../../store/canonical-json.js';
import { ActionService } from '../actions/define-action.js';

const ApiCallSchema = Type.Object(
  {
    service: ActionService,
    operation: Type.String(),
    input: Type.Record(Type.String(), Type.Unknown()),
    permission: Type.String(),
    waitUntil: Type.Optional(
      Type.Object(
        { operation: Type.String(), input: Type.Record(Type.String(), Type.Unknown()), path: Type.String(), equals: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const StoreRecordSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('notify'),
      message: Type.String(),
      /** Named recipients instead of the resource's owner. */
      to: Type.Optional(Type.Array(Type.String())),
      /** Who created the resource (lookup-creator): an owner clue for delivery. */
      creator: Type.Optional(
        Type.Object(
          {
            principal: Type.Union([Type.String(), Type.Null()]),
            sourceIp: Type.Union([Type.String(), Type.Null()]),
            userAgent: Type.Union([Type.String(), Type.Null()]),
            time: Type.String(),
            event: Type.String(),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('task'), message: Type.String(), due: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('mark-for-op'), op: Type.String(), dueAt: Type.String(), reason: Type.String() }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('op-done'), op: Type.String() }, { additionalProperties: false }),
]);

export const PlannedStep = Type.Object(
  {
    action: Type.String(),
    kind: Type.Union([Type.Literal('change'), Type.Literal('record'), Type.Literal('in-desired-state'), Type.Literal('refused')]),
    summary: Type.String(),
    calls: Type.Array(ApiCallSchema),
    records: Type.Array(StoreRecordSchema),
    destructive: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PlannedStep = Static<typeof PlannedStep>;

export const PlannedResource = Type.Object(
  {
    arn: Type.String(),
    type: Type.String(),
    /** The resource's id as its collector names it (what a live re-read asks for). */
    id: Type.String(),
    accountId: Type.String(),
    region: Type.String(),
    name: Type.String(),
    /** The findings this bot's change fixes (marked remediated when it succeeds). */
    findingIds: Type.Array(Type.String()),
    /** The resource's state as re-read live, and its hash: apply refuses to act when it changed. */
    before: Type.Unknown(),
    beforeHash: Type.String(),
    steps: Type.Array(PlannedStep),
  },
  { additionalProperties: false },
);
export type PlannedResource = Static<typeof PlannedResource>;

export const BotRunPlan = Type.Object(
  {
    bot: Type.String(),
    mode: Type.Union([Type.Literal('dry-run'), Type.Literal('enforce')]),
    /** Resources the filters matched in scope. */
    matched: Type.Integer({ minimum: 0 }),
    /** Matched resources no longer matching when re-read live (fixed meanwhile, or gone). */
    skipped: Type.Array(Type.Object({ arn: Type.String(), reason: Type.String() }, { additionalProperties: false })),
    /** Set when a limit would be exceeded: the bot acts on none. */
    halted: Type.Optional(Type.String()),
    /** The bot's `limits.maxErrors` when planned: applying halts the bot after this many failed resources. */
    maxErrors: Type.Optional(Type.Integer({ minimum: 0 })),
    resources: Type.Array(PlannedResource),
    permissions: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type BotRunPlan = Static<typeof BotRunPlan>;

export const PlanFile = Type.Object(
  {
    version: Type.Literal(1),
    createdAt: Type.String({ format: 'date-time' }),
    /** The clock the plan was made at (`--now`). */
    now: Type.String({ format: 'date-time' }),
    event: Type.Optional(Type.String()),
    bots: Type.Array(BotRunPlan),
  },
  { additionalProperties: false },
);
export type PlanFile = Static<typeof PlanFile>;

/** The file `vigil bots plan --out` writes: the plan and the SHA-256 of its canonical JSON. */
export const PlanDocument = Type.Object(
  {
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the canonical JSON (keys sorted) of `plan`' }),
    plan: PlanFile,
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/plan.json', title: 'Vigil bot plan' },
);

export function sha256Of(value: unknown): string {
  return hash('sha256', canonicalJson(value), 'hex');
}
