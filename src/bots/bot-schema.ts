/**
 * The schema of a bot file (`bots/*.yaml` and users' own bot folders) and of the per-bot
 * overrides in `vigil.yaml` (`bots: { <id>: { mode, scope, limits, schedule, params } }`).
 * Strict like packs: unknown keys are rejected. What a schema cannot check (action ids and their
 * options, resource types, conditions, time zones, cron expressions) the loader checks, located.
 */
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'kebab-case id' });
const Region = Type.String({ pattern: '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$' });
const ParamName = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'the name of one of the bot’s params' });

/** One way to name accounts of the configuration's `accounts[]`; every field given must hold. */
export const AccountSelector = Type.Object(
  {
    id: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
    name: Type.Optional(Type.String({ minLength: 1 })),
    environment: Type.Optional(Type.String({ minLength: 1 })),
    tenant: Type.Optional(Type.String({ minLength: 1 })),
    /** Account tags (the configuration's `accounts[].tags`): every key with this value. */
    tags: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.String())),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AccountSelector = Static<typeof AccountSelector>;

export const BotScope = Type.Object(
  {
    /** The accounts the bot may act in: any selector that matches (absent: every account). */
    accounts: Type.Optional(Type.Array(AccountSelector, { minItems: 1 })),
    /** Regions (absent: every region collected). */
    regions: Type.Optional(Type.Array(Region, { uniqueItems: true, minItems: 1 })),
  },
  { additionalProperties: false },
);
export type BotScope = Static<typeof BotScope>;

export const InsightStatus = Type.Union([Type.Literal('fail'), Type.Literal('pass'), Type.Literal('error'), Type.Literal('not-applicable')], {
  description: 'An exempt finding never matches, so `exempt` is no status a bot can ask for.',
});

export const TagTest = Type.Object(
  {
    key: Type.String({ minLength: 1 }),
    /** Exactly one of the four tests. */
    present: Type.Optional(Type.Literal(true)),
    absent: Type.Optional(Type.Literal(true)),
    equals: Type.Optional(Type.String()),
    /** A JavaScript regular expression, searched in the value (anchor with ^…$). */
    matches: Type.Optional(Type.String({ minLength: 1 })),
    /**
     * The value is a date (or date-time) still in the future at the run's clock: an opt-out with an
     * expiry (`vigil-keep-awake: 2026-12-31` holds through that day in the account's time zone).
     * A value that is no date is unknown, so it neither leads to an action nor protects silently.
     */
    future: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
export type TagTest = Static<typeof TagTest>;

export const AgeTest = Type.Object(
  {
    /** `created`: the resource's creation; `last-used`: its last use (an IAM user's password or keys). */
    of: Type.Union([Type.Literal('created'), Type.Literal('last-used')]),
    /** Matches when that was more than this many whole days before the run's clock. */
    moreThanDays: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type AgeTest = Static<typeof AgeTest>;

export interface BotFilter {
  readonly insight?: string;
  readonly status?: Static<typeof InsightStatus>;
  readonly tag?: TagTest;
  readonly age?: AgeTest;
  readonly condition?: unknown;
  readonly all?: readonly BotFilter[];
  readonly any?: readonly BotFilter[];
  readonly not?: BotFilter;
}

/**
 * One mapping with exactly one kind of test (checked by the compiler, so that a mistake gets one
 * message rather than one per alternative): `insight` (with `status`), `tag`, `age`, `condition`,
 * `all`, `any`, `not`.
 */
export const BotFilterSchema = Type.Recursive(
  (This) =>
    Type.Object(
      {
        insight: Type.Optional(Id),
        /** With `insight`; default `fail`. */
        status: Type.Optional(InsightStatus),
        tag: Type.Optional(TagTest),
        age: Type.Optional(AgeTest),
        /** The custom-insight condition language (`all`/`any`/`not` over `{ path, op, value }`), compiled once. */
        condition: Type.Optional(Type.Unknown()),
        all: Type.Optional(Type.Array(This, { minItems: 1 })),
        any: Type.Optional(Type.Array(This, { minItems: 1 })),
        not: Type.Optional(This),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  { $id: 'BotFilter' },
);

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });

export const TimeWindow = Type.Object(
  {
    /** `Mon-Fri`, `Sat,Sun`, `Mon-Wed,Fri`. */
    days: Type.String({
      pattern: '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?(,(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)*$',
    }),
    from: Clock,
    /** Exclusive; a window whose `to` is not after `from` runs past midnight. */
    to: Clock,
  },
  { additionalProperties: false },
);
export type TimeWindow = Static<typeof TimeWindow>;

/** When a step of the action list applies, besides the bot's filters. */
export const StepWhen = Type.Object(
  {
    /** Only in accounts one of the selectors in this param (a list of account selectors) names. */
    accountIn: Type.Optional(ParamName),
    /** Only in accounts none of the selectors in this param names. */
    accountNotIn: Type.Optional(ParamName),
    /** Only while the run's clock is inside (true) or outside (false) the schedule's windows. */
    inWindow: Type.Optional(Type.Boolean()),
    /** Only on this event (`vigil bots run ID --event NAME`); steps without it never run on an event. */
    event: Type.Optional(Id),
    /** Only when this condition (the custom-insight language) holds of the resource; unknown: the step does not apply. */
    condition: Type.Optional(Type.Unknown()),
    /** Only for resources of this type (or these), in a bot over several types (an action of one type needs it there). */
    resourceType: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true })])),
    /**
     * Only while the run's clock is inside one of these windows (the schedule's time zone, else
     * the account's): a step of its own time, such as a heads-up half an hour before a stop.
     */
    within: Type.Optional(Type.Array(TimeWindow, { minItems: 1 })),
    /**
     * Only when this bot marked the resource for this operation (`mark-for-op`) and the grace
     * period is over, as the store records it (removing the mark's tag does not cancel it). A
     * change planned under it settles the store's pending operation once it succeeds.
     */
    due: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type StepWhen = Static<typeof StepWhen>;

export const ActionStep = Type.Object(
  {
    action: Id,
    /** The action's options (its own schema, checked when the bot loads). */
    options: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    when: Type.Optional(StepWhen),
  },
  { additionalProperties: false },
);
export type ActionStep = Static<typeof ActionStep>;

export const BotSchedule = Type.Object(
  {
    /** Five-field cron. */
    cron: Type.Optional(Type.String({ minLength: 9 })),
    /** IANA time zone of `cron` and `windows` (default: the account's `timeZone`, else UTC). */
    timeZone: Type.Optional(Type.String({ minLength: 1 })),
    /** Desired state reconciled at every run: steps with `when.inWindow` apply inside or outside them. */
    windows: Type.Optional(Type.Array(TimeWindow, { minItems: 1 })),
    /** `scan`: run after each scan. */
    on: Type.Optional(Type.Literal('scan')),
  },
  { additionalProperties: false },
);
export type BotSchedule = Static<typeof BotSchedule>;

export const BotLimits = Type.Object(
  {
    /** At most this many resources per run. */
    maxResources: Type.Optional(Type.Integer({ minimum: 0 })),
    /** At most this share (0–100) of the matched set per run. */
    maxPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    /** Halt the run after this many failed actions. */
    maxErrors: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type BotLimits = Static<typeof BotLimits>;

export const BotMode = Type.Union([Type.Literal('dry-run'), Type.Literal('enforce')]);
export type BotMode = Static<typeof BotMode>;

const BotParams = Type.Record(ParamName, Type.Unknown(), { description: 'Named values the steps refer to (`when.accountIn`), overridable in vigil.yaml.' });

export const BotFile = Type.Object(
  {
    id: Id,
    title: Type.String({ minLength: 1 }),
    description: Type.String({ minLength: 1 }),
    /**
     * AWS CloudFormation/Config type name (`AWS::S3::Bucket`), or several when one concern spans
     * types (users and groups); filters and step conditions are checked against each.
     */
    resourceType: Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true })]),
    scope: Type.Optional(BotScope),
    filters: Type.Array(BotFilterSchema, { minItems: 1, description: 'All must match.' }),
    actions: Type.Array(ActionStep, { minItems: 1 }),
    schedule: Type.Optional(BotSchedule),
    mode: Type.Optional(BotMode),
    limits: Type.Optional(BotLimits),
    params: Type.Optional(BotParams),
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/bot.json', title: 'Vigil bot' },
);
export type BotFile = Static<typeof BotFile>;

/** `vigil.yaml`'s `bots.<id>`: what a user changes of a bot without copying its file. */
export const BotOverride = Type.Object(
  {
    mode: Type.Optional(BotMode),
    /** Replaces the bot's scope. */
    scope: Type.Optional(BotScope),
    /** Merged over the bot's limits. */
    limits: Type.Optional(BotLimits),
    /** Replaces the bot's schedule. */
    schedule: Type.Optional(BotSchedule),
    /** Merged over the bot's params. */
    params: Type.Optional(BotParams),
  },
  { additionalProperties: false },
);
export type BotOverride = Static<typeof BotOverride>;
