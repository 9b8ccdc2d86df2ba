/**
 * Findings in the AWS Security Finding Format, ready for Security Hub: one JSON line per batch of at
 * most 100 findings, each line a complete BatchImportFindings request (`{"Findings": [...]}`), so
 * `aws securityhub batch-import-findings --cli-input-json "$line"` imports it as it is. Findings
 * are imported into the account and region of their resource (an account-wide resource: us-east-1)
 * under the account's own default product.
 */
import type { Finding } from '../findings/finding.js';
import type { ScanInfo } from '../findings/scan-output.js';
import { GLOBAL_REGION } from '../model/resource.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';

/** BatchImportFindings takes at most 100 findings per request. */
export const ASFF_BATCH = 100;

const COMPLIANCE: Record<Finding['status'], string> = { pass: 'PASSED', fail: 'FAILED', exempt: 'FAILED', error: 'WARNING', 'not-applicable': 'NOT_AVAILABLE' };

/** `AWS::S3::Bucket` → `AwsS3Bucket`, `AWS::RDS::DBInstance` → `AwsRdsDbInstance`: the ASFF spelling of a CloudFormation type. */
export function asffResourceType(type: string): string {
  const parts = type.split('::');
  if (parts.length !== 3 || parts[0] !== 'AWS') return 'Other';
  // An acronym word (`S3`, `EC2`, `WAFv2`) is capitalised; an acronym inside a name (`DBInstance`, `WebACL`) too.
  const word = (text: string) =>
    /^[A-Z]+[a-z]?[0-9]*$/.test(text)
      ? text.charAt(0) + text.slice(1).toLowerCase()
      : text.replace(/[A-Z]{2,}(?=[A-Z][a-z]|$)/g, (run) => run.charAt(0) + run.slice(1).toLowerCase());
  return `Aws${word(parts[1]!)}${word(parts[2]!)}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function asffFinding(finding: Finding, scan: ScanInfo): Record<string, unknown> {
  const { resource } = finding;
  const region = resource.region === GLOBAL_REGION ? 'us-east-1' : resource.region;
  const partition = /^arn:([^:]+):/.exec(resource.arn)?.[1] ?? 'aws';
  return {
    SchemaVersion: '2018-10-08',
    Id: `vigil/${finding.id}`,
    ProductArn: `arn:${partition}:securityhub:${region}:${resource.accountId}:product/${resource.accountId}/default`,
    ProductName: 'Vigil',
    GeneratorId: `vigil/${finding.insight}`,
    AwsAccountId: resource.accountId,
    Region: region,
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    CreatedAt: scan.finishedAt,
    UpdatedAt: scan.finishedAt,
    Severity: { Label: finding.severity.toUpperCase() },
    Title: clip(finding.title, 256),
    Description: clip(finding.reason === '' ? finding.title : finding.reason, 1024),
    Remediation: { Recommendation: { Text: clip(`${finding.remediation.cli} (${finding.remediation.docs})`, 512) } },
    Resources: [{ Type: asffResourceType(resource.type), Id: resource.arn, Partition: partition, Region: region }],
    Compliance: {
      Status: COMPLIANCE[finding.status],
      RelatedRequirements: finding.controls.slice(0, 32).map((control) => clip(`${control.pack} ${control.control}`, 256)),
    },
    Workflow: { Status: finding.status === 'exempt' ? 'SUPPRESSED' : finding.status === 'pass' ? 'RESOLVED' : 'NEW' },
    RecordState: 'ACTIVE',
    ProductFields: { 'vigil/status': finding.status, 'vigil/findingId': finding.id },
  };
}

export async function writeAsff(target: OutputTarget, scan: ScanInfo, spool: FindingsSpool): Promise<void> {
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length > 0) await target.write(`${JSON.stringify({ Findings: batch })}\n`);
    batch = [];
  };
  for await (const finding of spool.records()) {
    batch.push(asffFinding(finding, scan));
    if (batch.length === ASFF_BATCH) await flush();
  }
  await flush();
}
