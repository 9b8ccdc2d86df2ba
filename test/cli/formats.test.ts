/**
 * The formats the ecosystem reads, each checked against what its consumer requires: SARIF against
 * the published SARIF 2.1.0 schema (vendored in test/fixtures/schemas/sarif with its licence),
 * ASFF against the fields the Security Hub API reference marks required for BatchImportFindings,
 * OCSF against the attributes the OCSF 1.3.0 Compliance Finding class marks required
 * (test/fixtures/schemas/ocsf).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ajv } from 'ajv';
import ajvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigFile } from '../../src/cli/commands/demo.js';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { ASFF_BATCH, asffResourceType } from '../../src/output/write-asff.js';
import { OCSF_VERSION } from '../../src/output/write-ocsf.js';
import { Ajv as Ajv7 } from 'ajv';
import { xmlText } from '../../src/output/write-junit.js';
import { packageRoot } from '../../src/package-root.js';
import { vigil } from '../support/cli.js';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';

// ajv-draft-04 is CommonJS: under NodeNext its default export arrives as the module; at run time it is the class.
const AjvDraft04 = ajvDraft04Module as unknown as typeof Ajv;

// One demo scan for every test of the file (a per-test temporary folder would be gone by the next test).
const dir = mkdtempSync(join(tmpdir(), 'vigil-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let snapshot = '';
let findings: ScanOutput['findings'] = [];

beforeAll(async () => {
  expect((await vigil(['demo', '--out-dir', dir])).code).toBe(0);
  snapshot = join(dir, 'demo-snapshot.jsonl.gz');
  findings = (JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as ScanOutput).findings;
});

// The demo config notifies owners in Slack; these scans are about formats, so nothing is delivered.
const scanAs = async (format: string, ...more: string[]) => {
  const run = await vigil(
    ['scan', '--snapshot', snapshot, '--config', demoConfigFile(), '--format', format, '--no-notify', ...more],
    '2026-11-20T06:00:00.000Z',
  );
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with one rule per insight and one result per finding', async () => {
    const sarif = JSON.parse(await scanAs('sarif')) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[] };
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'test', 'fixtures', 'schemas', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [run] = sarif.runs;
    expect(run!.results).toHaveLength(findings.length);
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual([...new Set(findings.map((f) => f.insight))]);
    const exempt = run!.results.find((result) => (result['properties'] as { status: string }).status === 'exempt');
    expect(exempt).toMatchObject({ kind: 'fail', suppressions: [{ kind: 'external', status: 'accepted' }] });
  });
});

describe('--format asff', () => {
  it('writes BatchImportFindings requests of at most 100 findings with every field the API requires', async () => {
    const lines = (await scanAs('asff', '--all')).trim().split('\n');
    const batches = lines.map((line) => (JSON.parse(line) as { Findings: Record<string, unknown>[] }).Findings);
    expect(batches.every((batch) => batch.length > 0 && batch.length <= ASFF_BATCH)).toBe(true);
    expect(batches.slice(0, -1).every((batch) => batch.length === ASFF_BATCH)).toBe(true);
    const all = batches.flat();
    expect(new Set(all.map((f) => f['Id'])).size).toBe(all.length);
    const string = expect.any(String) as unknown;
    for (const finding of all) {
      // AwsSecurityFinding: the members the API reference marks Required.
      expect(finding).toMatchObject({
        SchemaVersion: '2018-10-08',
        Id: string,
        ProductArn: expect.stringMatching(/^arn:aws:securityhub:[a-z0-9-]+:[0-9]{12}:product\/[0-9]{12}\/default$/) as unknown,
        GeneratorId: string,
        AwsAccountId: expect.stringMatching(/^[0-9]{12}$/) as unknown,
        Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
        CreatedAt: '2026-11-20T06:00:00.000Z',
        UpdatedAt: '2026-11-20T06:00:00.000Z',
        Severity: { Label: expect.stringMatching(/^(INFORMATIONAL|LOW|MEDIUM|HIGH|CRITICAL)$/) as unknown },
        Title: string,
        Description: string,
        Resources: [{ Type: string, Id: string }],
        Compliance: { Status: expect.stringMatching(/^(PASSED|WARNING|FAILED|NOT_AVAILABLE)$/) as unknown },
      });
      expect((finding['Title'] as string).length).toBeLessThanOrEqual(256);
      expect((finding['Description'] as string).length).toBeLessThanOrEqual(1024);
      expect((finding['Remediation'] as { Recommendation: { Text: string } }).Recommendation.Text.length).toBeLessThanOrEqual(512);
      expect(finding['ProductArn']).toContain(`:${finding['AwsAccountId'] as string}:product/`);
    }
  });

  it('spells resource types as ASFF does', () => {
    expect(asffResourceType('AWS::S3::Bucket')).toBe('AwsS3Bucket');
    expect(asffResourceType('AWS::RDS::DBInstance')).toBe('AwsRdsDbInstance');
    expect(asffResourceType('AWS::EC2::SecurityGroup')).toBe('AwsEc2SecurityGroup');
    expect(asffResourceType('AWS::KMS::Key')).toBe('AwsKmsKey');
    expect(asffResourceType('AWS::IAM::User')).toBe('AwsIamUser');
    expect(asffResourceType('AWS::WAFv2::WebACL')).toBe('AwsWafv2WebAcl');
    expect(asffResourceType('AWS::CloudTrail::Trail')).toBe('AwsCloudTrailTrail');
  });
});

describe('--format ocsf', () => {
  it('writes one OCSF Compliance Finding per line with every attribute the class requires', async () => {
    const events = (await scanAs('ocsf', '--all'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown> & { finding_info: { uid: string }; compliance: Record<string, unknown> });
    const all = JSON.parse(await scanAs('json', '--all')) as ScanOutput;
    expect(events).toHaveLength(all.findings.length);
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'test', 'fixtures', 'schemas', 'ocsf', 'compliance-finding-1.3.0.json'), 'utf8')) as object;
    const validate = new Ajv7({ allErrors: true, strict: false }).compile(schema);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(events[0]).toMatchObject({
      class_uid: 2003,
      category_uid: 2,
      type_uid: 200301,
      metadata: { version: OCSF_VERSION },
      time: Date.parse('2026-11-20T06:00:00.000Z'),
    });
    // Each Vigil status maps to its OCSF compliance status; a failing finding names its packs and controls.
    const byId = new Map(all.findings.map((finding) => [finding.id, finding]));
    const expected = { pass: 1, error: 2, fail: 3, exempt: 3, 'not-applicable': 99 } as const;
    for (const event of events) {
      const finding = byId.get(event.finding_info.uid)!;
      expect(event.compliance['status_id']).toBe(expected[finding.status]);
      expect(event.compliance['requirements']).toEqual(finding.controls.map((control) => `${control.pack} ${control.control}`));
    }
    expect(new Set(events.map((event) => event.compliance['status_id']))).toEqual(new Set([1, 2, 3, 99]));
  });
});

describe('--push-security-hub', () => {
  const hub = mockClient(SecurityHubClient);
  afterAll(() => hub.restore());

  it('sends the findings it writes as ASFF, and exits 3 naming each finding Security Hub refuses', async () => {
    hub
      .on(BatchImportFindingsCommand)
      .callsFake((input: { Findings: { Id: string }[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
    const args = ['scan', '--snapshot', snapshot, '--config', demoConfigFile(), '--format', 'json', '--push-security-hub', '--no-store', '--no-notify'];
    const run = await vigil(args, '2026-11-20T06:00:00.000Z');
    expect(run.code, run.stderr).toBe(0);
    const sent = hub.commandCalls(BatchImportFindingsCommand).flatMap((call) => call.args[0].input.Findings!);
    expect(sent.map((f) => f.Id).sort()).toEqual((JSON.parse(run.stdout) as ScanOutput).findings.map((f) => `vigil/${f.id}`).sort());
    expect(run.stderr).toContain(`Security Hub: ${sent.length} findings imported, 0 refused`);

    hub.reset();
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: { Id: string }[] }) => ({
      SuccessCount: input.Findings.length - 1,
      FailedCount: 1,
      FailedFindings: [{ Id: input.Findings[0]!.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to Amazon Finding Format.' }],
    }));
    const refused = await vigil(args, '2026-11-20T06:00:00.000Z');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^vigil: Security Hub did not import vigil\/[0-9a-f]{32}: InvalidInput: Finding does not adhere/m);
  });
});

describe('--format junit', () => {
  it('writes a test case per evaluation: failures, errors and skipped ones counted as the scan counts them', async () => {
    const xml = await scanAs('junit', '--all');
    const output = JSON.parse(await scanAs('json', '--all')) as ScanOutput;
    const { summary } = output;
    const attributes = `tests="${output.findings.length}" failures="${summary.fail}" errors="${summary.error}" skipped="${summary.exempt + summary.notApplicable}"`;
    expect(xml).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\n<testsuites name="vigil" ${attributes} time="[0-9.]+">\n  <testsuite name="vigil scan [^"]+" ${attributes} `,
      ),
    );
    expect(xml.match(/<testcase /g)).toHaveLength(output.findings.length);
    expect(xml.match(/<\/testcase>/g)).toHaveLength(output.findings.length);
    expect(xml.match(/<failure type="(critical|high|medium|low|informational)" message="/g)).toHaveLength(summary.fail);
    expect(xml.match(/<error type="undecided"/g)).toHaveLength(summary.error);
    // Every & starts an entity: the reasons' and commands' markup is escaped.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(xml.trimEnd().endsWith('  </testsuite>\n</testsuites>')).toBe(true);
  });

  it('escapes markup and drops the characters XML forbids', () => {
    expect(xmlText(`a < b && "c" > 'd'\u0000\u001b`)).toBe('a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;');
  });
});
