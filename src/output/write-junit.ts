/**
 * Findings as a JUnit XML report, for CI: one test suite per scan, one test case per finding
 * (class name the insight, name the resource), a failing finding a `<failure>` with its fix, one
 * that could not be decided an `<error>`, exempt and not-applicable ones `<skipped>`.
 */
import type { Finding } from '../findings/finding.js';
import type { ScanInfo } from '../findings/scan-output.js';
import type { FindingsSpool } from './findings-spool.js';
import type { OutputTarget } from './output-target.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data or an attribute value: markup escaped, characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function testCase(finding: Finding): string {
  const { resource, remediation } = finding;
  const open = `    <testcase classname="${xmlText(finding.insight)}" name="${xmlText(`${resource.name} (${resource.accountId} ${resource.region})`)}" file="${xmlText(resource.arn)}">`;
  const body = `${finding.title}\n${finding.reason}\n\nFix: ${remediation.cli}\nConsole: ${remediation.console}\nDocs: ${remediation.docs}`;
  switch (finding.status) {
    case 'fail':
      return `${open}\n      <failure type="${finding.severity}" message="${xmlText(finding.reason)}">${xmlText(body)}</failure>\n    </testcase>\n`;
    case 'error':
      return `${open}\n      <error type="undecided" message="${xmlText(finding.reason)}">${xmlText(body)}</error>\n    </testcase>\n`;
    case 'exempt':
      return `${open}\n      <skipped message="${xmlText(`exempt: ${finding.exemption?.reason ?? finding.reason}`)}"/>\n    </testcase>\n`;
    case 'not-applicable':
      return `${open}\n      <skipped message="${xmlText(`not applicable: ${finding.reason}`)}"/>\n    </testcase>\n`;
    case 'pass':
      return `${open}</testcase>\n`;
  }
}

export async function writeJunit(target: OutputTarget, scan: ScanInfo, spool: FindingsSpool): Promise<void> {
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for await (const finding of spool.records()) {
    counts.tests++;
    if (finding.status === 'fail') counts.failures++;
    else if (finding.status === 'error') counts.errors++;
    else if (finding.status === 'exempt' || finding.status === 'not-applicable') counts.skipped++;
  }
  const attributes = `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
  const seconds = ((Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000).toFixed(3);
  await target.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vigil" ${attributes} time="${seconds}">\n` +
      `  <testsuite name="vigil scan ${xmlText(scan.id)}" ${attributes} time="${seconds}" timestamp="${scan.startedAt}">\n`,
  );
  for await (const finding of spool.records()) await target.write(testCase(finding));
  await target.write('  </testsuite>\n</testsuites>\n');
}
