/** Findings as CSV, one row per finding, for spreadsheets and GRC tools. */
import { stringify } from 'csv-stringify/sync';
import type { Finding } from '../findings/finding.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';

export const csvColumns = [
  'id',
  'status',
  'severity',
  'insight',
  'title',
  'accountId',
  'region',
  'resourceType',
  'resourceName',
  'arn',
  'reason',
  'controls',
  'exemptionApprovedBy',
  'exemptionExpires',
  'remediationCli',
  'remediationConsole',
  'remediationDocs',
] as const;

export function csvRow(finding: Finding): string[] {
  return [
    finding.id,
    finding.status,
    finding.severity,
    finding.insight,
    finding.title,
    finding.resource.accountId,
    finding.resource.region,
    finding.resource.type,
    finding.resource.name,
    finding.resource.arn,
    finding.reason,
    finding.controls.map((c) => `${c.pack}:${c.control}`).join(' '),
    finding.exemption?.approvedBy ?? '',
    finding.exemption?.expires ?? '',
    finding.remediation.cli,
    finding.remediation.console,
    finding.remediation.docs,
  ];
}

export async function writeCsv(target: OutputTarget, spool: FindingsSpool): Promise<void> {
  await target.write(stringify([[...csvColumns]]));
  let rows: string[][] = [];
  for await (const finding of spool.records()) {
    rows.push(csvRow(finding));
    if (rows.length >= 1000) {
      await target.write(stringify(rows));
      rows = [];
    }
  }
  if (rows.length > 0) await target.write(stringify(rows));
}
