import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareScan } from '../../src/app/prepare-scan.js';
import { formatProblem } from '../../src/input/problem.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const now = new Date('2026-06-01T12:00:00Z');

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('preparing a scan from a configuration', () => {
  it('layers parameters: insight defaults < pack < config < account', async () => {
    const dir = tempDir();
    const config = write(
      dir,
      'vigil.yaml',
      `accounts:
  - id: "111111111111"
    name: harbor-prod
    tenant: Harbor Bank
    params:
      kms-key-rotation: { maxRotationPeriodDays: 90 }
  - id: "222222222222"
    name: shared
params:
  kms-key-rotation: { maxRotationPeriodDays: 180 }
packs: [cis-aws]
`,
    );
    const prepared = await prepareScan({ configFile: config, insightIds: ['kms-key-rotation'], now });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const [binding] = prepared.value.plan.bindings;
    expect(binding?.params).toEqual({ maxRotationPeriodDays: 180 });
    expect(binding?.paramsByAccount?.get('111111111111')).toEqual({ maxRotationPeriodDays: 90 });
    expect(binding?.paramsByAccount?.has('222222222222')).toBe(false);
    expect(prepared.value.settings).toEqual({ allowedRegions: [], requiredTags: {} });
  });

  it('reports unknown insights and invalid values in config params at their position', async () => {
    const dir = tempDir();
    const config = write(
      dir,
      'vigil.yaml',
      `accounts:
  - id: "111111111111"
    name: harbor-prod
    params:
      kms-key-rotation: { maxRotationPeriodDays: "often" }
params:
  kms-key-rotatoin: {}
`,
    );
    const prepared = await prepareScan({ configFile: config, now });
    expect(prepared.ok).toBe(false);
    const messages = prepared.ok ? [] : prepared.problems.map(formatProblem).sort();
    expect(messages).toEqual([
      `${config}:5:50: accounts[0].params.kms-key-rotation.maxRotationPeriodDays: must be integer`,
      `${config}:7:3: params.kms-key-rotatoin: unknown insight 'kms-key-rotatoin'`,
    ]);
    const other = write(dir, 'other.yaml', 'requiredTags:\n  AWS::S3::Bukket: [owner]\n');
    const second = await prepareScan({ configFile: other, now });
    expect(second.ok ? [] : second.problems.map(formatProblem)).toEqual([`${other}:2:3: requiredTags: unknown resource type 'AWS::S3::Bukket'`]);
  });

  it('resolves paths in the config relative to it and reports a missing exemptions file', async () => {
    const dir = tempDir();
    const config = write(dir, 'vigil.yaml', 'exemptions: missing.yaml\n');
    const prepared = await prepareScan({ configFile: config, now });
    expect(prepared.ok ? [] : prepared.problems.map(formatProblem)).toEqual([`${join(dir, 'missing.yaml')}:1:1: cannot read file: ENOENT`]);
  });
});
