/**
 * Compiles a condition tree (`all` / `any` / `not` / leaves) into a function of a resource that
 * answers true, false or unknown, with the leaves that decided the answer. All the work on the
 * definition happens here, once: shapes are checked, paths parsed and typed against the resource
 * schema, regular expressions built, value lists turned into sets. The returned closures hold only
 * those compiled parts; they never look at the definition again.
 *
 * Semantics
 * - Three-valued (Kleene) logic. `all`: false if any child is false, else unknown if any is
 *   unknown, else true. `any`: true if any child is true, else unknown if any is unknown, else
 *   false. `not` swaps true and false and keeps unknown. So an unreadable value decides nothing
 *   unless the other conditions decide without it — and it can never turn into a pass.
 * - A path can reach several values (`[*]`). A positive op (eq, in, gt, gte, lt, lte, matches,
 *   starts-with, ends-with, contains, age-days-gt, age-days-lt, exists) holds when it holds for at
 *   least one value; the negative ops are exact negations: `ne` = not `eq`, `not-in` = not `in`,
 *   `absent` = not `exists`. So `config.ingress[*].fromPort ne 22` means "no rule has port 22".
 *   "Every value satisfies X" is `not` of "some value satisfies the opposite of X".
 * - An absent value (null, missing, or no values at all) satisfies no positive op: `gt`, `eq`,
 *   `exists` … are false, and `ne`, `not-in`, `absent` are true.
 * - Type mismatches: where the resource schema tells the type, a comparison that can never hold
 *   (`gt` on a string, `eq "true"` on a boolean, a value outside an enum) is a compile error.
 *   At run time `eq`, `ne`, `in`, `not-in` compare strictly (a string never equals a number);
 *   the other ops meet a value of the wrong kind (`gt` on a string, `matches` on a number,
 *   `age-days-gt` on a non-date) with unknown, so the verdict is error — never a guess.
 * - `matches` is a JavaScript regular expression search (`RegExp.test`): anchor with ^…$ for a
 *   full match. `age-days-gt N`: more than N whole days between the ISO date and the scan clock.
 */
import type { Resource } from '../model/resource.js';
import type { ResourceType } from '../model/resource-types.js';
import { daysSince } from '../analysis/time.js';
import { validatorFor } from '../schemas/ajv.js';
import { compilePath, describeValue, type CompiledPath, type Endpoint } from './compile-path.js';
import { isLeafOp, leafOps, leafShapeOf, type Leaf, type LeafOp } from '../custom/custom-insight-schema.js';
import { formatValue, isPlainObject, issuesFromAjv, type CompileResult, type DefinitionIssue, type DocumentPath } from './definition-issue.js';
import { describeKinds, jsonKind, typePath, type PathType, type ValueKind } from './path-type.js';

export type Truth = 'true' | 'false' | 'unknown';

/** One leaf's answer on one resource. */
export interface LeafOutcome {
  /** The leaf as written: `config.status ne "Deleting"`. */
  readonly leaf: string;
  /** Its path as written. */
  readonly path: string;
  readonly truth: Truth;
  /**
   * The values that decided it: those that satisfied the op when it held, every value looked at
   * when it did not (empty: the path reached no value), the undecidable ones when unknown.
   */
  readonly observed: readonly Endpoint[];
}

export interface ConditionResult {
  readonly truth: Truth;
  /** The leaves that decided the result (for unknown: the leaves that could not be decided). */
  readonly because: readonly LeafOutcome[];
}

export interface EvaluationEnv {
  /** The scan clock, for the age ops. */
  readonly now: Date;
}

export type CompiledCondition = (resource: Resource, env: EvaluationEnv) => ConditionResult;

export interface ConditionCompileOptions {
  /** Check paths and values against this type's schema; without it, any path is accepted. */
  readonly resourceType?: ResourceType | undefined;
}

/**
 * `node` is the condition as parsed from YAML or JSON (not yet validated); `at` is its location in
 * the document, so that issues point into it.
 */
export function compileCondition(node: unknown, at: DocumentPath, options: ConditionCompileOptions = {}): CompileResult<CompiledCondition> {
  const issues: DefinitionIssue[] = [];
  const compiled = compileNode(node, at, options, issues);
  return compiled === undefined || issues.length > 0 ? { ok: false, issues } : { ok: true, value: compiled };
}

const GROUP_KEYS = ['all', 'any', 'not'] as const;

function compileNode(node: unknown, at: DocumentPath, options: ConditionCompileOptions, issues: DefinitionIssue[]): CompiledCondition | undefined {
  if (!isPlainObject(node)) {
    issues.push({ path: at, message: 'a condition must be a mapping: all: [..], any: [..], not: {..} or a leaf { path, op, value }' });
    return undefined;
  }
  const [kind, ...others] = GROUP_KEYS.filter((key) => Object.hasOwn(node, key));
  if (kind === undefined) return compileLeaf(node, at, options, issues);

  const extra = Object.keys(node).filter((key) => key !== kind);
  for (const key of extra) {
    issues.push({
      path: [...at, key],
      atKey: true,
      message: `'${key}' cannot sit next to '${kind}': a condition is exactly one of all, any, not, or a leaf { path, op, value }`,
    });
  }
  if (extra.length > 0 || others.length > 0) return undefined;

  if (kind === 'not') {
    const child = compileNode(node['not'], [...at, 'not'], options, issues);
    return child === undefined ? undefined : negation(child);
  }
  const items = node[kind];
  if (!Array.isArray(items) || items.length === 0) {
    issues.push({ path: [...at, kind], message: `${kind} must be a non-empty list of conditions` });
    return undefined;
  }
  const children = items.map((item, index) => compileNode(item, [...at, kind, index], options, issues));
  if (!children.every((child): child is CompiledCondition => child !== undefined)) return undefined;
  return kind === 'all' ? conjunction(children) : disjunction(children);
}

// ---------------------------------------------------------------- leaves

/**
 * The positive form of an op on one present value: true, false, or why it cannot be decided.
 * Negative ops (ne, not-in, absent) share their positive op's test; the leaf negates the result.
 */
type Test = (value: unknown, env: EvaluationEnv) => boolean | string;

const NEGATIVE_OPS: ReadonlySet<LeafOp> = new Set<LeafOp>(['ne', 'not-in', 'absent']);

function compileLeaf(
  node: Record<string, unknown>,
  at: DocumentPath,
  options: ConditionCompileOptions,
  issues: DefinitionIssue[],
): CompiledCondition | undefined {
  const op = node['op'];
  if (!isLeafOp(op)) {
    // Without a valid op there is no leaf shape to validate against: name the strangers first
    // (`alll: [..]` is a misspelt group, not a leaf missing its op).
    const strangers = Object.keys(node).filter((key) => key !== 'path' && key !== 'op' && key !== 'value');
    for (const key of strangers) {
      issues.push({ path: [...at, key], atKey: true, message: `unknown field '${key}': a condition is all, any, not, or a leaf { path, op, value }` });
    }
    if (strangers.length > 0 && op === undefined && !Object.hasOwn(node, 'path')) return undefined;
    issues.push(
      op === undefined
        ? { path: at, message: `a leaf needs an op (one of: ${leafOps.join(', ')}), or use all, any, not` }
        : { path: [...at, 'op'], message: `unknown op ${formatValue(op)}; use one of: ${leafOps.join(', ')}` },
    );
    if (typeof node['path'] !== 'string') issues.push({ path: at, message: "missing required field 'path'" });
    return undefined;
  }

  const needsValue = op !== 'exists' && op !== 'absent';
  const before = issues.length;
  if (needsValue && !Object.hasOwn(node, 'value')) issues.push({ path: at, message: `op ${op} needs a value` });
  if (!needsValue && Object.hasOwn(node, 'value')) issues.push({ path: [...at, 'value'], atKey: true, message: `op ${op} takes no value` });
  const validate = validatorFor(leafShapeOf(op));
  if (!validate(node)) {
    const reported = (validate.errors ?? []).filter((error) => {
      const params = error.params as Record<string, unknown>;
      return params['missingProperty'] !== 'value' && params['additionalProperty'] !== 'value';
    });
    issues.push(...issuesFromAjv(reported, node, at));
  }
  if (issues.length > before) return undefined;
  const leaf = node as Leaf;

  const compiledPath = compilePath(leaf.path);
  if (!compiledPath.ok) {
    issues.push({ path: [...at, 'path'], message: compiledPath.message });
    return undefined;
  }
  const path = compiledPath.path;
  if (options.resourceType !== undefined) {
    const typing = typePath(options.resourceType, path.steps);
    if (!typing.ok) {
      issues.push({ path: [...at, 'path'], message: typing.message });
      return undefined;
    }
    const mismatch = checkAgainstType(leaf, typing.type);
    if (mismatch !== undefined) {
      issues.push({ path: [...at, ...mismatch.path], message: mismatch.message });
      return undefined;
    }
  }

  const test = compileTest(leaf, at, issues);
  if (test === undefined) return undefined;
  return leafCondition(describeLeaf(leaf), path, test, NEGATIVE_OPS.has(leaf.op));
}

function describeLeaf(leaf: Leaf): string {
  return 'value' in leaf ? `${leaf.path} ${leaf.op} ${formatValue(leaf.value)}` : `${leaf.path} ${leaf.op}`;
}

const needs = (what: string) => (value: unknown) => `is ${describeValue(value)}, not ${what}`;
const needsNumber = needs('a number');
const needsString = needs('a string');
const needsDate = needs('an ISO date');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function compileTest(leaf: Leaf, at: DocumentPath, issues: DefinitionIssue[]): Test | undefined {
  switch (leaf.op) {
    case 'exists':
    case 'absent':
      return () => true;
    case 'eq':
    case 'ne': {
      const expected = leaf.value;
      return (value) => value === expected;
    }
    case 'in':
    case 'not-in': {
      const accepted = new Set<unknown>(leaf.value);
      return (value) => accepted.has(value);
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const compare = ORDER[leaf.op];
      const bound = leaf.value;
      return (value) => (typeof value === 'number' ? compare(value, bound) : needsNumber(value));
    }
    case 'matches': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(leaf.value);
      } catch (error) {
        issues.push({ path: [...at, 'value'], message: `invalid regular expression: ${(error as Error).message}` });
        return undefined;
      }
      return (value) => (typeof value === 'string' ? pattern.test(value) : needsString(value));
    }
    case 'starts-with': {
      const prefix = leaf.value;
      return (value) => (typeof value === 'string' ? value.startsWith(prefix) : needsString(value));
    }
    case 'ends-with': {
      const suffix = leaf.value;
      return (value) => (typeof value === 'string' ? value.endsWith(suffix) : needsString(value));
    }
    case 'contains': {
      const item = leaf.value;
      return (value) => {
        if (Array.isArray(value)) return value.includes(item);
        if (typeof value === 'string' && typeof item === 'string') return value.includes(item);
        return `is ${describeValue(value)}, not a list${typeof item === 'string' ? ' or a string' : ''}`;
      };
    }
    case 'age-days-gt':
    case 'age-days-lt': {
      const days = leaf.value;
      const older = leaf.op === 'age-days-gt';
      return (value, env) => {
        if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return needsDate(value);
        const age = daysSince(value, env.now);
        return older ? age > days : age < days;
      };
    }
    default: {
      const unhandled: never = leaf;
      throw new Error(`no test for leaf ${JSON.stringify(unhandled)}`);
    }
  }
}

const ORDER: Readonly<Record<'gt' | 'gte' | 'lt' | 'lte', (a: number, b: number) => boolean>> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

/** The kinds of value an op can ever hold on; undefined: any kind (eq, in, exists compare anything). */
const OP_KINDS: Partial<Record<LeafOp, { kinds: readonly ValueKind[]; what: string }>> = {
  gt: { kinds: ['number'], what: 'compares numbers' },
  gte: { kinds: ['number'], what: 'compares numbers' },
  lt: { kinds: ['number'], what: 'compares numbers' },
  lte: { kinds: ['number'], what: 'compares numbers' },
  matches: { kinds: ['string'], what: 'reads strings' },
  'starts-with': { kinds: ['string'], what: 'reads strings' },
  'ends-with': { kinds: ['string'], what: 'reads strings' },
  contains: { kinds: ['array', 'string'], what: 'reads lists and strings' },
  'age-days-gt': { kinds: ['string'], what: 'reads ISO dates' },
  'age-days-lt': { kinds: ['string'], what: 'reads ISO dates' },
};

/** A comparison the schema says can never hold, as an issue relative to the leaf. */
function checkAgainstType(leaf: Leaf, type: PathType): { path: DocumentPath; message: string } | undefined {
  const { kinds, literals } = type;
  if (kinds === undefined) return undefined;
  const family = OP_KINDS[leaf.op];
  if (family !== undefined && !family.kinds.some((kind) => kinds.has(kind))) {
    return { path: ['op'], message: `${leaf.op} ${family.what}, but ${leaf.path} is ${describeKinds(kinds)}` };
  }
  if (leaf.op === 'eq' || leaf.op === 'ne' || leaf.op === 'in' || leaf.op === 'not-in') {
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    for (const [index, value] of values.entries()) {
      const where: DocumentPath = Array.isArray(leaf.value) ? ['value', index] : ['value'];
      const kind = jsonKind(value);
      if (!kinds.has(kind)) {
        const hint = kinds.has('array') ? `; to look for an item use contains, or ${leaf.path}[*]` : '';
        return { path: where, message: `${leaf.path} is ${describeKinds(kinds)}, so it never equals ${formatValue(value)}${hint}` };
      }
      if (typeof value === 'string' && literals !== undefined && !literals.has(value)) {
        return { path: where, message: `${leaf.path} is one of ${[...literals].map((l) => formatValue(l)).join(', ')}, never ${formatValue(value)}` };
      }
    }
  }
  return undefined;
}

/** A leaf over every value its path reaches: the op holds when it holds for one value (Kleene or). */
function leafCondition(text: string, path: CompiledPath, test: Test, negated: boolean): CompiledCondition {
  return (resource, env) => {
    const endpoints = path.read(resource);
    const satisfied: Endpoint[] = [];
    const undecided: Endpoint[] = [];
    for (const endpoint of endpoints) {
      if (endpoint.state === 'unknown') undecided.push(endpoint);
      if (endpoint.state !== 'present') continue;
      const answer = test(endpoint.value, env);
      if (answer === true) satisfied.push(endpoint);
      else if (answer !== false) undecided.push({ state: 'unknown', at: endpoint.at, reason: answer, unreadable: false });
    }
    const positive: ConditionResult['truth'] = satisfied.length > 0 ? 'true' : undecided.length > 0 ? 'unknown' : 'false';
    const observed = positive === 'true' ? satisfied : positive === 'unknown' ? undecided : endpoints;
    const truth = negated ? not(positive) : positive;
    return { truth, because: [{ leaf: text, path: path.text, truth, observed }] };
  };
}

// ---------------------------------------------------------------- Kleene logic

function not(truth: Truth): Truth {
  return truth === 'true' ? 'false' : truth === 'false' ? 'true' : 'unknown';
}

/**
 * `dominant` decides alone (false for all, true for any); otherwise unknown wins over the other
 * value. Every child is evaluated, so that a fail names every leaf that failed.
 */
function combine(results: readonly ConditionResult[], dominant: Truth): ConditionResult {
  const deciding = results.filter((result) => result.truth === dominant);
  if (deciding.length > 0) return { truth: dominant, because: deciding.flatMap((result) => result.because) };
  const unknown = results.filter((result) => result.truth === 'unknown');
  if (unknown.length > 0) return { truth: 'unknown', because: unknown.flatMap((result) => result.because) };
  return { truth: not(dominant), because: results.flatMap((result) => result.because) };
}

function conjunction(children: readonly CompiledCondition[]): CompiledCondition {
  return (resource, env) =>
    combine(
      children.map((child) => child(resource, env)),
      'false',
    );
}

function disjunction(children: readonly CompiledCondition[]): CompiledCondition {
  return (resource, env) =>
    combine(
      children.map((child) => child(resource, env)),
      'true',
    );
}

function negation(child: CompiledCondition): CompiledCondition {
  return (resource, env) => {
    const result = child(resource, env);
    return { truth: not(result.truth), because: result.because };
  };
}
