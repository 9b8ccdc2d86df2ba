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
  if (!isRecord(document)) return undefined;
  const raw = document['Statement'];
  const statements: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  for (let index = 0; index < statements.length; index++) {
    const s = statements[index];
    if (!isRecord(s)) continue;
    if (s['Effect'] !== 'Deny' || 'NotPrincipal' in s || 'NotAction' in s || 'NotResource' in s) continue;
    if (!isEveryone(s['Principal'])) continue;
    if (!namesEach(s['Action'], scope.actions)) continue;
    if (!namesEach(s['Resource'], scope.resources)) continue;
    if (!isOnlyInsecureTransportCondition(s['Condition'])) continue;
    const sid = typeof s['Sid'] === 'string' ? s['Sid'] : undefined;
    return statementLabel(index, sid);
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the element (a string or strings) names each wanted value, or `*`. */
function namesEach(element: unknown, wanted: readonly string[]): boolean {
  if (typeof element === 'string') return element === '*' || wanted.every((w) => w === element);
  if (!Array.isArray(element) || !element.every((v) => typeof v === 'string')) return wanted.length === 0;
  const named = element as readonly string[];
  return wanted.every((w) => named.some((v) => v === '*' || v === w));
}

/** The one key of an object, or undefined when it has none or several. */
function soleKey(object: Record<string, unknown>): string | undefined {
  let sole: string | undefined;
  for (const key in object) {
    if (sole !== undefined) return undefined;
    sole = key;
  }
  return sole;
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal) || soleKey(principal) !== 'AWS') return false;
  const aws = principal['AWS'];
  return aws === '*' || (Array.isArray(aws) && aws.every((v) => typeof v === 'string') && aws.includes('*'));
}

function isOnlyInsecureTransportCondition(condition: unknown): boolean {
  if (!isRecord(condition) || soleKey(condition) !== 'Bool') return false;
  const clause = condition['Bool'];
  if (!isRecord(clause)) return false;
  const key = soleKey(clause);
  if (key === undefined || key.toLowerCase() !== 'aws:securetransport') return false;
  const value = clause[key];
  const values: readonly unknown[] = Array.isArray(value) ? value : [value];
  return values.length > 0 && values.every((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false'));
}
