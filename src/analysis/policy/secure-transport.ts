/**
 * Whether a resource policy refuses requests made without TLS: a Deny, for every principal, of
 * every action and resource in scope, whose only condition is `Bool aws:SecureTransport false`
 * (or BoolIfExists). Anything weaker does not stop plain HTTP: an Allow that requires TLS leaves
 * other grants (IAM policies) usable over HTTP, and an extra condition on the Deny lets requests
 * that fail it through. S3 bucket policies use it today; SNS topic and SQS queue policies state
 * the same rule.
 */
import { actionSet, actionSetCovers, describeActions } from './actions.js';
import { statementLabel, type ConditionClause, type ParsedPolicy, type PolicyStatement } from './parse-policy.js';
import { classifyPrincipal } from './principals.js';
import { patternCovers } from './wildcards.js';

export interface SecureTransportScope {
  /** Actions the Deny must cover, e.g. `s3:*`. */
  readonly actions: readonly string[];
  /** Resources the Deny must cover, e.g. the bucket ARN and `<bucket ARN>/*`. */
  readonly resources: readonly string[];
}

export type SecureTransportResult =
  | { readonly enforced: true; readonly statement: string }
  /** Why each statement that tests aws:SecureTransport falls short. */
  | { readonly enforced: false; readonly nearMisses: readonly string[] };

export function findSecureTransportDeny(policy: ParsedPolicy, scope: SecureTransportScope): SecureTransportResult {
  const nearMisses: string[] = [];
  for (const statement of policy.statements) {
    if (!statement.conditions.some((c) => c.keyLower === 'aws:securetransport')) continue;
    const miss = shortfall(statement, scope);
    if (miss === undefined) return { enforced: true, statement: statement.label };
    nearMisses.push(`${statement.label} ${miss}`);
  }
  return { enforced: false, nearMisses };
}

/** Why the statement does not deny every insecure request in scope, or undefined when it does. */
function shortfall(statement: PolicyStatement, scope: SecureTransportScope): string | undefined {
  if (statement.effect === 'Allow') return 'is an Allow: requiring TLS there does not stop other grants from using plain HTTP';
  const principal = statement.principal;
  if (principal === null || principal.negated) return 'does not apply to every principal (NotPrincipal spares some)';
  if (!principal.entries.some((e) => classifyPrincipal(e).kind === 'everyone')) {
    return `applies only to ${principal.entries.map((e) => classifyPrincipal(e).text).join(', ')}, not to every principal`;
  }
  const actions = actionSet(statement.action);
  const missingActions = scope.actions.filter((a) => !actionSetCovers(actions, a));
  if (missingActions.length > 0) return `denies only ${describeActions(actions).join(', ')}, which does not cover ${missingActions.join(', ')}`;
  const resource = statement.resource;
  if (resource !== null) {
    if (resource.negated) return 'uses NotResource, so it does not surely cover the resource';
    const missing = scope.resources.filter((r) => !resource.patterns.some((p) => patternCovers(p, r, { ignoreCase: false })));
    if (missing.length > 0) return `applies only to ${resource.patterns.join(', ')}, which does not cover ${missing.join(', ')}`;
  }
  const other = statement.conditions.filter((c) => !isInsecureTransportTest(c));
  if (other.some((c) => c.keyLower === 'aws:securetransport')) return 'does not test aws:SecureTransport with Bool "false"';
  if (other.length > 0) {
    return `also requires ${other.map((c) => `${c.operator} ${c.key}`).join(' and ')}, so requests that fail that escape the Deny`;
  }
  return undefined;
}

function isInsecureTransportTest(clause: ConditionClause): boolean {
  return (
    clause.keyLower === 'aws:securetransport' &&
    clause.baseOperator === 'Bool' &&
    clause.setOperator === undefined &&
    clause.values.length > 0 &&
    clause.values.every((v) => v.toLowerCase() === 'false')
  );
}

/**
 * The common case without parsing the whole policy: a statement written exactly as AWS documents
 * it (Deny, Principal "*", Action s3:* or *, the resources in scope, only `Bool
 * aws:SecureTransport false`). Returns its label, or undefined when no statement has exactly that
 * shape, and the caller runs the full `findSecureTransportDeny`.
 */
export function findCanonicalSecureTransportDeny(document: unknown, scope: SecureTransportScope): string | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const raw = (document as Record<string, unknown>)['Statement'];
  const statements: unknown[] = Array.isArray(raw) ? raw : [raw];
  for (const [index, statement] of statements.entries()) {
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) continue;
    const s = statement as Record<string, unknown>;
    if (s['Effect'] !== 'Deny' || 'NotPrincipal' in s || 'NotAction' in s || 'NotResource' in s) continue;
    if (!isEveryone(s['Principal'])) continue;
    const actions = strings(s['Action']);
    if (!scope.actions.every((action) => actions.some((a) => a === '*' || a === action))) continue;
    const resources = strings(s['Resource']);
    if (!scope.resources.every((resource) => resources.some((r) => r === '*' || r === resource))) continue;
    if (!isOnlyInsecureTransportCondition(s['Condition'])) continue;
    const sid = typeof s['Sid'] === 'string' ? s['Sid'] : undefined;
    return statementLabel(index, sid);
  }
  return undefined;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [];
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return false;
  const entries = Object.entries(principal);
  return entries.length === 1 && entries[0]![0] === 'AWS' && strings(entries[0]![1]).includes('*');
}

function isOnlyInsecureTransportCondition(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  const operators = Object.entries(condition);
  if (operators.length !== 1 || operators[0]![0] !== 'Bool') return false;
  const clause = operators[0]![1];
  if (typeof clause !== 'object' || clause === null || Array.isArray(clause)) return false;
  const keys = Object.entries(clause);
  if (keys.length !== 1 || keys[0]![0].toLowerCase() !== 'aws:securetransport') return false;
  const value = keys[0]![1];
  const values = Array.isArray(value) ? value : [value];
  return values.length > 0 && values.every((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false'));
}
