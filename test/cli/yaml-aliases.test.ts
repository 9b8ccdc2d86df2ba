import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { kmsKey } from '../../src/model/builders.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';
import { vigil } from '../support/cli.js';
import { accountId, billionLaughs, sharedParamsConfig } from '../support/yaml-aliases.js';

const tempDir = useTempDir();

function write(file: string, text: string): string {
  writeFileSync(file, text);
  return file;
}

/** A key rotating every 380 days: over the default 365, within the shared params' 400. */
const slowKey = (account: string) =>
  kmsKey({ rotation: { enabled: true, periodDays: 380, nextRotationDate: null } }, { id: `aaaaaaaa-0000-0000-0000-${account}`, accountId: account });

describe('YAML aliases in the files users write', () => {
  it('validates and scans with a config of 101 accounts sharing one params block', async () => {
    const dir = tempDir();
    const config = write(join(dir, 'vigil.yaml'), sharedParamsConfig(101));
    const validated = await vigil(['validate', config]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/^1 file valid \(1 config\)/);

    const lastAccount = accountId(100);
    const snapshot = await snapshotOf(dir, [slowKey(lastAccount), slowKey('999999999999')]);
    const scanned = await vigil(['scan', '--snapshot', snapshot, '--config', config, '--insight', 'kms-key-rotation', '--all']);
    expect(scanned.stderr).toBe('');
    expect(scanned.code).toBe(0);
    const findings = (JSON.parse(scanned.stdout) as ScanOutput).findings.map((f) => [f.resource.accountId, f.status, f.reason]);
    expect(findings).toEqual(
      expect.arrayContaining([
        [lastAccount, 'pass', 'rotates every 380 days'],
        ['999999999999', 'fail', 'rotates every 380 days, more than 365'],
      ]),
    );
  });

  // Each kind of file, refused by `vigil validate` and by the scan that reads it.
  const entryPoints: { kind: string; prefix: string; scanArgs: (file: string, dir: string) => string[] }[] = [
    { kind: 'config', prefix: 'accounts:\n  - id: "111111111111"\n    name: prod\n', scanArgs: (file) => ['--config', file] },
    {
      kind: 'pack',
      prefix: 'id: mine\nname: Mine\nversion: "1"\ndescription: d\ncontrols: []\n',
      scanArgs: (_file, dir) => ['--config', write(join(dir, 'vigil.yaml'), 'packDirs: [packs]\npacks: [mine]\n')],
    },
    { kind: 'exemptions', prefix: 'exemptions: []\n', scanArgs: (file) => ['--exemptions', file] },
    {
      kind: 'insight',
      prefix:
        'id: lol-insight\ntitle: Laughs\nresourceType: AWS::KMS::Key\nseverity: low\ndescription: d\ncondition:\n  path: config.manager\n  op: eq\n  value: CUSTOMER\n',
      scanArgs: (file) => ['--insights', join(file, '..')],
    },
  ];

  it.each(entryPoints)('refuses a billion-laughs $kind file with exit 2 at the alias, without a stack trace', async ({ kind, prefix, scanArgs }) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'packs'));
    const bomb = billionLaughs(prefix);
    const file = write(join(dir, kind === 'pack' ? 'packs' : '.', `${kind}.yaml`), bomb.text);
    const expected = `${file}:${bomb.line}:${bomb.column}: alias *a4 would expand the document to more than 1,000,000 nodes`;
    const snapshot = await snapshotOf(dir, [kmsKey()]);
    for (const args of [
      ['validate', file],
      ['scan', '--snapshot', snapshot, ...scanArgs(file, dir)],
    ]) {
      const run = await vigil(args);
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(2);
      expect(run.stderr.split('\n')).toContainEqual(expect.stringContaining(expected));
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    }
  });
});
