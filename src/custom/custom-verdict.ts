/**
 * The run-time half of a custom insight: compiled conditions in, a verdict out. It imports no
 * compiler (only types), so evaluating a resource cannot re-read or re-parse the definition.
 */
import type { Verdict, VerdictFactory } from '../engine/verdict.js';
import type { Resource } from '../model/resource.js';
import { unknown } from '../model/unknown.js';
import type { CompiledCondition, ConditionResult, LeafOutcome } from '../conditions/compile-condition.js';
import type { Endpoint } from '../conditions/compile-path.js';
import { formatValue } from '../conditions/definition-issue.js';

export interface CompiledCustomInsight {
  /** Absent: the insight applies to every resource of its type. */
  readonly appliesTo: CompiledCondition | undefined;
  readonly condition: CompiledCondition;
}

const MAX_SENTENCES = 5;
const MAX_OBSERVATIONS = 3;
const MAX_EVIDENCE = 50;

export function customVerdict(insight: CompiledCustomInsight, resource: Resource, ctx: { readonly now: Date; readonly verdict: VerdictFactory }): Verdict {
  const env = { now: ctx.now };
  const { verdict } = ctx;
  if (insight.appliesTo !== undefined) {
    const applies = insight.appliesTo(resource, env);
    if (applies.truth === 'unknown') return undecided(applies, verdict, 'cannot tell whether the insight applies: ');
    if (applies.truth === 'false') return verdict.notApplicable(`does not apply: ${explain(applies)}`);
  }
  const result = insight.condition(resource, env);
  switch (result.truth) {
    case 'true':
      return verdict.pass(explain(result), evidence(result));
    case 'false':
      return verdict.fail(explain(result), evidence(result));
    case 'unknown':
      return undecided(result, verdict, '');
  }
}

/** One sentence per deciding leaf: `config.directInternetAccess eq "Disabled" does not hold (config.directInternetAccess is "Enabled")`. */
function explain(result: ConditionResult): string {
  const sentences = [...new Set(result.because.map(sentence))];
  const shown = sentences.slice(0, MAX_SENTENCES);
  if (sentences.length > shown.length) shown.push(`and ${sentences.length - shown.length} more`);
  return shown.join('; ');
}

function sentence(outcome: LeafOutcome): string {
  return `${outcome.leaf} ${outcome.truth === 'true' ? 'holds' : 'does not hold'} (${observation(outcome)})`;
}

function observation(outcome: LeafOutcome): string {
  if (outcome.observed.length === 0) return `${outcome.path} has no values`;
  const shown = outcome.observed.slice(0, MAX_OBSERVATIONS).map(describeEndpoint);
  if (outcome.observed.length > shown.length) shown.push(`and ${outcome.observed.length - shown.length} more`);
  return shown.join(', ');
}

function describeEndpoint(endpoint: Endpoint): string {
  switch (endpoint.state) {
    case 'present':
      return `${endpoint.at} is ${formatValue(endpoint.value, 60)}`;
    case 'absent':
      return `${endpoint.at} is absent`;
    case 'unknown':
      return `${endpoint.at} ${endpoint.reason}`;
  }
}

/** The actual values at the deciding leaves' paths: `{ "config.directInternetAccess": "Enabled", "tags.owner": null }`. */
function evidence(result: ConditionResult): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const outcome of result.because) {
    if (outcome.observed.length === 0) entries.push([outcome.path, []]);
    for (const endpoint of outcome.observed) {
      entries.push([endpoint.at, endpoint.state === 'present' ? endpoint.value : null]);
    }
  }
  return Object.fromEntries(entries.slice(0, MAX_EVIDENCE));
}

/**
 * Unknown is never a pass: an error naming each value that could not be read (with the
 * collector's reason) or could not be judged.
 */
function undecided(result: ConditionResult, verdict: VerdictFactory, prefix: string): Verdict {
  const problems = new Map<string, { leaf: string; endpoint: Extract<Endpoint, { state: 'unknown' }> }>();
  for (const outcome of result.because) {
    for (const endpoint of outcome.observed) {
      if (endpoint.state !== 'unknown') continue;
      const key = endpoint.unreadable ? `${endpoint.at}\u0000${endpoint.reason}` : `${outcome.leaf}\u0000${endpoint.at}`;
      if (!problems.has(key)) problems.set(key, { leaf: outcome.leaf, endpoint });
    }
  }
  const list = [...problems.values()];
  const first = list[0];
  if (first === undefined) return verdict.error(`${prefix}the condition could not be decided`);
  const firstUnreadable = list.find((problem) => problem.endpoint.unreadable);
  if (list.length === 1 && firstUnreadable !== undefined && prefix === '') {
    return verdict.unreadable(firstUnreadable.endpoint.at, unknown(firstUnreadable.endpoint.reason));
  }
  const sentences = list.map(({ leaf, endpoint }) =>
    endpoint.unreadable ? `${endpoint.at} could not be read (${endpoint.reason})` : `cannot decide ${leaf}: ${endpoint.at} ${endpoint.reason}`,
  );
  const shown = sentences.slice(0, MAX_SENTENCES);
  if (sentences.length > shown.length) shown.push(`and ${sentences.length - shown.length} more`);
  const details = {
    undecided: list.map(({ leaf, endpoint }) => ({ leaf, path: endpoint.at, reason: endpoint.reason, unreadable: endpoint.unreadable })),
  };
  return verdict.error(
    `${prefix}${shown.join('; ')}`,
    firstUnreadable === undefined ? details : { unreadable: firstUnreadable.endpoint.at, cause: firstUnreadable.endpoint.reason, ...details },
  );
}
