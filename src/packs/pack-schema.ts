/** The schema of a compliance pack file (`packs/*.yaml` and users' own packs). */
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'kebab-case id' });

export const PackControl = Type.Object(
  {
    id: Type.String({ minLength: 1, description: "The framework's control id, e.g. 2.1.4 or CC6.1" }),
    title: Type.String({ minLength: 1 }),
    section: Type.Optional(Type.String()),
    /** Insight ids whose verdicts decide the control; empty or absent: a manual control. */
    insights: Type.Optional(Type.Array(Id, { uniqueItems: true })),
    /** The audit procedure of a control that needs a human (shown instead of a verdict). */
    manual: Type.Optional(Type.String({ minLength: 1 })),
    /** What the insights leave unchecked: the control is only partly automated (shown in the coverage report). */
    partial: Type.Optional(Type.String({ minLength: 1 })),
    /** e.g. CIS "Level 1" / "Level 2". */
    profile: Type.Optional(Type.String()),
    /** Ids of the same control in earlier versions of the framework, e.g. { "5.0.0": "1.4" }. */
    previousIds: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);
export type PackControl = Static<typeof PackControl>;

export const PackFile = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    description: Type.String(),
    /** Packs whose controls this pack inherits (their params too, overridable here). */
    extends: Type.Optional(Type.Array(Id, { uniqueItems: true })),
    /** Inherited controls to drop. */
    removeControls: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
    /** Parameter overrides: insight id → { param: value }. */
    params: Type.Optional(Type.Record(Id, Type.Record(Type.String(), Type.Unknown()))),
    controls: Type.Array(PackControl),
  },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/pack.json', title: 'Vigil compliance pack' },
);
export type PackFile = Static<typeof PackFile>;
