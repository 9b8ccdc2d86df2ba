/**
 * Resource-policy analysis (bucket policies, key policies; queue, topic, function and repository
 * policies read the same way): is the policy public, which actions are public, which other
 * accounts, organizations or networks get which actions, and for each statement whether it is
 * public and why.
 *
 * Every Allow becomes one grant per principal, limited by the clauses of its condition that pin a
 * restricting key (see conditions.ts). Deny statements then take away what they surely deny: a
 * Deny applies to a grant when its principal, actions and resources cover it; without a condition
 * (or with the Allow's own condition) it removes the covered actions; with a condition it leaves
 * only the callers that escape it, which limits the grant when every way to escape pins a
 * restricting key (`StringNotEquals aws:SourceVpce` → only that endpoint), and changes nothing when
 * some caller escapes freely (`Bool aws:SecureTransport false` → anyone using TLS). A partly covered
 * grant stays whole, so uncertainty always leans toward "public".
 */
import { cidrContains } from '../network.js';
import {
  accessLevelsOfSet,
  actionSet,
  describeActions,
  isEmptyActionSet,
  subtractActions,
  ACCESS_LEVELS,
  type AccessLevel,
  type ActionSet,
} from './actions.js';
import { awsServiceAccount } from './aws-service-accounts.js';
import { assessAllowClause, assessDenyClauseEscape, describeClause, sameClause, type Restriction } from './conditions.js';
import { parsePolicy, type ConditionClause, type PatternElement, type PolicyStatement } from './parse-policy.js';
import { classifyPrincipal, principalCovers, type Principal } from './principals.js';
import { patternCovers } from './wildcards.js';

export interface PolicyAnalysisOptions {
  /** The account that owns the resource: its principals are trusted. */
  readonly ownerAccountId: string;
  readonly trustedAccountIds?: readonly string[];
  readonly trustedOrgIds?: readonly string[];
  /** Networks whose callers are trusted; without it, grants limited to networks are not attributed. */
  readonly trustedCidrs?: readonly string[];
}

export type ExternalParty =
  | { readonly kind: 'account'; readonly accountId: string; /** Set when AWS runs the account for a service. */ readonly awsService?: string }
  | { readonly kind: 'organization'; readonly orgId: string }
  | { readonly kind: 'network'; readonly cidr: string }
  | { readonly kind: 'canonical-user'; readonly id: string };

/** Who a surviving grant reaches. */
export type Audience =
  | { readonly kind: 'public' }
  /** Only the owner account, trusted accounts, the trusted organization or trusted networks. */
  | { readonly kind: 'trusted' }
  | { readonly kind: 'external'; readonly parties: readonly ExternalParty[] }
  /** An AWS service principal (or a CloudFront origin access identity), not scoped to other accounts. */
  | { readonly kind: 'service'; readonly service: string }
  /** Limited to fixed VPCs, identities or networks whose owner cannot be told. */
  | { readonly kind: 'restricted'; readonly by: readonly string[] };

/** A grant that survives the policy's Deny statements. */
export interface EffectiveGrant {
  readonly statement: string;
  readonly statementIndex: number;
  readonly principal: Principal;
  readonly actions: ActionSet;
  /** An AND of ORs: the request must meet one restriction of every entry. */
  readonly constraints: readonly (readonly Restriction[])[];
  /** Deny statements that limited it. */
  readonly narrowedBy: readonly string[];
  readonly audience: Audience;
}

export interface StatementFinding {
  readonly index: number;
  readonly label: string;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly public: boolean;
  /** A sentence for the report. */
  readonly reason: string;
  readonly principals: readonly string[];
  readonly actions: readonly string[];
  /** What stays public after the Deny statements (empty unless `public`). */
  readonly publicActions: readonly string[];
  /** Clauses that limit who can call. */
  readonly restrictions: readonly string[];
  /** Why the other clauses limit nobody. */
  readonly ignoredConditions: readonly string[];
  readonly unknownConditionKeys: readonly string[];
  /** Deny statements that removed or limited the public part of this statement. */
  readonly neutralisedBy: readonly string[];
}

export interface ExternalAccess {
  readonly party: ExternalParty;
  /** `account 222233334444`, `organization o-a1b2c3d4e5` ... */
  readonly description: string;
  readonly actions: readonly string[];
  readonly accessLevels: readonly AccessLevel[];
  readonly statements: readonly string[];
}

export interface PolicyAnalysis {
  readonly public: boolean;
  /** Labels of the statements that make the policy public. */
  readonly publicStatements: readonly string[];
  readonly publicActions: readonly string[];
  readonly publicAccessLevels: readonly AccessLevel[];
  /** Accounts, organizations and networks outside the trusted ones, with what they get. */
  readonly externalAccess: readonly ExternalAccess[];
  readonly statements: readonly StatementFinding[];
  readonly grants: readonly EffectiveGrant[];
  /** Condition keys on Allow statements that Vigil does not know; treated as limiting nobody. */
  readonly unknownConditionKeys: readonly string[];
}

export type AnalyzePolicyResult =
  { readonly ok: true; readonly analysis: PolicyAnalysis } | { readonly ok: false; readonly error: string; readonly statement?: string };

interface WorkingGrant {
  readonly statement: PolicyStatement;
  readonly principal: Principal;
  readonly actions: ActionSet;
  readonly constraints: readonly (readonly Restriction[])[];
  readonly narrowedBy: readonly string[];
}

const RESOURCES = { ignoreCase: false } as const;

export function analyzeResourcePolicy(document: unknown, options: PolicyAnalysisOptions): AnalyzePolicyResult {
  const parsed = parsePolicy(document, { requirePrincipal: true });
  if (!parsed.ok) return parsed;
  const statements = parsed.policy.statements;
  const trust = new Trust(options);

  // Allow statements: one grant per principal, with the clauses that limit callers.
  let grants: WorkingGrant[] = [];
  const assessments = new Map<number, ReturnType<typeof assessAllowClause>[]>();
  for (const statement of statements) {
    if (statement.effect !== 'Allow' || statement.principal === null) continue;
    const assessed = statement.conditions.map(assessAllowClause);
    assessments.set(statement.index, assessed);
    const constraints: (readonly Restriction[])[] = [];
    for (const a of assessed) if (a.restricts) constraints.push([a.restriction]);
    const principals = statement.principal.negated
      ? [{ kind: 'everyone' as const, text: `everyone except NotPrincipal ${statement.principal.entries.map((e) => e.value).join(', ')}` }]
      : statement.principal.entries.map(classifyPrincipal);
    for (const principal of principals) {
      if (principal.kind === 'deleted') continue;
      grants.push({ statement, principal, actions: actionSet(statement.action), constraints, narrowedBy: [] });
    }
  }

  // Deny statements take away what they surely deny.
  const neutralised = new Map<number, Set<string>>();
  for (const deny of statements) {
    if (deny.effect !== 'Deny' || deny.principal === null) continue;
    const next: WorkingGrant[] = [];
    for (const grant of grants) {
      const applied = applyDeny(deny, grant);
      next.push(...applied);
      const changed = applied.length !== 1 || applied[0] !== grant;
      if (changed && grant.principal.kind === 'everyone' && grant.constraints.length === 0) {
        const set = neutralised.get(grant.statement.index) ?? new Set<string>();
        set.add(deny.label);
        neutralised.set(grant.statement.index, set);
      }
    }
    grants = next;
  }

  const effective: EffectiveGrant[] = grants.map((g) => ({
    statement: g.statement.label,
    statementIndex: g.statement.index,
    principal: g.principal,
    actions: g.actions,
    constraints: g.constraints,
    narrowedBy: g.narrowedBy,
    audience: trust.audience(g),
  }));

  const publicGrants = effective.filter((g) => g.audience.kind === 'public');
  const publicActions = unique(publicGrants.flatMap((g) => describeActions(g.actions)));
  const levels = new Set(publicGrants.flatMap((g) => accessLevelsOfSet(g.actions)));
  // The per-statement sentences and the external-access summary are written only when someone
  // reads them (evidence of a failing resource): most policies of a large scan are never described.
  const findings = lazy(() => statements.map((s) => statementFinding(s, assessments.get(s.index) ?? [], effective, neutralised.get(s.index))));
  const external = lazy(() => externalAccess(effective));
  return {
    ok: true,
    analysis: {
      public: publicGrants.length > 0,
      get publicStatements() {
        return findings()
          .filter((f) => f.public)
          .map((f) => f.label);
      },
      publicActions,
      publicAccessLevels: ACCESS_LEVELS.filter((l) => levels.has(l)),
      get externalAccess() {
        return external();
      },
      get statements() {
        return findings();
      },
      grants: effective,
      get unknownConditionKeys() {
        return unique(findings().flatMap((f) => f.unknownConditionKeys));
      },
    },
  };
}

function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/** The grant after one Deny: unchanged, reduced, split into a remaining and a limited part, or gone. */
function applyDeny(deny: PolicyStatement, grant: WorkingGrant): WorkingGrant[] {
  if (deny.principal === null || !resourcesCovered(deny.resource, grant.statement.resource)) return [grant];

  // Principals the Deny spares (NotPrincipal) that fall within the grant.
  let spared: Principal[] = [];
  const entries = deny.principal.entries.map(classifyPrincipal);
  if (deny.principal.negated) {
    if (entries.some((e) => principalCovers(e, grant.principal))) return [grant];
    spared = entries.filter((e) => principalCovers(grant.principal, e));
  } else if (!entries.some((e) => principalCovers(e, grant.principal))) {
    return [grant];
  }

  const split = subtractActions(grant.actions, actionSet(deny.action));
  if (isEmptyActionSet(split.removed)) return [grant];

  // The ways a request escapes the Deny; any unlimited way leaves the grant as it is.
  const escapes: Restriction[] = [];
  if (spared.length > 0) {
    escapes.push({ kind: 'principals', principals: spared, via: `NotPrincipal ${spared.map((p) => p.text).join(', ')} of ${deny.label}` });
  }
  for (const clause of deny.conditions) {
    // A clause the Allow also requires cannot be escaped by a request the Allow lets through.
    if (grant.statement.conditions.some((c: ConditionClause) => sameClause(c, clause))) continue;
    const escape = assessDenyClauseEscape(clause);
    if (!escape.restricts) return [grant];
    escapes.push(escape.restriction);
  }

  const result: WorkingGrant[] = [];
  if (!isEmptyActionSet(split.remaining))
    result.push({
      statement: grant.statement,
      principal: grant.principal,
      actions: split.remaining,
      constraints: grant.constraints,
      narrowedBy: grant.narrowedBy,
    });
  if (escapes.length > 0) {
    result.push({
      statement: grant.statement,
      principal: grant.principal,
      actions: split.removed,
      constraints: [...grant.constraints, escapes],
      narrowedBy: [...grant.narrowedBy, deny.label],
    });
  }
  return result;
}

/** Whether the Deny's resources include every resource of the grant (a missing element means all). */
function resourcesCovered(denied: PatternElement | null, granted: PatternElement | null): boolean {
  if (denied === null) return true;
  if (denied.negated) return false;
  if (denied.patterns.includes('*')) return true;
  if (granted === null || granted.negated) return false;
  return granted.patterns.every((g) => denied.patterns.some((d) => patternCovers(d, g, RESOURCES)));
}

class Trust {
  private readonly accounts: ReadonlySet<string>;
  private readonly orgs: ReadonlySet<string>;
  private readonly cidrs: readonly string[] | undefined;

  constructor(options: PolicyAnalysisOptions) {
    this.accounts = new Set([options.ownerAccountId, ...(options.trustedAccountIds ?? [])]);
    this.orgs = new Set(options.trustedOrgIds ?? []);
    this.cidrs = options.trustedCidrs;
  }

  audience(grant: WorkingGrant): Audience {
    const { principal, constraints } = grant;
    if (constraints.some((c) => c.every((r) => this.trusted(r)))) {
      return principal.kind === 'service' ? { kind: 'service', service: principal.service } : { kind: 'trusted' };
    }
    switch (principal.kind) {
      case 'account':
        return this.accounts.has(principal.accountId) ? { kind: 'trusted' } : { kind: 'external', parties: [accountParty(principal.accountId)] };
      case 'canonical-user':
        return { kind: 'external', parties: [{ kind: 'canonical-user', id: principal.id }] };
      case 'cloudfront-oai':
        return { kind: 'service', service: `CloudFront origin access identity ${principal.id}` };
      case 'service': {
        const parties = this.parties(constraints);
        return parties.length > 0 ? { kind: 'external', parties } : { kind: 'service', service: principal.service };
      }
      case 'deleted':
        return { kind: 'restricted', by: [`the deleted principal ${principal.id}`] };
      case 'everyone': {
        if (constraints.length === 0) return { kind: 'public' };
        const parties = this.parties(constraints);
        if (parties.length > 0) return { kind: 'external', parties };
        return { kind: 'restricted', by: constraints.flatMap((c) => c.map((r) => r.via)) };
      }
    }
  }

  /** The untrusted parties of the most telling constraint: accounts first, then organizations, then networks. */
  private parties(constraints: readonly (readonly Restriction[])[]): ExternalParty[] {
    const rank = (c: readonly Restriction[]) =>
      c.every((r) => r.kind === 'accounts' || r.kind === 'principals') ? 0 : c.every((r) => r.kind === 'organizations') ? 1 : 2;
    const chosen = [...constraints].sort((a, b) => rank(a) - rank(b))[0] ?? [];
    return chosen.flatMap((r) => this.untrustedParties(r));
  }

  private untrustedParties(r: Restriction): ExternalParty[] {
    switch (r.kind) {
      case 'accounts':
        return r.accountIds.filter((a) => !this.accounts.has(a)).map(accountParty);
      case 'organizations':
        return r.orgIds.filter((o) => !this.orgs.has(o)).map((orgId) => ({ kind: 'organization', orgId }));
      case 'networks':
        return this.cidrs === undefined ? [] : r.cidrs.filter((c) => !this.trustedCidr(c)).map((cidr) => ({ kind: 'network', cidr }));
      case 'principals':
        return r.principals.flatMap((p): ExternalParty[] =>
          p.kind === 'account' && !this.accounts.has(p.accountId)
            ? [accountParty(p.accountId)]
            : p.kind === 'canonical-user'
              ? [{ kind: 'canonical-user', id: p.id }]
              : [],
        );
      case 'vpcs':
      case 'identities':
        return [];
    }
  }

  private trusted(r: Restriction): boolean {
    switch (r.kind) {
      case 'accounts':
        return r.accountIds.every((a) => this.accounts.has(a));
      case 'organizations':
        return r.orgIds.every((o) => this.orgs.has(o));
      case 'networks':
        return this.cidrs !== undefined && r.cidrs.every((c) => this.trustedCidr(c));
      case 'principals':
        return r.principals.every((p) => (p.kind === 'account' && this.accounts.has(p.accountId)) || p.kind === 'service');
      case 'vpcs':
      case 'identities':
        return false;
    }
  }

  private trustedCidr(cidr: string): boolean {
    return (this.cidrs ?? []).some((t) => cidrContains(t, cidr) === true);
  }
}

function accountParty(accountId: string): ExternalParty {
  const awsService = awsServiceAccount(accountId);
  return awsService === undefined ? { kind: 'account', accountId } : { kind: 'account', accountId, awsService };
}

export function describeParty(party: ExternalParty): string {
  switch (party.kind) {
    case 'account':
      return party.awsService === undefined ? `account ${party.accountId}` : `account ${party.accountId} (${party.awsService})`;
    case 'organization':
      return `organization ${party.orgId}`;
    case 'network':
      return `network ${party.cidr}`;
    case 'canonical-user':
      return `canonical user ${party.id}`;
  }
}

function externalAccess(grants: readonly EffectiveGrant[]): ExternalAccess[] {
  const byParty = new Map<string, { party: ExternalParty; sets: ActionSet[]; statements: Set<string> }>();
  for (const grant of grants) {
    if (grant.audience.kind !== 'external') continue;
    for (const party of grant.audience.parties) {
      const key = describeParty(party);
      const entry = byParty.get(key) ?? { party, sets: [], statements: new Set<string>() };
      entry.sets.push(grant.actions);
      entry.statements.add(grant.statement);
      byParty.set(key, entry);
    }
  }
  return [...byParty.entries()].map(([description, entry]) => {
    const levels = new Set(entry.sets.flatMap(accessLevelsOfSet));
    return {
      party: entry.party,
      description,
      actions: unique(entry.sets.flatMap(describeActions)),
      accessLevels: ACCESS_LEVELS.filter((l) => levels.has(l)),
      statements: [...entry.statements],
    };
  });
}

function statementFinding(
  statement: PolicyStatement,
  assessed: readonly ReturnType<typeof assessAllowClause>[],
  grants: readonly EffectiveGrant[],
  neutralisedBy: ReadonlySet<string> | undefined,
): StatementFinding {
  const principals = statement.principal === null ? [] : principalTexts(statement);
  const actions = describeActions(actionSet(statement.action));
  const base = {
    index: statement.index,
    label: statement.label,
    sid: statement.sid,
    effect: statement.effect,
    principals,
    actions,
  };
  if (statement.effect === 'Deny') {
    const when = statement.conditions.length === 0 ? '' : ` when ${statement.conditions.map(describeClause).join(' and ')}`;
    return {
      ...base,
      public: false,
      reason: `${statement.label} denies ${actions.join(', ')} to ${principals.join(', ')}${when}`,
      publicActions: [],
      restrictions: [],
      ignoredConditions: [],
      unknownConditionKeys: [],
      neutralisedBy: [],
    };
  }

  const restrictions = assessed.flatMap((a) => (a.restricts ? [a.restriction.via] : []));
  const ignoredConditions = assessed.flatMap((a) => (a.restricts ? [] : [a.why]));
  const unknownConditionKeys = unique(statement.conditions.filter((_, i) => assessed[i]?.restricts === false && assessed[i]?.unknownKey).map((c) => c.key));
  const own = grants.filter((g) => g.statementIndex === statement.index);
  const publicOwn = own.filter((g) => g.audience.kind === 'public');
  const publicActions = unique(publicOwn.flatMap((g) => describeActions(g.actions)));
  const denies = [...(neutralisedBy ?? [])];
  const toEveryone =
    statement.principal !== null && (statement.principal.negated || statement.principal.entries.some((e) => classifyPrincipal(e).kind === 'everyone'));
  const what = `${statement.label} grants ${actions.join(', ')} to ${principals.join(', ')}`;

  let reason: string;
  if (publicOwn.length > 0) {
    const why =
      ignoredConditions.length === 0 ? 'with no condition that limits who can call' : `and its conditions limit nobody (${ignoredConditions.join('; ')})`;
    const partly = denies.length > 0 ? `; ${denies.join(', ')} deny only part of it` : '';
    reason = `${what} ${why}${partly}`;
  } else if (toEveryone && restrictions.length > 0) {
    reason = `${what}, limited by ${restrictions.join(' and ')}`;
  } else if (toEveryone && denies.length > 0) {
    const verb = denies.length === 1 ? 'denies' : 'deny';
    const escapes = unique(own.flatMap((g) => g.constraints.flatMap((c) => c.map((r) => r.via))));
    reason =
      escapes.length === 0
        ? `${what}, but ${denies.join(', ')} ${verb} it to everyone`
        : `${what}, but ${denies.join(', ')} ${verb} it to every caller except through ${escapes.join(' or ')}`;
  } else if (own.length === 0 && principals.length > 0) {
    reason = `${what}, but it reaches nobody (deleted principals or actions all denied)`;
  } else {
    reason = `${what}, which is not public`;
  }
  return {
    ...base,
    public: publicOwn.length > 0,
    reason,
    publicActions,
    restrictions,
    ignoredConditions,
    unknownConditionKeys,
    neutralisedBy: denies,
  };
}

function principalTexts(statement: PolicyStatement): string[] {
  if (statement.principal === null) return [];
  const texts = statement.principal.entries.map((e) => classifyPrincipal(e).text);
  return statement.principal.negated ? [`everyone except NotPrincipal ${texts.join(', ')}`] : texts;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
