/**
 * Which condition clauses limit who can use a grant. Following S3's "The meaning of public" and
 * IAM Access Analyzer, a grant to everyone is not public when a clause pins one of a few keys
 * (source IP, VPC, VPC endpoint, source ARN/account/owner, caller account, principal ARN/account/
 * organization, user id, access point) to fixed values: no wildcard, no policy variable, an
 * operator that requires the value (not its negation, not `...IfExists`, not `ForAllValues:`, which
 * are true when the request lacks the key) and, for aws:SourceIp, no range broader than /8 (IPv4)
 * or /32 (IPv6). Two readings go beyond S3's letter, both sound: an ARN pattern whose account field
 * is a fixed account id limits access to that account (S3 itself reads s3:DataAccessPointArn this
 * way), and an organization path that starts with a fixed organization id limits access to it.
 * Every other key (aws:SecureTransport, s3:prefix, kms:ViaService ...) limits nobody; a key Vigil
 * does not know is treated the same and reported.
 *
 * For a Deny the question is reversed: what does a request need to escape the Deny? A clause
 * `StringNotEquals aws:SourceVpce vpce-1` on a Deny is escaped only by requests through vpce-1,
 * which limits them as much as the positive clause would on an Allow.
 */
import { cidrOf } from '../network.js';
import type { ConditionClause } from './parse-policy.js';
import type { Principal } from './principals.js';

/** What a request must be to get through: each variant limits access to identifiable callers. */
export type Restriction =
  | { readonly kind: 'accounts'; readonly accountIds: readonly string[]; readonly via: string }
  | { readonly kind: 'organizations'; readonly orgIds: readonly string[]; readonly via: string }
  | { readonly kind: 'networks'; readonly cidrs: readonly string[]; readonly via: string }
  | { readonly kind: 'vpcs'; readonly ids: readonly string[]; readonly via: string }
  /** Fixed identities whose account cannot be told (aws:userid, an S3 bucket ARN, a KMS key). */
  | { readonly kind: 'identities'; readonly values: readonly string[]; readonly via: string }
  /** The principals a Deny with NotPrincipal spares. */
  | { readonly kind: 'principals'; readonly principals: readonly Principal[]; readonly via: string };

export type ClauseAssessment =
  { readonly restricts: true; readonly restriction: Restriction } | { readonly restricts: false; readonly why: string; readonly unknownKey: boolean };

type KeyKind = 'accounts' | 'organizations' | 'org-paths' | 'networks' | 'vpcs' | 'arns' | 'identities';

const RESTRICTING_KEYS: Readonly<Record<string, KeyKind>> = {
  'aws:sourceip': 'networks',
  'aws:sourcevpc': 'vpcs',
  'aws:sourcevpce': 'vpcs',
  'aws:sourcearn': 'arns',
  'aws:principalarn': 'arns',
  's3:dataaccesspointarn': 'arns',
  'aws:sourceaccount': 'accounts',
  'aws:sourceowner': 'accounts',
  'aws:principalaccount': 'accounts',
  'kms:calleraccount': 'accounts',
  's3:dataaccesspointaccount': 'accounts',
  'aws:principalorgid': 'organizations',
  'aws:sourceorgid': 'organizations',
  'aws:principalorgpaths': 'org-paths',
  'aws:sourceorgpaths': 'org-paths',
  'aws:userid': 'identities',
  's3:x-amz-server-side-encryption-aws-kms-key-id': 'identities',
};

/** Keys known to say nothing about who the caller is. */
const NEUTRAL_KEYS = new Set([
  'aws:securetransport',
  'aws:currenttime',
  'aws:epochtime',
  'aws:requestedregion',
  'aws:multifactorauthpresent',
  'aws:multifactorauthage',
  'aws:referer',
  'aws:useragent',
  'aws:principaltype',
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:viaawsservice',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:tokenissuetime',
  'aws:sourceidentity',
  'aws:tagkeys',
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:resourceorgpaths',
  's3:prefix',
  's3:delimiter',
  's3:max-keys',
  's3:x-amz-acl',
  's3:x-amz-content-sha256',
  's3:x-amz-server-side-encryption',
  's3:x-amz-storage-class',
  's3:x-amz-copy-source',
  's3:x-amz-metadata-directive',
  's3:signatureversion',
  's3:signatureage',
  's3:authtype',
  's3:tlsversion',
  's3:versionid',
  's3:locationconstraint',
  's3:resourceaccount',
  's3:accesspointnetworkorigin',
  's3:requestobjecttagkeys',
  'kms:viaservice',
  'kms:encryptioncontextkeys',
  'kms:grantisforawsresource',
  'kms:grantoperations',
  'kms:granteeprincipal',
  'kms:retiringprincipal',
  'kms:requestalias',
  'kms:resourcealiases',
  'kms:encryptionalgorithm',
  'kms:signingalgorithm',
  'kms:grantconstrainttype',
  'kms:keyspec',
  'kms:keyusage',
  'kms:keyorigin',
  'kms:messagetype',
  'kms:bypasspolicylockoutsafetycheck',
]);

const NEUTRAL_KEY_PREFIXES = [
  'aws:requesttag/',
  'aws:resourcetag/',
  'aws:principaltag/',
  's3:existingobjecttag/',
  's3:requestobjecttag/',
  's3:object-lock-',
  's3:x-amz-grant-',
  'kms:encryptioncontext:',
  'kms:recipientattestation:',
];

const POSITIVE_STRING = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike']);
const POSITIVE_ARN = new Set(['ArnEquals', 'ArnLike', ...POSITIVE_STRING]);
const NEGATED_TO_POSITIVE: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NotIpAddress: 'IpAddress',
};

/** Whether the clause, on an Allow, limits the grant to identifiable callers. */
export function assessAllowClause(clause: ConditionClause): ClauseAssessment {
  const kind = keyKind(clause.keyLower);
  if (kind === 'neutral') return notRestricting(`${clause.key} does not limit who can call`);
  if (kind === 'unknown') {
    return { restricts: false, why: `${clause.key} is not a condition key Vigil knows to limit who can call`, unknownKey: true };
  }
  if (clause.setOperator === 'ForAllValues') {
    return notRestricting(`${clause.operator} on ${clause.key} is also true for requests that carry no ${clause.key}`);
  }
  if (clause.ifExists) return notRestricting(`${clause.operator} on ${clause.key} lets requests that carry no ${clause.key} through`);
  if (NEGATED_TO_POSITIVE[clause.baseOperator] !== undefined) {
    return notRestricting(`${clause.operator} on ${clause.key} allows every value except the listed ones`);
  }
  return assessValues(clause, clause.baseOperator, kind);
}

/**
 * Whether escaping the Deny clause limits the caller: true for a negated operator (StringNotEquals,
 * ArnNotLike, NotIpAddress ...) on a restricting key with fixed values, with or without IfExists
 * (a negated operator is true when the key is missing, so the Deny catches those requests too).
 */
export function assessDenyClauseEscape(clause: ConditionClause): ClauseAssessment {
  const kind = keyKind(clause.keyLower);
  if (kind === 'neutral' || kind === 'unknown') return notRestricting(`escaping the Deny on ${clause.key} does not limit who can call`);
  if (clause.setOperator !== undefined) return notRestricting(`${clause.operator} on ${clause.key} can be escaped by any caller`);
  const positive = NEGATED_TO_POSITIVE[clause.baseOperator];
  if (positive === undefined) return notRestricting(`a Deny with ${clause.operator} on ${clause.key} is escaped by any caller whose ${clause.key} differs`);
  return assessValues(clause, positive, kind);
}

/** Whether two clauses are the same test (so a Deny repeating an Allow's condition denies all it allows). */
export function sameClause(a: ConditionClause, b: ConditionClause): boolean {
  const values = (c: ConditionClause) => [...c.values].sort().join('\u0000');
  return (
    a.keyLower === b.keyLower &&
    a.baseOperator.toLowerCase() === b.baseOperator.toLowerCase() &&
    a.setOperator === b.setOperator &&
    a.ifExists === b.ifExists &&
    values(a) === values(b)
  );
}

/** How the clause reads in a report: `StringEquals aws:SourceVpce = vpce-1a2b`. */
export function describeClause(clause: ConditionClause): string {
  return `${clause.operator} ${clause.key} = ${clause.values.join(', ')}`;
}

function keyKind(keyLower: string): KeyKind | 'neutral' | 'unknown' {
  const kind = RESTRICTING_KEYS[keyLower];
  if (kind !== undefined) return kind;
  if (NEUTRAL_KEYS.has(keyLower) || NEUTRAL_KEY_PREFIXES.some((p) => keyLower.startsWith(p))) return 'neutral';
  return 'unknown';
}

function assessValues(clause: ConditionClause, operator: string, kind: KeyKind): ClauseAssessment {
  const via = describeClause(clause);
  if (clause.values.length === 0) return notRestricting(`${clause.operator} on ${clause.key} lists no value`);
  for (const value of clause.values) {
    if (hasPolicyVariable(value)) return notRestricting(`${clause.key} value "${value}" is a policy variable, not a fixed value`);
  }

  if (kind === 'networks') {
    if (operator !== 'IpAddress') return notRestricting(`${clause.operator} does not pin ${clause.key} to address ranges`);
    for (const value of clause.values) {
      const why = cidrTooBroad(value);
      if (why !== undefined) return notRestricting(why);
    }
    return { restricts: true, restriction: { kind: 'networks', cidrs: clause.values, via } };
  }

  if (kind === 'arns' ? !POSITIVE_ARN.has(operator) : !POSITIVE_STRING.has(operator)) {
    return notRestricting(`${clause.operator} does not pin ${clause.key} to fixed values`);
  }

  if (kind === 'arns') {
    const accounts: string[] = [];
    let allHaveAccount = true;
    for (const value of clause.values) {
      const account = arnAccount(value);
      if (hasWildcard(value) && account === undefined) {
        return notRestricting(`${clause.key} value "${value}" contains a wildcard and no fixed account`);
      }
      if (account === undefined) allHaveAccount = false;
      else accounts.push(account);
    }
    return {
      restricts: true,
      restriction: allHaveAccount ? { kind: 'accounts', accountIds: unique(accounts), via } : { kind: 'identities', values: clause.values, via },
    };
  }

  if (kind === 'org-paths') {
    const orgIds: string[] = [];
    for (const value of clause.values) {
      const org = /^(o-[a-z0-9]{10,32})\//.exec(value)?.[1];
      if (org === undefined) return notRestricting(`${clause.key} value "${value}" does not start with a fixed organization id`);
      orgIds.push(org);
    }
    return { restricts: true, restriction: { kind: 'organizations', orgIds: unique(orgIds), via } };
  }

  for (const value of clause.values) {
    if (hasWildcard(value)) return notRestricting(`${clause.key} value "${value}" contains a wildcard`);
  }
  switch (kind) {
    case 'accounts':
      return { restricts: true, restriction: { kind: 'accounts', accountIds: unique(clause.values), via } };
    case 'organizations':
      return { restricts: true, restriction: { kind: 'organizations', orgIds: unique(clause.values), via } };
    case 'vpcs':
      return { restricts: true, restriction: { kind: 'vpcs', ids: unique(clause.values), via } };
    case 'identities':
      return { restricts: true, restriction: { kind: 'identities', values: clause.values, via } };
  }
}

/** The account id of an ARN (pattern) when its account field is a fixed 12-digit id. */
function arnAccount(value: string): string | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const account = parts[4] ?? '';
  return /^[0-9]{12}$/.test(account) ? account : undefined;
}

/** Why an aws:SourceIp value does not narrow the caller, or undefined when it does. */
function cidrTooBroad(value: string): string | undefined {
  const cidr = cidrOf(value);
  if (cidr === undefined) return `aws:SourceIp value "${value}" is not an IP address or CIDR`;
  if (cidr.prefix === 0) return `aws:SourceIp ${value} is the whole internet`;
  if (cidr.family === 4 && cidr.prefix < 8) return `aws:SourceIp ${value} is broader than /8, which S3 counts as public`;
  if (cidr.family === 6 && cidr.prefix < 32 && !isUniqueLocal(cidr.first, cidr.last)) {
    return `aws:SourceIp ${value} is broader than /32, which S3 counts as public`;
  }
  return undefined;
}

const FC00 = 0xfc00n << 112n;
const FDFF_END = (0xfe00n << 112n) - 1n;

/** Inside fc00::/7, the IPv6 private range S3 exempts from the breadth rule. */
function isUniqueLocal(first: bigint, last: bigint): boolean {
  return first >= FC00 && last <= FDFF_END;
}

/** `${aws:username}` and the like; `${*}`, `${?}` and `${$}` are escaped literal characters. */
function hasPolicyVariable(value: string): boolean {
  return value.replace(/\$\{[*?$]\}/g, '').includes('${');
}

function hasWildcard(value: string): boolean {
  return /[*?]/.test(value.replace(/\$\{[*?$]\}/g, ''));
}

function notRestricting(why: string): ClauseAssessment {
  return { restricts: false, why, unknownKey: false };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
