/**
 * The schema of a custom insight file: one TypeBox schema gives the TypeScript type, the ajv
 * validation and the published JSON Schema. Every object is closed (unknown keys are mistakes).
 *
 * A condition is a tree: `all: [..]`, `any: [..]`, `not: {..}`, or a leaf `{ path, op, value }`.
 * Leaves come in shapes by op, so the schema itself says which ops need a value and of what kind.
 * The same condition language serves bot filters; schemas that embed it reference
 * `CONDITION_ID` and carry `Condition` in their `definitions` (one `$id` may appear once per schema).
 */
import { Type, type Static, type TLiteral, type TObject, type TUnion } from '@sinclair/typebox';
import { Severity } from '../model/severity.js';
import { resourceTypes } from '../model/resource-types.js';

type Literals<T extends string[]> = { [K in keyof T]: TLiteral<T[K]> };

/** A union of two or more literals (TypeBox turns a one-member union into the member itself). */
function oneOf<const T extends string[]>(values: T, description?: string): TUnion<Literals<T>> {
  const options = description === undefined ? {} : { description };
  // TypeBox cannot infer a union from a mapped array; the cast restores the literal members.
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  ) as unknown as TUnion<Literals<T>>;
}

const closed = { additionalProperties: false } as const;

export const PATH_DESCRIPTION =
  'Where to read in the resource: a field of the envelope (arn, accountId, region, id, name, tags, createdAt, ' +
  'type, source, observedAt) or of config, then `.field`, `["field with dots"]`, `[2]` (one item) or `[*]` ' +
  '(every item of a list, every value of a mapping), e.g. `config.ingress[*].fromPort`, `tags["cost.center"]`.';

const Path = Type.String({ minLength: 1, description: PATH_DESCRIPTION });

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()], {
  description: 'A string, number or boolean (use the exists/absent ops for null).',
});

export const PresenceLeaf = Type.Object(
  { path: Path, op: oneOf(['exists', 'absent'], 'exists: the value is present (not null); absent: the negation') },
  { ...closed, description: 'A leaf that tests whether the value is present; it takes no value.' },
);

export const EqualityLeaf = Type.Object(
  { path: Path, op: oneOf(['eq', 'ne'], 'eq: strictly equal (no type conversion); ne: the negation'), value: Scalar },
  closed,
);

export const MembershipLeaf = Type.Object(
  {
    path: Path,
    op: oneOf(['in', 'not-in'], 'in: equal to one of the values; not-in: the negation'),
    value: Type.Array(Scalar, { minItems: 1 }),
  },
  closed,
);

export const OrderLeaf = Type.Object(
  { path: Path, op: oneOf(['gt', 'gte', 'lt', 'lte'], 'numeric comparison: value at path <op> value'), value: Type.Number() },
  closed,
);

export const TextLeaf = Type.Object(
  {
    path: Path,
    op: oneOf(
      ['matches', 'starts-with', 'ends-with'],
      'matches: the JavaScript regular expression is found in the string (anchor it with ^…$ for a full match)',
    ),
    value: Type.String({ minLength: 1 }),
  },
  closed,
);

export const ContainsLeaf = Type.Object(
  {
    path: Path,
    op: Type.Literal('contains', { description: 'a list holds an item equal to the value, or a string holds the value as a substring' }),
    value: Scalar,
  },
  closed,
);

export const AgeLeaf = Type.Object(
  {
    path: Path,
    op: oneOf(['age-days-gt', 'age-days-lt'], 'whole days from the ISO date at path to the scan time, compared with value'),
    value: Type.Number({ minimum: 0 }),
  },
  closed,
);

/** Every leaf shape; each op belongs to exactly one. */
export const leafShapes = [PresenceLeaf, EqualityLeaf, MembershipLeaf, OrderLeaf, TextLeaf, ContainsLeaf, AgeLeaf] as const;

export const Leaf = Type.Union([...leafShapes]);
export type Leaf = Static<typeof Leaf>;
export type LeafOp = Leaf['op'];

function opsOf(shape: TObject): string[] {
  const op = shape.properties['op'] as unknown as { anyOf: { const: string }[] } | { const: string };
  return 'anyOf' in op ? op.anyOf.map((member) => member.const) : [op.const];
}

const shapeByOp: ReadonlyMap<string, TObject> = new Map(leafShapes.flatMap((shape) => opsOf(shape).map((op) => [op, shape] as const)));

export const leafOps: readonly LeafOp[] = [...shapeByOp.keys()] as LeafOp[];

export function isLeafOp(value: unknown): value is LeafOp {
  return typeof value === 'string' && shapeByOp.has(value);
}

/** The leaf schema an op belongs to. */
export function leafShapeOf(op: LeafOp): TObject {
  const shape = shapeByOp.get(op);
  if (shape === undefined) throw new Error(`no leaf shape for op ${op}`);
  return shape;
}

export const CONDITION_ID = 'https://vigil.dev/schemas/condition.json';

export const Condition = Type.Recursive(
  (This) =>
    Type.Union([
      Type.Object({ all: Type.Array(This, { minItems: 1, description: 'true when every condition is true' }) }, closed),
      Type.Object({ any: Type.Array(This, { minItems: 1, description: 'true when at least one condition is true' }) }, closed),
      Type.Object({ not: This }, closed),
      ...leafShapes,
    ]),
  { $id: CONDITION_ID, description: 'all: [..], any: [..], not: {..}, or a leaf { path, op, value }' },
);
export type Condition = Static<typeof Condition>;

/** A reference to `Condition`; the embedding schema must carry `Condition` in its `definitions`. */
export const ConditionRef = Type.Unsafe<Condition>(Type.Ref(CONDITION_ID));

export const CustomInsightSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: 'kebab-case, unique among all insights' }),
    title: Type.String({ minLength: 1, description: 'What compliant looks like, e.g. "SageMaker notebooks have no direct internet access"' }),
    resourceType: oneOf([...resourceTypes], 'The resource type the insight evaluates'),
    severity: Severity,
    description: Type.String({ minLength: 1, description: 'What is checked, in one or two sentences' }),
    rationale: Type.Optional(Type.String({ minLength: 1, description: 'Why it matters: the risk when it fails' })),
    remediation: Type.Optional(
      Type.Object(
        {
          cli: Type.Optional(Type.String({ minLength: 1, description: 'AWS CLI command(s) that fix it, with <placeholders>' })),
          console: Type.Optional(Type.String({ minLength: 1, description: 'Console steps' })),
        },
        { ...closed, minProperties: 1 },
      ),
    ),
    appliesTo: Type.Optional(ConditionRef),
    condition: ConditionRef,
  },
  {
    ...closed,
    $id: 'https://vigil.dev/schemas/custom-insight.json',
    definitions: { condition: Condition },
    title: 'Vigil custom insight',
    description:
      'A check written without code. appliesTo (optional) false: not-applicable. condition true: pass; false: fail. ' +
      'A value the collector could not read makes the verdict error, never pass.',
  },
);
export type CustomInsightDefinition = Static<typeof CustomInsightSchema>;
