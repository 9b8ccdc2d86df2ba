/**
 * Reads an IAM policy document (parsed JSON, or its JSON text) into typed statements: every
 * element that may be a string or a list becomes a list, Principal/NotPrincipal become typed
 * principal entries, and each condition becomes one clause per operator and key. A malformed
 * document is a value naming the statement at fault, never an exception, so that an insight can
 * turn it into an `error` verdict.
 */
export type Effect = 'Allow' | 'Deny';

/** The principal types a policy may name, as IAM spells them. */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface PrincipalEntry {
  /** `*` for `"Principal": "*"`. */
  readonly type: PrincipalType | '*';
  readonly value: string;
}

export interface PrincipalElement {
  /** NotPrincipal: everyone except the entries. */
  readonly negated: boolean;
  readonly entries: readonly PrincipalEntry[];
}

export interface PatternElement {
  /** NotAction / NotResource: everything except the patterns. */
  readonly negated: boolean;
  readonly patterns: readonly string[];
}

export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The operator without set qualifier and IfExists, in IAM's spelling when known (`StringLike`). */
  readonly baseOperator: string;
  readonly setOperator: 'ForAnyValue' | 'ForAllValues' | undefined;
  readonly ifExists: boolean;
  /** The key as written (keys are case-insensitive: compare `keyLower`). */
  readonly key: string;
  readonly keyLower: string;
  /** Values as strings (IAM compares booleans and numbers by their text). */
  readonly values: readonly string[];
}

export interface PolicyStatement {
  /** Position in the document, from 0. */
  readonly index: number;
  readonly sid: string | undefined;
  /** How a report names it: `statement 2 (Sid "PublicRead")`. */
  readonly label: string;
  readonly effect: Effect;
  /** null when the statement names no principal (identity policies). */
  readonly principal: PrincipalElement | null;
  readonly action: PatternElement;
  /** null when the statement names no resource (trust policies). */
  readonly resource: PatternElement | null;
  readonly conditions: readonly ConditionClause[];
}

export interface ParsedPolicy {
  readonly version: string | undefined;
  readonly statements: readonly PolicyStatement[];
}

export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: ParsedPolicy }
  | { readonly ok: false; readonly error: string; /** The label of the statement at fault, when one is. */ readonly statement?: string };

export interface ParseOptions {
  /** Resource policies (bucket, key, queue ...) must name a principal in every statement. */
  readonly requirePrincipal: boolean;
}

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

const KNOWN_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

const OPERATOR_BY_LOWER = new Map<string, string>(KNOWN_OPERATORS.map((op) => [op.toLowerCase(), op]));

class Malformed extends Error {}

export function parsePolicy(document: unknown, options: ParseOptions): ParsePolicyResult {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc) as unknown;
    } catch {
      return { ok: false, error: 'the policy is not valid JSON' };
    }
  }
  if (!isRecord(doc)) return { ok: false, error: 'the policy is not a JSON object' };
  const version = doc['Version'];
  if (version !== undefined && typeof version !== 'string') return { ok: false, error: 'Version must be a string' };
  const raw = doc['Statement'];
  if (raw === undefined) return { ok: false, error: 'the policy has no Statement' };
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    const sid = isRecord(item) && typeof item['Sid'] === 'string' ? item['Sid'] : undefined;
    const label = statementLabel(index, sid);
    try {
      statements.push(parseStatement(item, index, sid, label, options));
    } catch (error) {
      if (!(error instanceof Malformed)) throw error;
      return { ok: false, error: `${label}: ${error.message}`, statement: label };
    }
  }
  return { ok: true, policy: { version, statements } };
}

export function statementLabel(index: number, sid: string | undefined): string {
  return sid === undefined || sid === '' ? `statement ${index + 1}` : `statement ${index + 1} (Sid "${sid}")`;
}

function parseStatement(item: unknown, index: number, sid: string | undefined, label: string, options: ParseOptions): PolicyStatement {
  if (!isRecord(item)) throw new Malformed('a statement must be a JSON object');
  if (item['Sid'] !== undefined && typeof item['Sid'] !== 'string') throw new Malformed('Sid must be a string');
  const effect = item['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') throw new Malformed(`Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`);

  const principal = exclusive(item, 'Principal', 'NotPrincipal');
  if (principal === undefined && options.requirePrincipal) throw new Malformed('a resource policy statement must have Principal or NotPrincipal');
  const action = exclusive(item, 'Action', 'NotAction');
  if (action === undefined) throw new Malformed('a statement must have Action or NotAction');
  const resource = exclusive(item, 'Resource', 'NotResource');

  return {
    index,
    sid,
    label,
    effect,
    principal: principal === undefined ? null : { negated: principal.negated, entries: parsePrincipal(principal.value, principal.name) },
    action: { negated: action.negated, patterns: stringList(action.value, action.name) },
    resource: resource === undefined ? null : { negated: resource.negated, patterns: stringList(resource.value, resource.name) },
    conditions: item['Condition'] === undefined ? [] : parseConditions(item['Condition']),
  };
}

/** The element and its Not- twin; both present is malformed. */
function exclusive(item: Record<string, unknown>, name: string, notName: string): { name: string; negated: boolean; value: unknown } | undefined {
  const has = item[name] !== undefined;
  const hasNot = item[notName] !== undefined;
  if (has && hasNot) throw new Malformed(`a statement cannot have both ${name} and ${notName}`);
  if (has) return { name, negated: false, value: item[name] };
  if (hasNot) return { name: notName, negated: true, value: item[notName] };
  return undefined;
}

function stringList(value: unknown, element: string): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new Malformed(`${element} is an empty list`);
  const strings: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string' || entry === '') throw new Malformed(`${element} must be a string or a list of strings`);
    strings.push(entry);
  }
  return strings;
}

function parsePrincipal(value: unknown, element: string): PrincipalEntry[] {
  if (value === '*') return [{ type: '*', value: '*' }];
  if (!isRecord(value)) throw new Malformed(`${element} must be "*" or an object such as {"AWS": ...}`);
  const entries: PrincipalEntry[] = [];
  for (const [type, values] of Object.entries(value)) {
    const known = PRINCIPAL_TYPES.find((t) => t === type);
    if (known === undefined) throw new Malformed(`${element} has an unknown principal type "${type}"`);
    for (const v of stringList(values, `${element}.${type}`)) entries.push({ type: known, value: v });
  }
  if (entries.length === 0) throw new Malformed(`${element} names no principal`);
  return entries;
}

function parseConditions(value: unknown): ConditionClause[] {
  if (!isRecord(value)) throw new Malformed('Condition must be an object of operators');
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const parsed = parseOperator(operator);
    if (!isRecord(block)) throw new Malformed(`Condition.${operator} must be an object of condition keys`);
    for (const [key, raw] of Object.entries(block)) {
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map((v) => {
        if (typeof v === 'string') return v;
        if (typeof v === 'boolean' || typeof v === 'number') return String(v);
        throw new Malformed(`Condition.${operator}.${key} must be a string, number, boolean or a list of them`);
      });
      // Written out, not spread: a spread followed by more properties takes V8's slow path.
      clauses.push({
        operator,
        baseOperator: parsed.baseOperator,
        setOperator: parsed.setOperator,
        ifExists: parsed.ifExists,
        key,
        keyLower: key.toLowerCase(),
        values,
      });
    }
  }
  return clauses;
}

function parseOperator(operator: string): Pick<ConditionClause, 'baseOperator' | 'setOperator' | 'ifExists'> {
  let rest = operator;
  let setOperator: ConditionClause['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'foranyvalue') setOperator = 'ForAnyValue';
    else if (qualifier === 'forallvalues') setOperator = 'ForAllValues';
    else throw new Malformed(`Condition operator "${operator}" has an unknown set qualifier`);
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  if (rest === '') throw new Malformed(`Condition operator "${operator}" is empty`);
  // Unknown operators are kept (as written) so the analysis can name them; they restrict nobody.
  return { baseOperator: OPERATOR_BY_LOWER.get(rest.toLowerCase()) ?? rest, setOperator, ifExists };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
