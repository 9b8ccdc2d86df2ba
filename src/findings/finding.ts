/** A finding: the verdict of one insight on one resource, with what it means for which controls. */
import { hash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Severity } from '../model/severity.js';
import { LifecycleState } from './lifecycle-state.js';
import { FindingRemediation } from './remediation.js';
import { ResourceOwner } from './owner.js';

export const FindingStatus = Type.Union([
  Type.Literal('pass'),
  Type.Literal('fail'),
  Type.Literal('error'),
  Type.Literal('not-applicable'),
  Type.Literal('exempt'),
]);
export type FindingStatus = Static<typeof FindingStatus>;

export const ControlRef = Type.Object({ pack: Type.String(), control: Type.String() }, { additionalProperties: false });
export type ControlRef = Static<typeof ControlRef>;

export const Finding = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'Stable: a hash of insight id and resource ARN' }),
    insight: Type.String(),
    title: Type.String(),
    severity: Severity,
    status: FindingStatus,
    resource: Type.Object(
      { arn: Type.String(), type: Type.String(), accountId: Type.String(), region: Type.String(), name: Type.String() },
      { additionalProperties: false },
    ),
    reason: Type.String(),
    evidence: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    controls: Type.Array(ControlRef),
    /** How to fix it: console steps, the CLI command for this resource, the insight's documentation. */
    remediation: FindingRemediation,
    /** The exemption that turned a fail into `exempt`. */
    exemption: Type.Optional(
      Type.Object({ reason: Type.String(), approvedBy: Type.String(), expires: Type.String(), file: Type.String() }, { additionalProperties: false }),
    ),
    /** Parameters that differ from the insight's defaults. */
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** When a store first saw the finding (a reopened finding keeps it); absent without a store. */
    firstSeen: Type.Optional(Type.String({ format: 'date-time' })),
    /** When a store last saw it: this scan's inventory time. */
    lastSeen: Type.Optional(Type.String({ format: 'date-time' })),
    /** Its lifecycle state in the store; absent when it has none (it never failed) or without a store. */
    state: Type.Optional(LifecycleState),
    /** Who is told about it; absent when notifications are not configured. */
    owner: Type.Optional(ResourceOwner),
  },
  { additionalProperties: false },
);
export type Finding = Static<typeof Finding>;

/**
 * What a finding's id names: the resource's ARN — unless AWS owns the resource (an AWS-managed
 * policy, `arn:aws:iam::aws:policy/...`), whose one ARN every account shares: then the ARN in
 * the account that uses it, so that two accounts' findings on it stay two findings.
 */
export function findingSubject(resource: { readonly arn: string; readonly accountId: string }): string {
  return arnAccountIs(resource.arn, 'aws') ? `${resource.arn}\u0000${resource.accountId}` : resource.arn;
}

/** Whether the account field of the ARN (its fifth, `arn:partition:service:region:account:...`) is `account`. */
function arnAccountIs(arn: string, account: string): boolean {
  let at = -1;
  for (let field = 0; field < 4; field++) {
    at = arn.indexOf(':', at + 1);
    if (at < 0) return false;
  }
  const end = arn.indexOf(':', at + 1);
  return (end < 0 ? arn.length : end) - at - 1 === account.length && arn.startsWith(account, at + 1);
}

/**
 * The same insight on the same resource is the same finding across scans. When packs run one
 * insight with different parameters, each variant is its own finding: `variant` tells them apart.
 */
export function findingId(insightId: string, arn: string, variant = ''): string {
  const text = variant === '' ? `${insightId}\u0000${arn}` : `${insightId}\u0000${arn}\u0000${variant}`;
  // The one-shot hash: the same SHA-256 digest as a Hash object, at a third of the cost.
  return hash('sha256', text, 'hex').slice(0, 32);
}
