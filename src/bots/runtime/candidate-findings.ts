/**
 * A resource's findings as a bot's filters see them: every insight the scan plan binds to its type
 * evaluated with the engine's `evaluate`, exemptions applied (an exempt finding never matches a
 * bot), the ids the scan gives them. What a live re-read re-evaluates, and what a caller building
 * candidates from an inventory can use.
 */
import type { AccountEntry } from '../../config/account-entry.js';
import { anonymousAccount } from '../../config/account-entry.js';
import { evaluate } from '../../engine/evaluate.js';
import type { ScanPlan } from '../../engine/scan-plan.js';
import type { ExemptionIndex } from '../../exemptions/exemption-matcher.js';
import { findingId, findingSubject, type FindingStatus } from '../../findings/finding.js';
import type { AnyCollectedResource } from '../../model/resource.js';
import type { Candidate } from './plan-bot.js';

export interface FindingsScope {
  readonly plan: ScanPlan;
  readonly exemptions: ExemptionIndex;
  readonly accounts: ReadonlyMap<string, AccountEntry>;
}

/** When one insight runs with several parameter sets, the variant a bot sees: a failing one first. */
const PRECEDENCE: readonly FindingStatus[] = ['fail', 'error', 'exempt', 'pass', 'not-applicable'];

export function candidateFindings(resource: AnyCollectedResource, scope: FindingsScope): Candidate['findings'] {
  const account = scope.accounts.get(resource.accountId) ?? anonymousAccount(resource.accountId);
  const subject = findingSubject(resource);
  const findings = new Map<string, { status: FindingStatus; id: string }>();
  for (const binding of scope.plan.byType.get(resource.type) ?? []) {
    const verdict = evaluate(binding, resource, account);
    const exempt = verdict.status === 'fail' && scope.exemptions.find(binding.insight.id, resource) !== undefined;
    const status: FindingStatus = exempt ? 'exempt' : verdict.status;
    const seen = findings.get(binding.insight.id);
    if (seen !== undefined && PRECEDENCE.indexOf(seen.status) <= PRECEDENCE.indexOf(status)) continue;
    findings.set(binding.insight.id, { status, id: findingId(binding.insight.id, subject, binding.variant) });
  }
  return findings;
}
