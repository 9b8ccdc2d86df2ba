/**
 * A quick, conservative look at who a resource policy's Allow statements name, without the full
 * analysis. Most policies of a large scan grant only to named principals of known accounts; for
 * them the answer "not public, nobody outside these accounts" is certain and costs a fraction of
 * the full analysis. Anything unusual (NotPrincipal, wildcards, federated or canonical users, a
 * shape that is not plainly valid) answers `complex`, and callers run the full analysis.
 */
export type PrincipalScan =
  | {
      readonly kind: 'simple';
      /** Accounts named by Allow statements (through ids, root or IAM ARNs). */
      readonly accounts: ReadonlySet<string>;
      /** AWS service principals named by Allow statements (their conditions may reach other accounts). */
      readonly services: ReadonlySet<string>;
    }
  | { readonly kind: 'complex' };

const COMPLEX: PrincipalScan = { kind: 'complex' };
const ACCOUNT_ID = /^[0-9]{12}$/;
const IAM_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):(?:root|user\/|role\/|assumed-role\/|federated-user\/)/;
const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrStrings(value: unknown): value is string | string[] {
  if (typeof value === 'string') return true;
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const v of value) if (typeof v !== 'string') return false;
  return true;
}

function list(value: string | string[]): string[] {
  return typeof value === 'string' ? [value] : value;
}

/** Whether every operator of a Condition holds an object of keys. */
function isConditionBlock(condition: unknown): boolean {
  if (!isPlainObject(condition)) return false;
  for (const operator in condition) if (!isPlainObject(condition[operator])) return false;
  return true;
}

export function scanAllowPrincipals(document: unknown): PrincipalScan {
  if (!isPlainObject(document)) return COMPLEX;
  return scan(document);
}

function scan(document: Record<string, unknown>): PrincipalScan {
  const raw = document['Statement'];
  const statements = Array.isArray(raw) ? raw : [raw];
  if (statements.length === 0) return COMPLEX;
  const accounts = new Set<string>();
  const services = new Set<string>();
  for (const statement of statements) {
    if (!isPlainObject(statement)) return COMPLEX;
    const effect = statement['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny') return COMPLEX;
    if (!isStringOrStrings(statement['Action'] ?? statement['NotAction'])) return COMPLEX;
    const condition = statement['Condition'];
    if (condition !== undefined && !isConditionBlock(condition)) return COMPLEX;
    if (effect === 'Deny') continue; // a Deny only takes access away
    if ('NotPrincipal' in statement || !('Principal' in statement)) return COMPLEX;
    const principal = statement['Principal'];
    if (!isPlainObject(principal)) return COMPLEX; // "*" or a malformed principal
    for (const type in principal) {
      const value = principal[type];
      if (!isStringOrStrings(value)) return COMPLEX;
      if (type === 'Service') {
        for (const service of list(value)) {
          if (!SERVICE.test(service)) return COMPLEX;
          services.add(service);
        }
      } else if (type === 'AWS') {
        for (const entry of list(value)) {
          const account = ACCOUNT_ID.test(entry) ? entry : IAM_ARN.exec(entry)?.[1];
          if (account === undefined) return COMPLEX;
          accounts.add(account);
        }
      } else return COMPLEX;
    }
  }
  return { kind: 'simple', accounts, services };
}
