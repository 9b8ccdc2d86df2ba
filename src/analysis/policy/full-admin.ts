/**
 * Full administrative grants in an identity policy (CIS AWS 2.14's `"*:*"`): Allow statements
 * whose Action covers every action (`*`, `*:*`) on every resource (`*`, or an ARN pattern such as
 * `arn:aws:*` that matches every ARN).
 *
 * A grant under a condition is still a full grant, under that condition: it is reported with its
 * condition, not dropped. A Deny ends a grant only when it surely applies to every request the
 * grant covers — no condition, every resource — and either denies every action (nothing is left)
 * or denies everything but its NotAction list (only those actions are left). A Deny of some
 * actions, of some resources or under a condition leaves "every action but a few", which is no
 * least privilege: the grant stays, with the Deny named in `narrowedBy`.
 *
 * Allow statements that come close without being `"*:*"` — NotAction (every action but some) or
 * NotResource (every resource but some) — are returned apart as `nearAdmin`, for the report.
 */
import { describeClause } from './conditions.js';
import { parsePolicy, type PatternElement, type PolicyStatement } from './parse-policy.js';

export interface FullAdminGrant {
  /** The Allow statement, as a report names it. */
  readonly statement: string;
  /** Its condition clauses (empty: unconditional). */
  readonly conditions: readonly string[];
  /** Deny statements that take part of it away without ending it. */
  readonly narrowedBy: readonly string[];
}

export interface NearAdminGrant {
  readonly statement: string;
  /** What it allows: `* except iam:*` on `*`. */
  readonly allows: string;
}

export interface EndedGrant {
  readonly statement: string;
  readonly endedBy: string;
  /** The actions a NotAction Deny leaves (empty when it denies everything). */
  readonly leaves: readonly string[];
}

export interface FullAdminAnalysis {
  readonly grants: readonly FullAdminGrant[];
  readonly nearAdmin: readonly NearAdminGrant[];
  /** Full grants that a Deny takes away entirely, or down to a few actions. */
  readonly ended: readonly EndedGrant[];
}

export type FullAdminResult = { readonly ok: true; readonly analysis: FullAdminAnalysis } | { readonly ok: false; readonly error: string };

/** `*`, `**`, `*:*`: a pattern every action (`service:Name`) matches. */
export function isEveryActionPattern(pattern: string): boolean {
  return /^\*+(:\*+)?$/.test(pattern);
}

/** `*`, or an ARN pattern whose every part after the partition is a wildcard (`arn:aws:*`, `arn:*:*:*:*:*`). */
export function isEveryResourcePattern(pattern: string): boolean {
  return /^\*+$/.test(pattern) || /^arn:(\*+|aws(-[a-z]+)*)(:\*+)+$/.test(pattern) || /^arn:\*+$/.test(pattern);
}

function coversEveryAction(element: PatternElement): boolean {
  return !element.negated && element.patterns.some(isEveryActionPattern);
}

function coversEveryResource(element: PatternElement | null): boolean {
  return element !== null && !element.negated && element.patterns.some(isEveryResourcePattern);
}

function describeElement(element: PatternElement | null): string {
  if (element === null) return '(none)';
  return element.negated ? `* except ${element.patterns.join(', ')}` : element.patterns.join(', ');
}

type DenyEffect = { readonly kind: 'ends'; readonly leaves: readonly string[] } | { readonly kind: 'narrows' } | { readonly kind: 'none' };

/** What a Deny does to a grant of every action on every resource. */
function denyEffect(deny: PolicyStatement): DenyEffect {
  // NotAction "*": the Deny spares every action, so it denies nothing.
  if (deny.action.negated && deny.action.patterns.some(isEveryActionPattern)) return { kind: 'none' };
  const everyResource = coversEveryResource(deny.resource);
  const unconditional = deny.conditions.length === 0;
  if (everyResource && unconditional) {
    if (coversEveryAction(deny.action)) return { kind: 'ends', leaves: [] };
    if (deny.action.negated) return { kind: 'ends', leaves: deny.action.patterns };
  }
  // Any other Deny takes something away from "everything" (or nothing, when its condition never holds).
  return { kind: 'narrows' };
}

export function findFullAdminGrants(document: unknown): FullAdminResult {
  const parsed = parsePolicy(document, { requirePrincipal: false });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { statements } = parsed.policy;
  const denies = statements.filter((s) => s.effect === 'Deny').map((s) => ({ label: s.label, effect: denyEffect(s) }));
  const grants: FullAdminGrant[] = [];
  const nearAdmin: NearAdminGrant[] = [];
  const ended: EndedGrant[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    const everyAction = coversEveryAction(statement.action);
    const everyResource = coversEveryResource(statement.resource);
    if (!everyAction || !everyResource) {
      const broadActions = everyAction || statement.action.negated;
      const broadResources = everyResource || statement.resource?.negated === true;
      if (broadActions && broadResources) {
        nearAdmin.push({ statement: statement.label, allows: `${describeElement(statement.action)} on ${describeElement(statement.resource)}` });
      }
      continue;
    }
    const ending = denies.find((d) => d.effect.kind === 'ends');
    if (ending !== undefined && ending.effect.kind === 'ends') {
      ended.push({ statement: statement.label, endedBy: ending.label, leaves: ending.effect.leaves });
      continue;
    }
    grants.push({
      statement: statement.label,
      conditions: statement.conditions.map(describeClause),
      narrowedBy: denies.filter((d) => d.effect.kind === 'narrows').map((d) => d.label),
    });
  }
  return { ok: true, analysis: { grants, nearAdmin, ended } };
}
