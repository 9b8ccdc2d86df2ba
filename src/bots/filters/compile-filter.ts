/**
 * Compiles a bot's filters once into a pure function of a {@link FilterSubject} answering true,
 * false or unknown (Kleene logic, as conditions: `not` keeps unknown). A bot acts only on `true`:
 * what could not be read — tags denied, an insight that did not run or erred, a missing date —
 * never leads to an action. An exempt finding of any insight the filters name makes the whole
 * filter false: exemptions beat bots. An insight written for another resource type has no finding
 * on this one and is false, not unknown (a bot over users and groups names insights of both).
 */
import { compileCondition } from '../../conditions/compile-condition.js';
import type { Truth } from '../../conditions/compile-condition.js';
import type { CompileResult, DefinitionIssue, DocumentPath } from '../../conditions/definition-issue.js';
import { daysSince } from '../../analysis/time.js';
import { futureDate } from './future-date.js';
import type { ResourceType } from '../../model/resource-types.js';
import { isUnknown } from '../../model/unknown.js';
import type { AgeTest, BotFilter, TagTest } from '../bot-schema.js';
import type { FilterSubject } from './filter-subject.js';
import { lastUsed } from './last-used.js';

export type CompiledFilter = (subject: FilterSubject) => Truth;

export interface FilterCompileOptions {
  readonly resourceType: ResourceType;
  /** The ids of the insights a filter may name. */
  readonly insightIds: ReadonlySet<string>;
  /** Each insight's resource type (`*` for every type), when known. */
  readonly insightTypes?: ReadonlyMap<string, string>;
}

/** `filters` (all must match) at `at` in the bot's document. */
export function compileFilters(filters: readonly BotFilter[], at: DocumentPath, options: FilterCompileOptions): CompileResult<CompiledFilter> {
  const issues: DefinitionIssue[] = [];
  const insights = new Set<string>();
  const children = filters.map((filter, index) => compileNode(filter, [...at, index], options, issues, insights));
  if (issues.length > 0) return { ok: false, issues };
  const all = conjunction(children);
  const named = [...insights];
  return {
    ok: true,
    value: (subject) => (named.some((id) => subject.findings.get(id) === 'exempt') ? 'false' : all(subject)),
  };
}

const KINDS = ['insight', 'tag', 'age', 'condition', 'all', 'any', 'not'] as const;

function compileNode(filter: BotFilter, at: DocumentPath, options: FilterCompileOptions, issues: DefinitionIssue[], insights: Set<string>): CompiledFilter {
  if (filter.status !== undefined && filter.insight === undefined) {
    issues.push({ path: [...at, 'status'], atKey: true, message: 'status goes with insight' });
    return () => 'unknown';
  }
  const kinds = KINDS.filter((kind) => filter[kind] !== undefined);
  if (kinds.length !== 1) {
    const message =
      kinds.length === 0
        ? 'a filter is one of insight, tag, age, condition, all, any, not'
        : `a filter is exactly one of insight, tag, age, condition, all, any, not (got ${kinds.join(', ')})`;
    issues.push({ path: at, message });
    return () => 'unknown';
  }
  if (filter.all !== undefined) return conjunction(filter.all.map((child, i) => compileNode(child, [...at, 'all', i], options, issues, insights)));
  if (filter.any !== undefined) return disjunction(filter.any.map((child, i) => compileNode(child, [...at, 'any', i], options, issues, insights)));
  if (filter.not !== undefined) {
    const child = compileNode(filter.not, [...at, 'not'], options, issues, insights);
    return (subject) => negate(child(subject));
  }
  if (filter.insight !== undefined) {
    if (!options.insightIds.has(filter.insight)) issues.push({ path: [...at, 'insight'], message: `insight: no insight with id '${filter.insight}'` });
    insights.add(filter.insight);
    const type = options.insightTypes?.get(filter.insight);
    if (type !== undefined && type !== '*' && type !== options.resourceType) return () => 'false';
    return insightFilter(filter.insight, filter.status ?? 'fail');
  }
  if (filter.tag !== undefined) return tagFilter(filter.tag, [...at, 'tag'], issues);
  if (filter.age !== undefined) return ageFilter(filter.age);
  const compiled = compileCondition(filter.condition, [...at, 'condition'], { resourceType: options.resourceType });
  if (!compiled.ok) {
    issues.push(...compiled.issues);
    return () => 'unknown';
  }
  const condition = compiled.value;
  return (subject) => condition(subject.resource, { now: subject.now }).truth;
}

function insightFilter(insight: string, wanted: string): CompiledFilter {
  return (subject) => {
    const status = subject.findings.get(insight);
    if (status === undefined) return 'unknown';
    if (status === wanted) return 'true';
    // An insight that could not decide decides nothing here either.
    return status === 'error' ? 'unknown' : 'false';
  };
}

function tagFilter(test: TagTest, at: DocumentPath, issues: DefinitionIssue[]): CompiledFilter {
  const given = (['present', 'absent', 'equals', 'matches', 'future'] as const).filter((kind) => test[kind] !== undefined);
  if (given.length !== 1) {
    issues.push({
      path: at,
      message: `tag: give exactly one of present, absent, equals, matches, future (got ${given.length === 0 ? 'none' : given.join(', ')})`,
    });
    return () => 'unknown';
  }
  let pattern: RegExp | undefined;
  if (test.matches !== undefined) {
    try {
      pattern = new RegExp(test.matches);
    } catch (error) {
      issues.push({ path: [...at, 'matches'], message: `tag.matches: ${(error as Error).message}` });
      return () => 'unknown';
    }
  }
  if (test.future === true) {
    return ({ resource, account, now }) => {
      if (isUnknown(resource.tags)) return 'unknown';
      const value = resource.tags[test.key];
      if (value === undefined) return 'false';
      const future = futureDate(value, account.timeZone ?? 'UTC', now);
      return future === undefined ? 'unknown' : truth(future);
    };
  }
  const holds = (value: string | undefined): boolean => {
    if (test.present === true) return value !== undefined;
    if (test.absent === true) return value === undefined;
    if (value === undefined) return false;
    return test.equals !== undefined ? value === test.equals : pattern!.test(value);
  };
  return ({ resource }) => (isUnknown(resource.tags) ? 'unknown' : truth(holds(resource.tags[test.key])));
}

function ageFilter(test: AgeTest): CompiledFilter {
  return ({ resource, now }) => {
    const date = test.of === 'created' ? resource.createdAt : lastUsed(resource);
    if (date === undefined || isUnknown(date) || Number.isNaN(Date.parse(date))) return 'unknown';
    return truth(daysSince(date, now) > test.moreThanDays);
  };
}

function conjunction(children: readonly CompiledFilter[]): CompiledFilter {
  return (subject) => {
    let result: Truth = 'true';
    for (const child of children) {
      const value = child(subject);
      if (value === 'false') return 'false';
      if (value === 'unknown') result = 'unknown';
    }
    return result;
  };
}

function disjunction(children: readonly CompiledFilter[]): CompiledFilter {
  return (subject) => {
    let result: Truth = 'false';
    for (const child of children) {
      const value = child(subject);
      if (value === 'true') return 'true';
      if (value === 'unknown') result = 'unknown';
    }
    return result;
  };
}

function negate(value: Truth): Truth {
  return value === 'true' ? 'false' : value === 'false' ? 'true' : 'unknown';
}

function truth(value: boolean): Truth {
  return value ? 'true' : 'false';
}

/** The insights a bot's filters name, anywhere in the tree: what its candidates are evaluated with. */
export function insightsNamed(filters: readonly BotFilter[]): string[] {
  const named = new Set<string>();
  const walk = (filter: BotFilter): void => {
    if (filter.insight !== undefined) named.add(filter.insight);
    for (const child of [...(filter.all ?? []), ...(filter.any ?? []), ...(filter.not === undefined ? [] : [filter.not])]) walk(child);
  };
  filters.forEach(walk);
  return [...named].sort();
}
