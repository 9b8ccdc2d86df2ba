/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards: one run, one rule per insight (its title,
 * documentation and fix), one result per finding. A cloud resource is no file: it is a logical
 * location named by its ARN. Exempt findings carry an external suppression with the approval.
 */
import type { Finding } from '../findings/finding.js';
import type { Severity } from '../model/severity.js';
import { packageVersion } from '../package-root.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';

const KIND: Record<Finding['status'], string> = { fail: 'fail', exempt: 'fail', error: 'review', pass: 'pass', 'not-applicable': 'notApplicable' };
const LEVEL: Record<Severity, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', informational: 'note' };

function rule(finding: Finding): Record<string, unknown> {
  const { remediation } = finding;
  return {
    id: finding.insight,
    shortDescription: { text: finding.title },
    // The page is a path in Vigil's package, not a URI: it goes in the help text, not helpUri.
    help: { text: `${remediation.console}\n\n${remediation.cli}\n\nDocumentation: ${remediation.docs}` },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: { severity: finding.severity, docs: remediation.docs },
  };
}

function result(finding: Finding, ruleIndex: number): Record<string, unknown> {
  const failing = finding.status === 'fail' || finding.status === 'exempt';
  const { resource } = finding;
  return {
    ruleId: finding.insight,
    ruleIndex,
    kind: KIND[finding.status],
    level: failing ? LEVEL[finding.severity] : 'none',
    message: { text: finding.reason },
    locations: [{ logicalLocations: [{ fullyQualifiedName: resource.arn, name: resource.name, kind: 'resource' }] }],
    partialFingerprints: { 'vigilFindingId/v1': finding.id },
    ...(finding.exemption !== undefined && {
      suppressions: [
        {
          kind: 'external',
          status: 'accepted',
          justification: `${finding.exemption.reason} (approved by ${finding.exemption.approvedBy}, until ${finding.exemption.expires})`,
        },
      ],
    }),
    properties: {
      status: finding.status,
      accountId: resource.accountId,
      region: resource.region,
      resourceType: resource.type,
      controls: finding.controls.map((control) => `${control.pack}:${control.control}`),
      remediation: finding.remediation.cli,
    },
  };
}

export async function writeSarif(target: OutputTarget, spool: FindingsSpool): Promise<void> {
  // First pass: the rules (one per insight, in order of first finding); second: the results.
  const rules = new Map<string, { index: number; rule: Record<string, unknown> }>();
  for await (const finding of spool.records()) if (!rules.has(finding.insight)) rules.set(finding.insight, { index: rules.size, rule: rule(finding) });
  const driver = { name: 'Vigil', version: packageVersion(), rules: [...rules.values()].map((entry) => entry.rule) };
  await target.write(
    `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"results":[`,
  );
  let first = true;
  for await (const finding of spool.records()) {
    await target.write(`${first ? '\n' : ',\n'}${JSON.stringify(result(finding, rules.get(finding.insight)!.index))}`);
    first = false;
  }
  await target.write('\n]}]}\n');
}
