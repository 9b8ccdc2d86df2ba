import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kmsKey } from '../../src/model/builders.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';
import { vigil } from '../support/cli.js';
import type { ValidateOutput } from '../../src/cli/commands/validate.js';

const tempDir = useTempDir();

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('vigil validate', () => {
  it('accepts the shipped demo configuration, exemptions and packs', async () => {
    const run = await vigil(['validate', 'demo', 'packs']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/5 files valid \(3 pack, 1 exemptions, 1 config\)/);
    const json = await vigil(['validate', 'demo', 'packs', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, errors: 0, problems: [], usage: [], files: { pack: expect.any(Array) as unknown } });
  });

  it('reports every problem of every kind of file as file:line:column, exit 2', async () => {
    const dir = tempDir();
    const pack = write(
      dir,
      'pack.yaml',
      'id: mine\nname: Mine\nversion: "1"\ndescription: d\nextends: [cis-aws, nowhere]\ncontrols:\n  - id: X1\n    title: Mine\n    insights: [kms-key-rotaton]\n',
    );
    const insight = write(
      dir,
      'insight.yaml',
      'id: bad-insight\ntitle: A bad one\nresourceType: AWS::Nope\nseverity: high\ndescription: d\ncondition:\n  path: name\n  op: eq\n',
    );
    const exemptions = write(
      dir,
      'exemptions.yaml',
      'exemptions:\n  - insight: kms-key-rotation\n    resources: ["arn:aws:kms:*"]\n    reason: short\n    approvedBy: me\n    expires: tomorrow\n',
    );
    const config = write(dir, 'vigil.yaml', 'accounts:\n  - id: "12345"\n    name: prod\nregions:\n  allowed: [mars-north-1]\n');
    const malformed = write(dir, 'broken.yaml', 'controls:\n  - id: [\n');
    const snapshot = await snapshotOf(dir, [kmsKey()], { name: 'truncated.jsonl' });
    writeFileSync(snapshot, '{"kind":"vigil-snapshot","schemaVersion":1');
    const run = await vigil(['validate', pack, insight, exemptions, config, malformed, snapshot]);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n');
    const has = (pattern: RegExp) =>
      expect(
        lines.some((line) => pattern.test(line)),
        `${pattern}\n${run.stderr}`,
      ).toBe(true);
    has(new RegExp(`^${pack}:5:\\d+: extends\\[1\\]: no pack with id 'nowhere'`));
    has(new RegExp(`^${pack}:9:\\d+: controls\\[0\\]\\.insights\\[0\\]: unknown insight 'kms-key-rotaton'`));
    has(new RegExp(`^${insight}:3:\\d+: resourceType`));
    has(new RegExp(`^${insight}:\\d+:\\d+: condition`));
    has(new RegExp(`^${exemptions}:4:13: exemptions\\[0\\]\\.reason: must NOT have fewer than 10 characters`));
    has(new RegExp(`^${exemptions}:6:14: exemptions\\[0\\]\\.expires`));
    has(new RegExp(`^${config}:2:9: accounts\\[0\\]\\.id: must match pattern`));
    has(new RegExp(`^${config}:5:13: regions\\.allowed\\[0\\]: must match pattern`));
    has(new RegExp(`^${malformed}:\\d+:\\d+: `));
    has(new RegExp(`^${snapshot}:1:\\d+: invalid JSON`));

    // --format json: the same problems as one document on stdout, the same exit code.
    const json = await vigil(['validate', '--format', 'json', pack, insight, exemptions, config, malformed, snapshot]);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('');
    const output = JSON.parse(json.stdout) as ValidateOutput;
    expect(output).toMatchObject({
      valid: false,
      files: { pack: [pack, malformed], insight: [insight], exemptions: [exemptions], config: [config], snapshot: [snapshot] },
    });
    const errors = output.problems.filter((p) => p.severity === 'error');
    expect(output.errors).toBe(errors.length + output.usage.length);
    expect(errors.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).sort()).toEqual(
      lines.filter((line) => line.startsWith('/') && !line.includes(': warning: ')).sort(),
    );
  });

  it('warns about exemptions expiring within 14 days without failing', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      'exemptions.yaml',
      'exemptions:\n  - insight: kms-key-rotation\n    accounts: ["111111111111"]\n    reason: key being replaced this month\n    approvedBy: ciso\n    expires: 2026-06-10\n',
    );
    const run = await vigil(['validate', file], '2026-06-01T12:00:00Z');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^${file}:6:14: warning: exemptions\\[0\\]: expires on 2026-06-10, within 14 days`, 'm'));
  });
});
