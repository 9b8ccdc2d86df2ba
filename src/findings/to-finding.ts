/** A verdict as a finding: what the scan writes, a bot's re-check compares and the store records. */
import type { CompiledExemption } from '../exemptions/exemption-matcher.js';
import type { Severity } from '../model/severity.js';
import { remediationFor, type RemediationSource, type RemediationSubject } from './remediation.js';
import { findingId, type ControlRef, type Finding, type FindingStatus } from './finding.js';

/** The insight run a finding comes from (an engine binding has this shape). */
export interface FindingSource {
  readonly insight: RemediationSource & { readonly title: string; readonly severity: Severity };
  /** '' when the insight runs with one parameter set; otherwise tells its findings apart. */
  readonly variant: string;
  readonly controls: readonly ControlRef[];
  /** Parameters that differ from the insight's defaults. */
  readonly changedParams: Record<string, unknown> | undefined;
}

export function toFinding(
  source: FindingSource,
  resource: RemediationSubject,
  /** `findingSubject(resource)`: what the id names. */
  subject: string,
  status: FindingStatus,
  verdict: { readonly reason: string; readonly evidence?: Readonly<Record<string, unknown>> | undefined },
  exemption?: CompiledExemption,
): Finding {
  const finding: Finding = {
    id: findingId(source.insight.id, subject, source.variant),
    insight: source.insight.id,
    title: source.insight.title,
    severity: source.insight.severity,
    status,
    resource: { arn: resource.arn, type: resource.type, accountId: resource.accountId, region: resource.region, name: resource.name },
    reason: verdict.reason,
    // The insight made the evidence for this verdict alone: it can be handed on as it is.
    evidence: verdict.evidence === undefined ? null : verdict.evidence,
    controls: source.controls as Finding['controls'],
    remediation: remediationFor(source.insight, resource),
  };
  if (exemption !== undefined) {
    finding.exemption = {
      reason: exemption.exemption.reason,
      approvedBy: exemption.exemption.approvedBy,
      expires: exemption.exemption.expires,
      file: exemption.file,
    };
  }
  if (source.changedParams !== undefined) finding.params = source.changedParams;
  return finding;
}
