import { describe, expect, it } from 'vitest';
import { compileCondition, type CompiledCondition, type ConditionResult, type Truth } from '../../src/conditions/compile-condition.js';
import type { DocumentPath } from '../../src/conditions/definition-issue.js';
import { notebook, rdsInstance, securityGroup } from '../../src/model/builders.js';
import type { Resource } from '../../src/model/resource.js';
import type { ResourceType } from '../../src/model/resource-types.js';
import { unknown } from '../../src/model/unknown.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');

function compile(node: unknown, resourceType?: ResourceType): CompiledCondition {
  const result = compileCondition(node, ['condition'], { resourceType });
  if (!result.ok) throw new Error(`expected the condition to compile: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** A bare resource whose config is `config`: the ops do not care about the resource type. */
function withConfig(config: Record<string, unknown>): Resource {
  return { config, tags: {} } as unknown as Resource;
}

function truthOf(node: unknown, config: Record<string, unknown>, now = NOW): Truth {
  return compile(node)(withConfig(config), { now }).truth;
}

describe('ops', () => {
  const cases: { op: string; value?: unknown; actual: unknown; truth: Truth; name?: string }[] = [
    { op: 'eq', value: 'Disabled', actual: 'Disabled', truth: 'true' },
    { op: 'eq', value: 'Disabled', actual: 'Enabled', truth: 'false' },
    { op: 'eq', value: 'Disabled', actual: null, truth: 'false' },
    { op: 'eq', value: 5, actual: '5', truth: 'false', name: 'no type conversion' },
    { op: 'eq', value: true, actual: true, truth: 'true' },
    { op: 'eq', value: 'x', actual: ['x'], truth: 'false', name: 'a list is not its item' },
    { op: 'ne', value: 'Deleting', actual: 'InService', truth: 'true' },
    { op: 'ne', value: 'Deleting', actual: 'Deleting', truth: 'false' },
    { op: 'ne', value: 'Deleting', actual: null, truth: 'true' },
    { op: 'in', value: ['a', 'b'], actual: 'b', truth: 'true' },
    { op: 'in', value: ['a', 'b'], actual: 'c', truth: 'false' },
    { op: 'in', value: [1, 2], actual: null, truth: 'false' },
    { op: 'not-in', value: ['a', 'b'], actual: 'c', truth: 'true' },
    { op: 'not-in', value: ['a', 'b'], actual: 'a', truth: 'false' },
    { op: 'not-in', value: ['a', 'b'], actual: null, truth: 'true' },
    { op: 'gt', value: 7, actual: 8, truth: 'true' },
    { op: 'gt', value: 7, actual: 7, truth: 'false' },
    { op: 'gte', value: 7, actual: 7, truth: 'true' },
    { op: 'gte', value: 7, actual: 6, truth: 'false' },
    { op: 'lt', value: 7, actual: 6, truth: 'true' },
    { op: 'lt', value: 7, actual: 7, truth: 'false' },
    { op: 'lte', value: 7, actual: 7, truth: 'true' },
    { op: 'lte', value: 7, actual: 8, truth: 'false' },
    { op: 'gt', value: 7, actual: null, truth: 'false' },
    { op: 'gt', value: 7, actual: '8', truth: 'unknown', name: 'a string is not a number' },
    { op: 'exists', actual: 'x', truth: 'true' },
    { op: 'exists', actual: false, truth: 'true', name: 'false is present' },
    { op: 'exists', actual: null, truth: 'false' },
    { op: 'absent', actual: null, truth: 'true' },
    { op: 'absent', actual: '', truth: 'false', name: 'an empty string is present' },
    { op: 'matches', value: '^prod-', actual: 'prod-db', truth: 'true' },
    { op: 'matches', value: '^prod-', actual: 'staging-prod-db', truth: 'false' },
    { op: 'matches', value: 'prod', actual: 'staging-prod-db', truth: 'true', name: 'a search, not a full match' },
    { op: 'matches', value: '^prod-', actual: 12, truth: 'unknown' },
    { op: 'matches', value: '^prod-', actual: null, truth: 'false' },
    { op: 'starts-with', value: 'arn:aws:kms:', actual: 'arn:aws:kms:eu-west-1:1:key/x', truth: 'true' },
    { op: 'starts-with', value: 'arn:aws:kms:', actual: 'alias/aws/s3', truth: 'false' },
    { op: 'ends-with', value: '.internal', actual: 'db.internal', truth: 'true' },
    { op: 'ends-with', value: '.internal', actual: 'db.example.com', truth: 'false' },
    { op: 'ends-with', value: '.internal', actual: true, truth: 'unknown' },
    { op: 'contains', value: 'audit', actual: ['error', 'audit'], truth: 'true' },
    { op: 'contains', value: 'audit', actual: ['error'], truth: 'false' },
    { op: 'contains', value: 'audit', actual: [], truth: 'false' },
    { op: 'contains', value: 'prod', actual: 'eu-prod-1', truth: 'true', name: 'substring of a string' },
    { op: 'contains', value: 3, actual: [1, 2, 3], truth: 'true' },
    { op: 'contains', value: 3, actual: 'a3', truth: 'unknown', name: 'a number in a string' },
    { op: 'contains', value: 'x', actual: { x: 1 }, truth: 'unknown' },
    { op: 'contains', value: 'x', actual: null, truth: 'false' },
    { op: 'age-days-gt', value: 90, actual: '2026-03-01T12:00:00.000Z', truth: 'true', name: '92 days old' },
    { op: 'age-days-gt', value: 90, actual: '2026-03-03T12:00:00.000Z', truth: 'false', name: 'exactly 90 days old' },
    { op: 'age-days-gt', value: 90, actual: '2026-03-03T12:00:01.000Z', truth: 'false', name: '89 whole days old' },
    { op: 'age-days-lt', value: 1, actual: '2026-06-01T00:00:00.000Z', truth: 'true', name: 'created today' },
    { op: 'age-days-lt', value: 30, actual: '2026-01-01', truth: 'false' },
    { op: 'age-days-lt', value: 30, actual: '2026-07-01T00:00:00Z', truth: 'true', name: 'a future date has a negative age' },
    { op: 'age-days-gt', value: 90, actual: 'yesterday', truth: 'unknown' },
    { op: 'age-days-gt', value: 90, actual: '5', truth: 'unknown', name: 'not an ISO date although Date.parse accepts it' },
    { op: 'age-days-gt', value: 90, actual: null, truth: 'false' },
  ];
  for (const { op, value, actual, truth, name } of cases) {
    it(`${op} ${JSON.stringify(value) ?? ''} on ${JSON.stringify(actual)} is ${truth}${name === undefined ? '' : ` (${name})`}`, () => {
      const leaf = value === undefined ? { path: 'config.v', op } : { path: 'config.v', op, value };
      expect(truthOf(leaf, { v: actual })).toBe(truth);
    });
  }

  it('treats a missing key like null', () => {
    expect(truthOf({ path: 'config.nope', op: 'absent' }, {})).toBe('true');
    expect(truthOf({ path: 'config.nope', op: 'ne', value: 1 }, {})).toBe('true');
    expect(truthOf({ path: 'config.nope', op: 'eq', value: 1 }, {})).toBe('false');
  });

  it('uses the scan clock for ages, not the wall clock', () => {
    const leaf = { path: 'config.v', op: 'age-days-gt', value: 10 };
    expect(truthOf(leaf, { v: '2020-01-01T00:00:00Z' }, new Date('2020-01-05T00:00:00Z'))).toBe('false');
    expect(truthOf(leaf, { v: '2020-01-01T00:00:00Z' }, new Date('2020-01-20T00:00:00Z'))).toBe('true');
  });
});

describe('paths reaching several values ([*])', () => {
  const ingress = { rules: [{ port: 22 }, { port: null }, { port: 443 }] };
  const cases: { name: string; leaf: unknown; config: Record<string, unknown>; truth: Truth }[] = [
    { name: 'eq holds when one value is equal', leaf: { path: 'config.rules[*].port', op: 'eq', value: 22 }, config: ingress, truth: 'true' },
    { name: 'eq fails when no value is equal', leaf: { path: 'config.rules[*].port', op: 'eq', value: 3389 }, config: ingress, truth: 'false' },
    { name: 'ne means no value is equal', leaf: { path: 'config.rules[*].port', op: 'ne', value: 22 }, config: ingress, truth: 'false' },
    { name: 'ne holds when no value is equal', leaf: { path: 'config.rules[*].port', op: 'ne', value: 3389 }, config: ingress, truth: 'true' },
    { name: 'not-in means no value is listed', leaf: { path: 'config.rules[*].port', op: 'not-in', value: [22, 3389] }, config: ingress, truth: 'false' },
    { name: 'exists holds when one value is present', leaf: { path: 'config.rules[*].port', op: 'exists' }, config: ingress, truth: 'true' },
    { name: 'absent means every value is absent', leaf: { path: 'config.rules[*].port', op: 'absent' }, config: ingress, truth: 'false' },
    {
      name: 'absent holds when every value is absent',
      leaf: { path: 'config.rules[*].port', op: 'absent' },
      config: { rules: [{ port: null }, {}] },
      truth: 'true',
    },
    { name: 'gt over some values', leaf: { path: 'config.rules[*].port', op: 'gt', value: 100 }, config: ingress, truth: 'true' },
    {
      name: '"every port above 100" is not(some port lte 100)',
      leaf: { not: { path: 'config.rules[*].port', op: 'lte', value: 100 } },
      config: ingress,
      truth: 'false',
    },
    { name: 'an empty list reaches no value: eq is false', leaf: { path: 'config.rules[*].port', op: 'eq', value: 22 }, config: { rules: [] }, truth: 'false' },
    { name: 'an empty list reaches no value: ne is true', leaf: { path: 'config.rules[*].port', op: 'ne', value: 22 }, config: { rules: [] }, truth: 'true' },
    { name: 'an empty list reaches no value: exists is false', leaf: { path: 'config.rules[*]', op: 'exists' }, config: { rules: [] }, truth: 'false' },
    { name: 'a null list is absent', leaf: { path: 'config.rules[*].port', op: 'absent' }, config: { rules: null }, truth: 'true' },
    { name: 'one index', leaf: { path: 'config.rules[2].port', op: 'eq', value: 443 }, config: ingress, truth: 'true' },
    { name: 'an index past the end is absent', leaf: { path: 'config.rules[7].port', op: 'absent' }, config: ingress, truth: 'true' },
    {
      name: 'a value that satisfies decides despite an undecidable one',
      leaf: { path: 'config.rules[*].port', op: 'gt', value: 100 },
      config: { rules: [{ port: 'high' }, { port: 443 }] },
      truth: 'true',
    },
    {
      name: 'an undecidable value makes a negative op unknown when no other value satisfies',
      leaf: { path: 'config.rules[*].port', op: 'ne', value: 22 },
      config: { rules: [{ port: 80 }, { port: unknown('AccessDenied') }] },
      truth: 'unknown',
    },
    {
      name: 'a value equal despite an unreadable sibling decides ne',
      leaf: { path: 'config.rules[*].port', op: 'ne', value: 22 },
      config: { rules: [{ port: 22 }, { port: unknown('AccessDenied') }] },
      truth: 'false',
    },
    {
      name: 'the list itself unreadable',
      leaf: { path: 'config.rules[*].port', op: 'ne', value: 22 },
      config: { rules: unknown('AccessDenied') },
      truth: 'unknown',
    },
    {
      name: 'contains over lists of lists',
      leaf: { path: 'config.rules[*].ranges', op: 'contains', value: '0.0.0.0/0' },
      config: { rules: [{ ranges: ['10.0.0.0/8'] }, { ranges: ['0.0.0.0/0'] }] },
      truth: 'true',
    },
    {
      name: 'every value of a mapping with [*]',
      leaf: { path: 'config.labels[*]', op: 'matches', value: 'secret' },
      config: { labels: { a: 'public', b: 'top-secret' } },
      truth: 'true',
    },
  ];
  for (const { name, leaf, config, truth } of cases) {
    it(name, () => expect(truthOf(leaf, config)).toBe(truth));
  }
});

describe('Kleene logic', () => {
  const T = { path: 'config.t', op: 'eq', value: true };
  const F = { path: 'config.f', op: 'eq', value: true };
  const U = { path: 'config.u', op: 'eq', value: true };
  const config = { t: true, f: false, u: unknown('AccessDenied: u') };
  const leaves = { T, F, U } as const;
  const letter = { true: 'T', false: 'F', unknown: 'U' } as const;
  const table: Record<'all' | 'any', Record<string, 'T' | 'F' | 'U'>> = {
    all: { TT: 'T', TF: 'F', TU: 'U', FT: 'F', FF: 'F', FU: 'F', UT: 'U', UF: 'F', UU: 'U' },
    any: { TT: 'T', TF: 'T', TU: 'T', FT: 'T', FF: 'F', FU: 'U', UT: 'T', UF: 'U', UU: 'U' },
  };
  for (const group of ['all', 'any'] as const) {
    for (const [pair, expected] of Object.entries(table[group])) {
      it(`${group} [${pair[0]}, ${pair[1]}] is ${expected}`, () => {
        const [a, b] = [...pair] as ('T' | 'F' | 'U')[];
        const node = { [group]: [leaves[a ?? 'T'], leaves[b ?? 'T']] };
        expect(letter[truthOf(node, config)]).toBe(expected);
      });
    }
  }
  for (const [input, expected] of [
    ['T', 'F'],
    ['F', 'T'],
    ['U', 'U'],
  ] as const) {
    it(`not ${input} is ${expected}`, () => expect(letter[truthOf({ not: leaves[input] }, config)]).toBe(expected));
  }
  it('nests: not(all[T, U]) is U; any[not U, T] is T; all[any[F, U], not F] is U', () => {
    expect(truthOf({ not: { all: [T, U] } }, config)).toBe('unknown');
    expect(truthOf({ any: [{ not: U }, T] }, config)).toBe('true');
    expect(truthOf({ all: [{ any: [F, U] }, { not: F }] }, config)).toBe('unknown');
  });
  it('a single-child group is its child', () => {
    for (const leaf of [T, F, U]) {
      expect(truthOf({ all: [leaf] }, config)).toBe(truthOf(leaf, config));
      expect(truthOf({ any: [leaf] }, config)).toBe(truthOf(leaf, config));
    }
  });
});

describe('the leaves that decide', () => {
  const config = { a: 'x', b: 'y', c: unknown('AccessDenied: c'), ports: [22, 80, 443] };
  const evaluate = (node: unknown): ConditionResult => compile(node)(withConfig(config), { now: NOW });
  const leavesOf = (result: ConditionResult) => result.because.map((outcome) => `${outcome.leaf}: ${outcome.truth}`);

  it('a false all names every false leaf, and only those', () => {
    const result = evaluate({
      all: [
        { path: 'config.a', op: 'eq', value: 'x' },
        { path: 'config.a', op: 'eq', value: 'z' },
        { path: 'config.b', op: 'exists' },
        { path: 'config.b', op: 'absent' },
      ],
    });
    expect(result.truth).toBe('false');
    expect(leavesOf(result)).toEqual(['config.a eq "z": false', 'config.b absent: false']);
    expect(result.because[0]?.observed).toEqual([{ state: 'present', at: 'config.a', value: 'x' }]);
  });

  it('a false all wins over an unknown leaf', () => {
    const result = evaluate({
      all: [
        { path: 'config.c', op: 'eq', value: 1 },
        { path: 'config.a', op: 'eq', value: 'z' },
      ],
    });
    expect(result.truth).toBe('false');
    expect(leavesOf(result)).toEqual(['config.a eq "z": false']);
  });

  it('a false any names every leaf', () => {
    const result = evaluate({
      any: [
        { path: 'config.a', op: 'eq', value: 'z' },
        { path: 'config.b', op: 'in', value: ['q'] },
      ],
    });
    expect(leavesOf(result)).toEqual(['config.a eq "z": false', 'config.b in ["q"]: false']);
  });

  it('not keeps the leaves, whose own truth is reported', () => {
    const result = evaluate({ not: { path: 'config.a', op: 'exists' } });
    expect(result.truth).toBe('false');
    expect(leavesOf(result)).toEqual(['config.a exists: true']);
  });

  it('an unknown result names the undecidable leaves with the unreadable location and its reason', () => {
    const result = evaluate({
      all: [
        { path: 'config.a', op: 'eq', value: 'x' },
        { path: 'config.c.deep', op: 'eq', value: 1 },
      ],
    });
    expect(result.truth).toBe('unknown');
    expect(result.because).toEqual([
      {
        leaf: 'config.c.deep eq 1',
        path: 'config.c.deep',
        truth: 'unknown',
        observed: [{ state: 'unknown', at: 'config.c', reason: 'AccessDenied: c', unreadable: true }],
      },
    ]);
  });

  it('a type mismatch is unknown, not unreadable', () => {
    const result = evaluate({ path: 'config.a', op: 'gt', value: 1 });
    expect(result.because[0]?.observed).toEqual([{ state: 'unknown', at: 'config.a', reason: 'is a string ("x"), not a number', unreadable: false }]);
  });

  it('a negative op over a list reports the values that broke it', () => {
    const result = evaluate({ path: 'config.ports[*]', op: 'not-in', value: [22, 3389] });
    expect(result.truth).toBe('false');
    expect(result.because[0]?.observed).toEqual([{ state: 'present', at: 'config.ports[0]', value: 22 }]);
  });
});

describe('compile errors', () => {
  const cases: { name: string; node: unknown; resourceType?: ResourceType; issues: { path: DocumentPath; message: RegExp }[] }[] = [
    { name: 'not a mapping', node: 'config.a eq 1', issues: [{ path: ['condition'], message: /must be a mapping/ }] },
    { name: 'a list', node: [{ path: 'config.a', op: 'exists' }], issues: [{ path: ['condition'], message: /must be a mapping/ }] },
    {
      name: 'invalid regular expression',
      node: { path: 'config.a', op: 'matches', value: '(unclosed' },
      issues: [{ path: ['condition', 'value'], message: /invalid regular expression: .*unclosed/i }],
    },
    { name: 'value missing', node: { path: 'config.a', op: 'eq' }, issues: [{ path: ['condition'], message: /^op eq needs a value$/ }] },
    {
      name: 'value missing for an age',
      node: { path: 'createdAt', op: 'age-days-gt' },
      issues: [{ path: ['condition'], message: /^op age-days-gt needs a value$/ }],
    },
    {
      name: 'value given to exists',
      node: { path: 'config.a', op: 'exists', value: true },
      issues: [{ path: ['condition', 'value'], message: /^op exists takes no value$/ }],
    },
    {
      name: 'unknown op',
      node: { path: 'config.a', op: 'equals', value: 1 },
      issues: [{ path: ['condition', 'op'], message: /unknown op "equals"; use one of: exists, absent, eq, ne/ }],
    },
    { name: 'op missing', node: { path: 'config.a', value: 1 }, issues: [{ path: ['condition'], message: /a leaf needs an op/ }] },
    { name: 'path missing', node: { op: 'exists' }, issues: [{ path: ['condition'], message: /missing required field 'path'/ }] },
    {
      name: 'a misspelt group',
      node: { alll: [{ path: 'config.a', op: 'exists' }] },
      issues: [{ path: ['condition', 'alll'], message: /unknown field 'alll': a condition is all, any, not/ }],
    },
    {
      name: 'a stranger next to an unknown op',
      node: { path: 'config.a', op: 'is', valeu: 1 },
      issues: [
        { path: ['condition', 'valeu'], message: /unknown field 'valeu'/ },
        { path: ['condition', 'op'], message: /unknown op "is"/ },
      ],
    },
    {
      name: 'misspelt key',
      node: { path: 'config.a', op: 'eq', vaule: 1 },
      issues: [
        { path: ['condition'], message: /needs a value/ },
        { path: ['condition', 'vaule'], message: /unknown field 'vaule'/ },
      ],
    },
    {
      name: 'a number as a string for gt',
      node: { path: 'config.a', op: 'gt', value: '5' },
      issues: [{ path: ['condition', 'value'], message: /^must be a number$/ }],
    },
    { name: 'a negative age', node: { path: 'createdAt', op: 'age-days-gt', value: -1 }, issues: [{ path: ['condition', 'value'], message: /must be >= 0/ }] },
    {
      name: 'an empty in list',
      node: { path: 'config.a', op: 'in', value: [] },
      issues: [{ path: ['condition', 'value'], message: /must not be an empty list/ }],
    },
    { name: 'a scalar for in', node: { path: 'config.a', op: 'in', value: 'a' }, issues: [{ path: ['condition', 'value'], message: /must be a list/ }] },
    {
      name: 'a mapping in an in list',
      node: { path: 'config.a', op: 'in', value: ['a', { b: 1 }] },
      issues: [{ path: ['condition', 'value', 1], message: /must be a string, a number or a boolean/ }],
    },
    {
      name: 'null for eq (use absent)',
      node: { path: 'config.a', op: 'eq', value: null },
      issues: [{ path: ['condition', 'value'], message: /must be a string, a number or a boolean/ }],
    },
    {
      name: 'an empty regular expression',
      node: { path: 'config.a', op: 'matches', value: '' },
      issues: [{ path: ['condition', 'value'], message: /must not be empty/ }],
    },
    {
      name: 'a bad path',
      node: { path: 'config..a', op: 'exists' },
      issues: [{ path: ['condition', 'path'], message: /expected a field name after "\." at character 8/ }],
    },
    { name: 'an empty all', node: { all: [] }, issues: [{ path: ['condition', 'all'], message: /all must be a non-empty list of conditions/ }] },
    { name: 'any not a list', node: { any: { path: 'config.a', op: 'exists' } }, issues: [{ path: ['condition', 'any'], message: /non-empty list/ }] },
    { name: 'not a string', node: { not: 'config.a' }, issues: [{ path: ['condition', 'not'], message: /must be a mapping/ }] },
    {
      name: 'a group and a leaf in one node',
      node: { all: [{ path: 'config.a', op: 'exists' }], path: 'config.b', op: 'exists' },
      issues: [
        { path: ['condition', 'path'], message: /'path' cannot sit next to 'all'/ },
        { path: ['condition', 'op'], message: /'op' cannot sit next to 'all'/ },
      ],
    },
    {
      name: 'two groups in one node',
      node: { all: [{ path: 'config.a', op: 'exists' }], any: [] },
      issues: [{ path: ['condition', 'any'], message: /'any' cannot sit next to 'all'/ }],
    },
    {
      name: 'every mistake, each at its place in the tree',
      node: {
        all: [
          { path: 'config.a', op: 'exists' },
          { any: [{ path: 'config.b', op: 'eq', value: 1 }, { not: { path: 'config.c', op: 'matches', value: '[' } }] },
          { path: 'config.d', op: 'lt' },
        ],
      },
      issues: [
        { path: ['condition', 'all', 1, 'any', 1, 'not', 'value'], message: /invalid regular expression/ },
        { path: ['condition', 'all', 2], message: /op lt needs a value/ },
      ],
    },
    // Checked against the resource type's schema.
    {
      name: 'a misspelt field',
      resourceType: 'AWS::SageMaker::NotebookInstance',
      node: { path: 'config.directInternetAcess', op: 'eq', value: 'Disabled' },
      issues: [{ path: ['condition', 'path'], message: /config has no field "directInternetAcess"; its fields are: .*directInternetAccess/ }],
    },
    {
      name: 'a value outside the enum',
      resourceType: 'AWS::SageMaker::NotebookInstance',
      node: { path: 'config.directInternetAccess', op: 'eq', value: 'Disable' },
      issues: [{ path: ['condition', 'value'], message: /config\.directInternetAccess is one of "Enabled", "Disabled", never "Disable"/ }],
    },
    {
      name: 'a boolean compared with a string',
      resourceType: 'AWS::RDS::DBInstance',
      node: { path: 'config.multiAz', op: 'eq', value: 'true' },
      issues: [{ path: ['condition', 'value'], message: /config\.multiAz is a boolean, so it never equals "true"/ }],
    },
    {
      name: 'gt on a string field',
      resourceType: 'AWS::SageMaker::NotebookInstance',
      node: { path: 'config.status', op: 'gt', value: 5 },
      issues: [{ path: ['condition', 'op'], message: /gt compares numbers, but config\.status is a string/ }],
    },
    {
      name: 'eq on a list',
      resourceType: 'AWS::RDS::DBInstance',
      node: { path: 'config.cloudwatchLogsExports', op: 'eq', value: 'audit' },
      issues: [
        {
          path: ['condition', 'value'],
          message: /is a list, so it never equals "audit"; to look for an item use contains, or config\.cloudwatchLogsExports\[\*\]/,
        },
      ],
    },
    {
      name: 'one bad item in an in list',
      resourceType: 'AWS::EC2::SecurityGroup',
      node: { path: 'config.ingress[*].fromPort', op: 'in', value: [22, 'ssh'] },
      issues: [{ path: ['condition', 'value', 1], message: /config\.ingress\[\*\]\.fromPort is a number or null, so it never equals "ssh"/ }],
    },
    {
      name: 'an age on a boolean',
      resourceType: 'AWS::RDS::DBInstance',
      node: { path: 'config.multiAz', op: 'age-days-gt', value: 3 },
      issues: [{ path: ['condition', 'op'], message: /age-days-gt reads ISO dates, but config\.multiAz is a boolean/ }],
    },
  ];
  for (const { name, node, resourceType, issues } of cases) {
    it(name, () => {
      const result = compileCondition(node, ['condition'], { resourceType });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues.map((issue) => issue.path)).toEqual(issues.map((issue) => issue.path));
      result.issues.forEach((issue, index) => expect(issue.message).toMatch(issues[index]?.message ?? /never/));
    });
  }

  const accepted: { name: string; node: unknown; resourceType: ResourceType }[] = [
    { name: 'an enum value', resourceType: 'AWS::SageMaker::NotebookInstance', node: { path: 'config.directInternetAccess', op: 'in', value: ['Disabled'] } },
    {
      name: 'inside an untyped policy document',
      resourceType: 'AWS::S3::Bucket',
      node: { path: 'config.policy.Statement[*].Effect', op: 'eq', value: 'Allow' },
    },
    { name: 'contains on a list', resourceType: 'AWS::RDS::DBInstance', node: { path: 'config.cloudwatchLogsExports', op: 'contains', value: 'audit' } },
    { name: 'a number on a nullable number', resourceType: 'AWS::EC2::SecurityGroup', node: { path: 'config.ingress[*].fromPort', op: 'lte', value: 22 } },
    { name: 'an age on an optional date', resourceType: 'AWS::EC2::Instance', node: { path: 'createdAt', op: 'age-days-gt', value: 30 } },
    { name: 'any tag value', resourceType: 'AWS::EC2::Instance', node: { path: 'tags[*]', op: 'matches', value: '(?:pii|secret)' } },
  ];
  for (const { name, node, resourceType } of accepted) {
    it(`accepts ${name}`, () => expect(compileCondition(node, ['condition'], { resourceType })).toMatchObject({ ok: true }));
  }
});

describe('typed conditions on builder resources', () => {
  it('decides on real resource shapes', () => {
    const openSsh = compile({ path: 'config.ingress[*].fromPort', op: 'eq', value: 22 }, 'AWS::EC2::SecurityGroup');
    const rule = { protocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] };
    expect(openSsh(securityGroup({ ingress: [rule] }), { now: NOW }).truth).toBe('true');
    expect(openSsh(securityGroup(), { now: NOW }).truth).toBe('false');
    expect(openSsh(securityGroup({ ingress: unknown('UnauthorizedOperation') }), { now: NOW }).truth).toBe('unknown');

    const owned = compile({ path: 'tags.owner', op: 'exists' }, 'AWS::SageMaker::NotebookInstance');
    expect(owned(notebook({}, { tags: { owner: 'data-team' } }), { now: NOW }).truth).toBe('true');
    expect(owned(notebook({}, { tags: unknown('AccessDenied: sagemaker:ListTags') }), { now: NOW }).truth).toBe('unknown');

    const backups = compile({ path: 'config.backupRetentionPeriod', op: 'gte', value: 7 }, 'AWS::RDS::DBInstance');
    expect(backups(rdsInstance({ backupRetentionPeriod: 1 }), { now: NOW }).truth).toBe('false');
  });
});
