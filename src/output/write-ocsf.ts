/**
 * Findings as OCSF 1.3.0 Compliance Finding events (class 2003, category Findings), one JSON line
 * each, for security data lakes (Amazon Security Lake, SIEMs) that read OCSF. The compliance
 * object names the packs as standards and each `pack control` as a requirement; the resource is a
 * cloud resource of the `cloud` profile; a Vigil status OCSF has no word for (not applicable,
 * exempt) keeps its own name beside the nearest OCSF one.
 */
import type { Finding } from '../findings/finding.js';
import type { ScanInfo } from '../findings/scan-output.js';
import { GLOBAL_REGION } from '../model/resource.js';
import type { Severity } from '../model/severity.js';
import { packageVersion } from '../package-root.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';

export const OCSF_VERSION = '1.3.0';
const COMPLIANCE_FINDING = { class_uid: 2003, class_name: 'Compliance Finding', category_uid: 2, category_name: 'Findings' } as const;
/** Every event creates (or re-states) a finding: activity 1, Create; type_uid is class_uid × 100 + activity_id. */
const CREATE = { activity_id: 1, activity_name: 'Create', type_uid: 200301, type_name: 'Compliance Finding: Create' } as const;

const SEVERITY: Record<Severity, { severity_id: number; severity: string }> = {
  informational: { severity_id: 1, severity: 'Informational' },
  low: { severity_id: 2, severity: 'Low' },
  medium: { severity_id: 3, severity: 'Medium' },
  high: { severity_id: 4, severity: 'High' },
  critical: { severity_id: 5, severity: 'Critical' },
};

/** compliance.status_id: 1 Pass, 2 Warning (no result for missing information), 3 Fail, 99 Other. */
const COMPLIANCE_STATUS: Record<Finding['status'], { status_id: number; status: string }> = {
  pass: { status_id: 1, status: 'Pass' },
  error: { status_id: 2, status: 'Warning' },
  fail: { status_id: 3, status: 'Fail' },
  // An exemption accepts the risk; the check still fails.
  exempt: { status_id: 3, status: 'Fail' },
  'not-applicable': { status_id: 99, status: 'Not applicable' },
};

/** The finding's lifecycle status_id: 1 New, 3 Suppressed, 4 Resolved, 99 Other. */
const FINDING_STATUS: Record<Finding['status'], { status_id: number; status: string }> = {
  fail: { status_id: 1, status: 'New' },
  error: { status_id: 1, status: 'New' },
  exempt: { status_id: 3, status: 'Suppressed' },
  pass: { status_id: 4, status: 'Resolved' },
  'not-applicable': { status_id: 99, status: 'Not applicable' },
};

export function ocsfFinding(finding: Finding, scan: ScanInfo, productVersion: string): Record<string, unknown> {
  const { resource, remediation } = finding;
  const time = Date.parse(scan.finishedAt);
  const partition = /^arn:([^:]+):/.exec(resource.arn)?.[1] ?? 'aws';
  const region = resource.region === GLOBAL_REGION ? undefined : resource.region;
  const standards = [...new Set(finding.controls.map((control) => control.pack))];
  return {
    ...CREATE,
    ...COMPLIANCE_FINDING,
    ...SEVERITY[finding.severity],
    ...FINDING_STATUS[finding.status],
    time,
    message: finding.reason === '' ? finding.title : finding.reason,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Vigil', vendor_name: 'Vigil', version: productVersion },
      profiles: ['cloud'],
      event_code: finding.insight,
    },
    cloud: { provider: 'AWS', ...(region !== undefined && { region }), account: { uid: resource.accountId, type: 'AWS Account', type_id: 10 } },
    finding_info: {
      uid: finding.id,
      title: finding.title,
      desc: finding.reason === '' ? finding.title : finding.reason,
      analytic: { uid: finding.insight, name: finding.insight, type: 'Rule', type_id: 1 },
      types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
      created_time: time,
      ...(finding.firstSeen !== undefined && { first_seen_time: Date.parse(finding.firstSeen) }),
      ...(finding.lastSeen !== undefined && { last_seen_time: Date.parse(finding.lastSeen) }),
    },
    compliance: {
      // `standards` is required: a finding outside every pack names its insight's checks instead.
      standards: standards.length > 0 ? standards : ['vigil'],
      requirements: finding.controls.map((control) => `${control.pack} ${control.control}`),
      ...(finding.controls[0] !== undefined && { control: finding.controls[0].control }),
      ...COMPLIANCE_STATUS[finding.status],
      status_detail: finding.reason,
    },
    resources: [{ uid: resource.arn, name: resource.name, type: resource.type, cloud_partition: partition, ...(region !== undefined && { region }) }],
    remediation: { desc: `${remediation.console}\nCLI: ${remediation.cli}`, references: [remediation.docs] },
    unmapped: {
      vigil_status: finding.status,
      ...(finding.exemption !== undefined && { exemption: finding.exemption }),
      ...(finding.evidence !== null && { evidence: finding.evidence }),
    },
  };
}

export async function writeOcsf(target: OutputTarget, scan: ScanInfo, spool: FindingsSpool): Promise<void> {
  const version = packageVersion();
  for await (const finding of spool.records()) await target.write(`${JSON.stringify(ocsfFinding(finding, scan, version))}\n`);
}
