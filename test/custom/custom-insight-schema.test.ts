import { describe, expect, it } from 'vitest';
import { compileCustomInsight } from '../../src/custom/compile-custom-insight.js';
import { CustomInsightSchema, leafOps, leafShapeOf, type Condition, type CustomInsightDefinition } from '../../src/custom/custom-insight-schema.js';
import { validatorFor } from '../../src/schemas/ajv.js';

/** The example of the design brief, as parsed from YAML. */
const notebookNoInternet = {
  id: 'notebook-no-internet',
  title: 'SageMaker notebooks have no direct internet access',
  resourceType: 'AWS::SageMaker::NotebookInstance',
  severity: 'high',
  description: 'Notebook instances reach the internet only through the VPC, and carry an owner or their own KMS key.',
  appliesTo: { path: 'config.status', op: 'ne', value: 'Deleting' },
  condition: {
    all: [
      { path: 'config.directInternetAccess', op: 'eq', value: 'Disabled' },
      { any: [{ path: 'tags.owner', op: 'exists' }, { not: { path: 'config.kmsKeyId', op: 'absent' } }] },
    ],
  },
} satisfies CustomInsightDefinition;

describe('CustomInsightSchema', () => {
  it('closes every object: unknown keys are mistakes', () => {
    const open: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      if (schema['type'] === 'object' && schema['additionalProperties'] !== false) open.push(where);
      for (const [key, child] of Object.entries(schema)) walk(child, `${where}/${key}`);
    };
    walk(JSON.parse(JSON.stringify(CustomInsightSchema)), '#');
    expect(open).toEqual([]);
  });

  it('validates the example of the brief', () => {
    const validate = validatorFor(CustomInsightSchema);
    expect(validate(notebookNoInternet), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives every op exactly one leaf shape, which says whether it takes a value', () => {
    expect([...leafOps].sort()).toEqual(
      [
        'absent',
        'age-days-gt',
        'age-days-lt',
        'contains',
        'ends-with',
        'eq',
        'exists',
        'gt',
        'gte',
        'in',
        'lt',
        'lte',
        'matches',
        'ne',
        'not-in',
        'starts-with',
      ].sort(),
    );
    for (const op of leafOps) {
      const takesValue = Object.hasOwn(leafShapeOf(op).properties, 'value');
      expect(takesValue, op).toBe(op !== 'exists' && op !== 'absent');
    }
  });

  it('types conditions as the schema validates them', () => {
    const conditions: Condition[] = [
      { path: 'name', op: 'exists' },
      { path: 'config.v', op: 'in', value: ['a', 1, true] },
      { all: [{ not: { path: 'config.v', op: 'age-days-gt', value: 3 } }] },
    ];
    // @ts-expect-error an op outside the language
    const bogus: Condition = { path: 'name', op: 'like', value: 'x' };
    // @ts-expect-error eq needs a value
    const noValue: Condition = { path: 'name', op: 'eq' };
    // @ts-expect-error gt compares numbers
    const stringBound: Condition = { path: 'name', op: 'gt', value: '3' };
    expect([...conditions, bogus, noValue, stringBound]).toHaveLength(6);
  });

  // The compiler explains condition mistakes itself; the schema stays the judge. They must agree
  // on every document, except where only compilation can tell (regular expressions, paths).
  const documents: { name: string; patch: Record<string, unknown>; valid: boolean; semantic?: true }[] = [
    { name: 'the example', patch: {}, valid: true },
    { name: 'no appliesTo', patch: { appliesTo: undefined }, valid: true },
    {
      name: 'remediation with console steps only',
      patch: { remediation: { console: 'Stop the notebook, edit it, disable direct internet access.' } },
      valid: true,
    },
    {
      name: 'every op',
      patch: {
        resourceType: 'AWS::RDS::DBInstance',
        condition: { all: leafOps.map((op) => (op === 'exists' || op === 'absent' ? { path: 'tags.x', op } : validLeaf(op))) },
      },
      valid: true,
    },
    { name: 'empty remediation', patch: { remediation: {} }, valid: false },
    { name: 'unknown top-level key', patch: { owner: 'me' }, valid: false },
    { name: 'id not kebab-case', patch: { id: 'Notebook_No_Internet' }, valid: false },
    { name: 'unknown severity', patch: { severity: 'urgent' }, valid: false },
    { name: 'unknown resource type', patch: { resourceType: 'AWS::SageMaker::Notebook' }, valid: false },
    { name: 'missing condition', patch: { condition: undefined }, valid: false },
    { name: 'leaf without value', patch: { condition: { path: 'config.status', op: 'eq' } }, valid: false },
    { name: 'exists with a value', patch: { condition: { path: 'config.status', op: 'exists', value: true } }, valid: false },
    { name: 'unknown op', patch: { condition: { path: 'config.status', op: 'is', value: 'x' } }, valid: false },
    { name: 'empty all', patch: { condition: { all: [] } }, valid: false },
    { name: 'any with a mapping', patch: { condition: { any: { path: 'config.status', op: 'exists' } } }, valid: false },
    { name: 'group and leaf mixed', patch: { condition: { not: { path: 'config.status', op: 'exists' }, path: 'name' } }, valid: false },
    { name: 'nested mistake', patch: { appliesTo: { all: [{ not: { path: 'config.status', op: 'in', value: [] } }] } }, valid: false },
    { name: 'null value', patch: { condition: { path: 'config.kmsKeyId', op: 'eq', value: null } }, valid: false },
    { name: 'condition as a string', patch: { condition: 'config.status eq InService' }, valid: false },
    { name: 'invalid regular expression', patch: { condition: { path: 'name', op: 'matches', value: '*' } }, valid: false, semantic: true },
    { name: 'misspelt field', patch: { condition: { path: 'config.stauts', op: 'exists' } }, valid: false, semantic: true },
    { name: 'path syntax', patch: { condition: { path: 'config.[0]', op: 'exists' } }, valid: false, semantic: true },
  ];
  for (const { name, patch, valid, semantic } of documents) {
    it(`${valid ? 'accepts' : 'rejects'} ${name}${semantic ? ' (compilation only)' : ''}`, () => {
      const document: Record<string, unknown> = { ...notebookNoInternet, ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete document[key];
      const compiled = compileCustomInsight(document, { file: 'custom/notebook.yaml' });
      expect(compiled.ok, JSON.stringify(compiled.ok ? 'ok' : compiled.issues)).toBe(valid);
      expect(validatorFor(CustomInsightSchema)(document)).toBe(valid || semantic === true);
    });
  }
});

/** A well-typed leaf of each op on an RDS instance. */
function validLeaf(op: string): Record<string, unknown> {
  const leaves: Record<string, [string, unknown]> = {
    eq: ['config.status', 'available'],
    ne: ['config.engine', 'mysql'],
    in: ['config.engine', ['postgres', 'aurora-postgresql']],
    'not-in': ['config.engine', ['mysql']],
    gt: ['config.backupRetentionPeriod', 6],
    gte: ['config.backupRetentionPeriod', 7],
    lt: ['config.backupRetentionPeriod', 36],
    lte: ['config.backupRetentionPeriod', 35],
    matches: ['config.engineVersion', '^16\\.'],
    'starts-with': ['config.instanceClass', 'db.'],
    'ends-with': ['config.instanceClass', '.large'],
    contains: ['config.cloudwatchLogsExports', 'postgresql'],
    'age-days-gt': ['createdAt', 30],
    'age-days-lt': ['createdAt', 3650],
  };
  const [path, value] = leaves[op] ?? ['name', 'x'];
  return { path, op, value };
}
