/**
 * Whether a CloudWatch Logs metric filter pattern catches what a required JSON pattern (a CIS
 * benchmark pattern) catches — judged on meaning, not on text.
 *
 * A JSON filter pattern `{ ... }` is read as a boolean expression over terms: `$.sel OP value`
 * (`=`, `!=`, `<`, `<=`, `>`, `>=`), `$.sel IS TRUE|FALSE|NULL`, `$.sel [NOT] EXISTS`, joined by `&&`
 * and `||` with parentheses. A term is normalised: whitespace dropped around it, quotes dropped
 * from its value (`= "Root"` and `= Root` are one term), keywords upper-cased, runs of spaces
 * inside an unquoted value folded. Values and selectors stay case-sensitive, as CloudWatch Logs
 * compares them.
 *
 * The rule: a filter matches the required pattern when
 *  1. every term of the required pattern appears in the filter (no term left out), and
 *  2. the filter does not narrow it: written as an OR of AND-groups (disjunctive normal form),
 *     every AND-group of the required pattern contains all the terms of some AND-group of the
 *     filter — so every event the required pattern catches, the filter catches too. Terms the
 *     required pattern lists as accepted refinements (CIS's own variants) are left out of this
 *     check.
 * Order, grouping, spacing and quoting are free; extra OR-branches are allowed (they only widen
 * the filter); an extra AND-term is not (it could hide the events the control is about).
 *
 * CloudWatch Logs does not document how `&&` and `||` bind when mixed without parentheses (the CIS
 * texts of 5.1 and 5.13 do that). Such a level is read both ways — `&&` binding tighter, and left
 * to right — and the filter must match under both readings.
 */

export type Expr = { readonly kind: 'term'; readonly term: string } | { readonly kind: 'and' | 'or'; readonly operands: readonly Expr[] };

/** As parsed, before the reading of mixed `&&`/`||` levels is chosen. */
type Raw =
  | { readonly kind: 'term'; readonly term: string }
  | { readonly kind: 'level'; readonly operands: readonly Raw[]; readonly operators: readonly ('&&' | '||')[] };

export class FilterPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterPatternError';
  }
}

const COMPARISON = /^(!=|<=|>=|=|<|>)/;
const SELECTOR = /^\$[A-Za-z0-9_.[\]\-*$@:]*/;

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): Raw {
    this.skip();
    this.expect('{');
    const expr = this.level();
    this.expect('}');
    this.skip();
    if (this.at !== this.text.length) this.fail('text after the closing brace');
    return expr;
  }

  private level(): Raw {
    const operands = [this.operand()];
    const operators: ('&&' | '||')[] = [];
    for (;;) {
      this.skip();
      const rest = this.text.slice(this.at);
      if (!rest.startsWith('&&') && !rest.startsWith('||')) break;
      operators.push(rest.startsWith('&&') ? '&&' : '||');
      this.at += 2;
      operands.push(this.operand());
    }
    return operands.length === 1 ? (operands[0] as Raw) : { kind: 'level', operands, operators };
  }

  private operand(): Raw {
    this.skip();
    if (this.text[this.at] === '(') {
      this.at++;
      const inner = this.level();
      this.expect(')');
      return inner;
    }
    return { kind: 'term', term: this.term() };
  }

  private term(): string {
    const selector = SELECTOR.exec(this.text.slice(this.at))?.[0];
    if (selector === undefined || selector.length < 2) this.fail('a selector such as $.eventName');
    this.at += selector.length;
    this.skip();
    const rest = this.text.slice(this.at);
    const keyword = /^(NOT\s+EXISTS|EXISTS|IS\s+(TRUE|FALSE|NULL))\b/i.exec(rest);
    if (keyword !== null) {
      this.at += keyword[0].length;
      return `${selector} ${keyword[0].toUpperCase().replace(/\s+/g, ' ')}`;
    }
    const op = COMPARISON.exec(rest)?.[0];
    if (op === undefined) this.fail(`a comparison after ${selector}`);
    this.at += op.length;
    return `${selector} ${op} ${this.value()}`;
  }

  private value(): string {
    this.skip();
    if (this.text[this.at] === '"') {
      let value = '';
      for (this.at++; this.at < this.text.length; this.at++) {
        const c = this.text[this.at] as string;
        if (c === '\\' && this.at + 1 < this.text.length) value += this.text[++this.at] as string;
        else if (c === '"') {
          this.at++;
          return value;
        } else value += c;
      }
      this.fail('a closing quote');
    }
    // Unquoted: up to the next parenthesis, brace or logical operator.
    const end = /\)|\}|&&|\|\|/.exec(this.text.slice(this.at));
    const raw = this.text.slice(this.at, end === null ? this.text.length : this.at + end.index);
    this.at += raw.length;
    const value = raw.trim().replace(/\s+/g, ' ');
    if (value === '') this.fail('a value');
    return value;
  }

  private skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] as string)) this.at++;
  }

  private expect(char: string): void {
    this.skip();
    if (this.text[this.at] !== char) this.fail(`'${char}'`);
    this.at++;
  }

  private fail(expected: string): never {
    throw new FilterPatternError(`expected ${expected} at character ${this.at + 1}`);
  }
}

/** At most this many readings of one pattern, and AND-groups of one reading: beyond, it is not judged. */
const MAX_READINGS = 64;
const MAX_GROUPS = 4096;

function combine(kind: 'and' | 'or', operands: readonly Expr[]): Expr {
  return operands.length === 1 ? (operands[0] as Expr) : { kind, operands };
}

/** `a && b || c` with `&&` binding tighter: (a && b) || c. */
function byPrecedence(operands: readonly Expr[], operators: readonly string[]): Expr {
  const disjuncts: Expr[][] = [[operands[0] as Expr]];
  operators.forEach((op, i) => {
    const next = operands[i + 1] as Expr;
    if (op === '&&') (disjuncts.at(-1) as Expr[]).push(next);
    else disjuncts.push([next]);
  });
  return combine(
    'or',
    disjuncts.map((conjuncts) => combine('and', conjuncts)),
  );
}

/** `a || b && c` left to right: (a || b) && c. */
function leftToRight(operands: readonly Expr[], operators: readonly string[]): Expr {
  let expr = operands[0] as Expr;
  operators.forEach((op, i) => {
    expr = { kind: op === '&&' ? 'and' : 'or', operands: [expr, operands[i + 1] as Expr] };
  });
  return expr;
}

function readingsOf(raw: Raw): Expr[] {
  if (raw.kind === 'term') return [raw];
  let combos: Expr[][] = [[]];
  for (const operand of raw.operands) {
    const options = readingsOf(operand);
    combos = combos.flatMap((combo) => options.map((option) => [...combo, option]));
    if (combos.length > MAX_READINGS) throw new FilterPatternError('too many ways to read the mixed && and || operators');
  }
  const mixed = new Set(raw.operators).size > 1;
  const readings = combos.flatMap((operands) =>
    mixed ? [byPrecedence(operands, raw.operators), leftToRight(operands, raw.operators)] : [byPrecedence(operands, raw.operators)],
  );
  if (readings.length > MAX_READINGS) throw new FilterPatternError('too many ways to read the mixed && and || operators');
  return readings;
}

/** Every reading of a JSON filter pattern (one unless `&&` and `||` mix without parentheses). */
export function parseFilterPattern(pattern: string): Expr[] {
  return readingsOf(new Parser(pattern).parse());
}

export function termsOf(expr: Expr): Set<string> {
  if (expr.kind === 'term') return new Set([expr.term]);
  return new Set(expr.operands.flatMap((operand) => [...termsOf(operand)]));
}

/** The expression as an OR of AND-groups of terms. */
export function andGroups(expr: Expr): Set<string>[] {
  if (expr.kind === 'term') return [new Set([expr.term])];
  if (expr.kind === 'or') return expr.operands.flatMap(andGroups);
  let groups: Set<string>[] = [new Set()];
  for (const operand of expr.operands) {
    const next = andGroups(operand);
    groups = groups.flatMap((group) => next.map((other) => new Set([...group, ...other])));
    if (groups.length > MAX_GROUPS) throw new FilterPatternError('too many combinations of && and || to judge');
  }
  return groups;
}

export interface RequiredPattern {
  /** The JSON pattern, grouped with parentheses so that it has one reading. */
  readonly pattern: string;
  /** Terms a filter may AND in without failing the narrowing check (variants the benchmark itself accepts). */
  readonly acceptedRefinements?: readonly string[];
}

export type PatternMatch = { readonly matches: true } | { readonly matches: false; readonly why: string };

const isSubset = (small: ReadonlySet<string>, big: ReadonlySet<string>) => [...small].every((term) => big.has(term));

/** The term as the matcher normalises it (`$.eventName = "X"` → `$.eventName = X`). */
export function normaliseTerm(term: string): string {
  const [expr] = parseFilterPattern(`{ ${term} }`);
  if (expr?.kind !== 'term') throw new FilterPatternError(`'${term}' is not a single term`);
  return expr.term;
}

interface CompiledRequirement {
  readonly terms: ReadonlySet<string>;
  readonly groups: readonly ReadonlySet<string>[];
  readonly refinements: ReadonlySet<string>;
}

/** Required patterns are few and fixed: each is read once. */
const compiled = new WeakMap<RequiredPattern, CompiledRequirement>();

function compile(required: RequiredPattern): CompiledRequirement {
  let requirement = compiled.get(required);
  if (requirement === undefined) {
    const [expr, ...otherReadings] = parseFilterPattern(required.pattern);
    if (expr === undefined || otherReadings.length > 0) throw new FilterPatternError(`required pattern ${required.pattern} must have exactly one reading`);
    requirement = { terms: termsOf(expr), groups: andGroups(expr), refinements: new Set((required.acceptedRefinements ?? []).map(normaliseTerm)) };
    compiled.set(required, requirement);
  }
  return requirement;
}

/** A metric filter's pattern as the matcher reads it: its terms and, per reading, its AND-groups. */
type ReadFilter =
  | {
      readonly ok: true;
      readonly terms: ReadonlySet<string>;
      readonly readings: readonly ({ readonly groups: readonly ReadonlySet<string>[] } | { readonly error: string })[];
    }
  | { readonly ok: false; readonly error: string };

/** A filter pattern text read, with its match against each required pattern asked so far. */
interface KnownFilter {
  readonly read: ReadFilter;
  readonly matches: Map<RequiredPattern, PatternMatch>;
}

/**
 * Filter patterns repeat across a scan (one organisation log group judged for every region and
 * every CIS control), so each text is read, and matched against each required pattern, once; the
 * cache is emptied when it fills, which keeps it bounded on a scan of many distinct patterns.
 */
const knownFilters = new Map<string, KnownFilter>();
const MAX_KNOWN_FILTERS = 4096;

function readFilter(filterPattern: string): ReadFilter {
  try {
    const readings = parseFilterPattern(filterPattern);
    return {
      ok: true,
      // Every reading holds the same terms.
      terms: termsOf(readings[0] as Expr),
      readings: readings.map((reading) => {
        try {
          return { groups: andGroups(reading) };
        } catch (error) {
          if (error instanceof FilterPatternError) return { error: error.message };
          throw error;
        }
      }),
    };
  } catch (error) {
    if (!(error instanceof FilterPatternError)) throw error;
    return { ok: false, error: error.message };
  }
}

/** Whether the filter pattern matches the required pattern, by the rule in the module comment. */
export function matchFilterPattern(filterPattern: string, required: RequiredPattern): PatternMatch {
  let known = knownFilters.get(filterPattern);
  if (known === undefined) {
    if (knownFilters.size >= MAX_KNOWN_FILTERS) knownFilters.clear();
    known = { read: readFilter(filterPattern), matches: new Map() };
    knownFilters.set(filterPattern, known);
  }
  let match = known.matches.get(required);
  if (match === undefined) {
    match = matchRead(known.read, required);
    known.matches.set(required, match);
  }
  return match;
}

const MATCHES: PatternMatch = { matches: true };

function matchRead(read: ReadFilter, required: RequiredPattern): PatternMatch {
  const { terms: requiredTerms, groups: requiredGroups, refinements } = compile(required);
  if (!read.ok) return { matches: false, why: `the pattern is no JSON filter pattern the matcher reads (${read.error})` };
  const missing = [...requiredTerms].filter((term) => !read.terms.has(term));
  if (missing.length > 0) return { matches: false, why: `it lacks ${missing.map((t) => `(${t})`).join(', ')}` };
  for (const reading of read.readings) {
    if ('error' in reading) return { matches: false, why: reading.error };
    const groups = reading.groups.map((group) => new Set([...group].filter((term) => !refinements.has(term))));
    const uncaught = requiredGroups.find((needed) => !groups.some((group) => isSubset(group, needed)));
    if (uncaught !== undefined) {
      return { matches: false, why: `it narrows the pattern: an event with ${[...uncaught].map((t) => `(${t})`).join(' && ')} would not match` };
    }
  }
  return MATCHES;
}
