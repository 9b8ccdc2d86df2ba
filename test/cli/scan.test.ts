import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { kmsKey, notebook } from '../../src/model/builders.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';
import { vigil } from '../support/cli.js';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

const tempDir = useTempDir();

const resources = [
  kmsKey({}, { id: 'aaaaaaaa-0000-0000-0000-000000000001' }),
  kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }, { id: 'aaaaaaaa-0000-0000-0000-000000000002' }),
  notebook({ directInternetAccess: 'Enabled' }, { id: 'open-notebook', tags: { owner: 'quants' } }),
];

const customInsight = `id: notebook-no-internet
title: SageMaker notebooks have no direct internet access
resourceType: AWS::SageMaker::NotebookInstance
severity: high
description: Notebooks reach the internet only through the VPC and its egress controls.
condition:
  path: config.directInternetAccess
  op: eq
  value: Disabled
`;

describe('vigil scan', () => {
  it('writes the JSON document on stdout when not on a terminal', async () => {
    const snapshot = await snapshotOf(tempDir(), resources);
    const run = await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation']);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as ScanOutput;
    expect(output.schemaVersion).toBe(1);
    expect(output.findings.map((f) => [f.insight, f.status, f.resource.name])).toEqual([['kms-key-rotation', 'fail', 'aaaaaaaa-0000-0000-0000-000000000002']]);
    expect(output.summary.packs.find((p) => p.id === 'cis-aws')?.controls.length).toBeGreaterThan(0);
  });

  it('exempts across `/` with `*`, and warns about an exemption pattern that matched nothing', async () => {
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, resources);
    const exemptions = join(dir, 'exemptions.yaml');
    writeFileSync(
      exemptions,
      'exemptions:\n  - insight: kms-key-rotation\n    resources:\n      - "arn:aws:kms:*"\n      - "arn:aws:kms:*:key/retired-*"\n    reason: keys being replaced this quarter\n    approvedBy: ciso\n    expires: 2026-09-30\n',
    );
    const run = await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--exemptions', exemptions, '--no-store']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ScanOutput).findings.map((f) => f.status)).toEqual(['exempt']);
    expect(run.stderr).toBe(
      `${exemptions}:5:9: warning: exemption for kms-key-rotation: resource pattern 'arn:aws:kms:*:key/retired-*' matched no failing finding in this scan\n`,
    );
  });

  it('exits 1 when a finding at or above --fail-on fails, 0 below it', async () => {
    const snapshot = await snapshotOf(tempDir(), resources);
    expect((await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--fail-on', 'medium'])).code).toBe(1);
    expect((await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--fail-on', 'high'])).code).toBe(0);
  });

  it('writes csv, jsonl and table formats, --all adds passing findings, --out writes a file', async () => {
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, resources);
    const args = ['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation'];
    const csv = await vigil([...args, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'id,status,severity,insight,title,accountId,region,resourceType,resourceName,arn,reason,controls,exemptionApprovedBy,exemptionExpires,remediationCli,remediationConsole,remediationDocs',
    );
    expect(csv.stdout.trim().split('\n')).toHaveLength(2);
    const jsonl = await vigil([...args, '--format', 'jsonl', '--all']);
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { status: string }).status),
    ).toEqual(['pass', 'fail']);
    const failing = JSON.parse(jsonl.stdout.trim().split('\n')[1]!) as ScanOutput['findings'][number];
    expect(failing.remediation).toEqual({
      cli: `aws kms enable-key-rotation --key-id ${failing.resource.name} --rotation-period-in-days 365`,
      console: expect.stringContaining('KMS console') as string,
      docs: 'docs/insights/kms-key-rotation.md',
    });
    const table = await vigil([...args, '--format', 'table']);
    expect(table.stdout).toContain(`Fix first (the most severe failing finding of one insight):\n  MEDIUM kms-key-rotation — ${failing.resource.name}`);
    expect(table.stdout).toContain(`$ ${failing.remediation.cli}\n`);
    expect(table.stdout).toMatch(/^STATUS\s+SEVERITY\s+INSIGHT/);
    expect(table.stdout).toMatch(/fail\s+medium\s+kms-key-rotation/);
    const out = join(dir, 'out', 'findings.json');
    expect((await vigil([...args, '--out', out])).stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as ScanOutput).findings).toHaveLength(1);
    expect((JSON.parse(readFileSync(out, 'utf8')) as ScanOutput).summary.includesPassing).toBe(false);
    expect((JSON.parse((await vigil([...args, '--all'])).stdout) as ScanOutput).summary.includesPassing).toBe(true);
  });

  it('runs custom YAML insights from --insights', async () => {
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, resources);
    writeFileSync(join(dir, 'notebook-no-internet.yaml'), customInsight);
    const run = await vigil(['scan', '--snapshot', snapshot, '--insights', dir, '--insight', 'notebook-no-internet']);
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout) as ScanOutput;
    expect(output.findings).toEqual([expect.objectContaining({ insight: 'notebook-no-internet', status: 'fail', severity: 'high' })]);
  });

  it('exits 2 with file:line:column and writes nothing on an invalid snapshot', async () => {
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, resources);
    const lines = readFileSync(snapshot, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"directInternetAccess":"Enabled"', '"directInternetAccess":"Sometimes"');
    writeFileSync(snapshot, lines.join('\n'));
    const out = join(dir, 'findings.json');
    const run = await vigil(['scan', '--snapshot', snapshot, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${snapshot}:4:\\d+: resource arn:aws:sagemaker:.*config\\.directInternetAccess`, 'm'));
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on unknown packs, insights, formats and missing options', async () => {
    const snapshot = await snapshotOf(tempDir(), resources);
    expect((await vigil(['scan', '--snapshot', snapshot, '--pack', 'nope'])).stderr).toMatch(/unknown pack 'nope'/);
    expect((await vigil(['scan', '--snapshot', snapshot, '--insight', 'nope'])).code).toBe(2);
    expect((await vigil(['scan', '--snapshot', snapshot, '--format', 'xml'])).code).toBe(2);
    expect((await vigil(['scan'])).code).toBe(2);
    expect((await vigil(['scan', '--snapshot', '/no/such/file.jsonl'])).code).toBe(2);
  });

  it('fits the table to the terminal it goes to: the reason wraps, colour only there, and a control column', async () => {
    const snapshot = await snapshotOf(tempDir(), resources);
    const tableOn = async (columns: number, env: Record<string, string> = {}) => {
      let text = '';
      const terminal = Object.assign(
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            text += chunk.toString();
            done();
          },
        }),
        { isTTY: true, columns, hasColors: () => env['NO_COLOR'] === undefined },
      );
      const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
      const args = ['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--format', 'table', '--no-store'];
      expect(await main(args, { stdout: terminal, stderr, now: () => new Date('2026-06-01T12:00:00Z'), workDir: dirname(snapshot) })).toBe(0);
      return text;
    };
    // eslint-disable-next-line no-control-regex -- the escape codes are what is stripped
    const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
    const rows = (text: string) => plain(text).split('\n').slice(0, plain(text).split('\n').indexOf(''));
    const wide = await tableOn(200);
    expect(wide).toContain('\u001b[31m');
    expect(rows(wide)[0]).toMatch(/^STATUS\s+SEVERITY\s+INSIGHT\s+ACCOUNT\s+REGION\s+RESOURCE\s+CONTROLS\s+REASON$/);
    expect(rows(wide).find((line) => line.startsWith('fail '))).toMatch(/ automatic rotation is off$/);
    const narrow = rows(await tableOn(100));
    expect(Math.max(...narrow.map((line) => line.length))).toBeLessThanOrEqual(100);
    const failing = narrow.findIndex((line) => line.startsWith('fail '));
    const reasonAt = narrow[0]!.indexOf('REASON');
    // The reason goes on below its row, in its own column, word by word.
    expect(
      narrow
        .slice(failing)
        .filter((line, index) => index === 0 || line.slice(0, reasonAt).trim() === '')
        .map((line) => line.slice(reasonAt).trim())
        .join(' '),
    ).toBe('automatic rotation is off');
  });

  it('prints help with exit 0', async () => {
    const run = await vigil(['scan', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--fail-on <severity>/);
  });
});

describe('vigil scan with a configuration', () => {
  it("uses the config's accounts, custom insight folders, exemptions and packs", async () => {
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, resources);
    mkdirSync(join(dir, 'insights'));
    writeFileSync(join(dir, 'insights', 'notebook-no-internet.yaml'), customInsight);
    mkdirSync(join(dir, 'packs'));
    writeFileSync(
      join(dir, 'packs', 'my-pack.yaml'),
      'id: ml-platform\nname: ML platform rules\nversion: "1"\ndescription: Notebooks stay off the internet.\ncontrols:\n  - id: ML-1\n    title: No direct internet access\n    insights: [notebook-no-internet]\n',
    );
    writeFileSync(
      join(dir, 'exemptions.yaml'),
      'exemptions:\n  - insight: notebook-no-internet\n    resources: ["arn:aws:sagemaker:*:111111111111:notebook-instance/open-*"]\n    reason: vendor demo environment until the end of June\n    approvedBy: ciso@example.com\n    expires: 2026-06-30\n',
    );
    writeFileSync(
      join(dir, 'vigil.yaml'),
      'accounts:\n  - id: "111111111111"\n    name: ml-sandbox\n    environment: development\npacks: [ml-platform]\npackDirs: [packs]\ninsightDirs: [insights]\nexemptions: exemptions.yaml\n',
    );
    const run = await vigil(['scan', '--snapshot', snapshot, '--config', join(dir, 'vigil.yaml'), '--fail-on', 'low']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as ScanOutput;
    expect(output.scan.accounts).toEqual([{ id: '111111111111', name: 'ml-sandbox', environment: 'development', resources: 3 }]);
    expect(output.summary.packs.map((p) => p.id)).toEqual(['ml-platform']);
    expect(output.findings).toEqual([
      expect.objectContaining({ insight: 'notebook-no-internet', status: 'exempt', controls: [{ pack: 'ml-platform', control: 'ML-1' }] }),
    ]);
    expect(output.summary.packs[0]!.controls[0]).toMatchObject({ status: 'exempt', exempt: 1, score: null });

    // after the exemption expires the fail is back, and --fail-on sees it
    const later = await vigil(['scan', '--snapshot', snapshot, '--config', join(dir, 'vigil.yaml'), '--fail-on', 'low'], '2026-07-01T00:00:00Z');
    expect(later.code).toBe(1);
    expect((JSON.parse(later.stdout) as ScanOutput).findings[0]?.status).toBe('fail');
  });
});
