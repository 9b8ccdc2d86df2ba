import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import keyRotation from '../../insights/kms/kms-key-rotation.js';
import type { Insight } from '../../src/engine/define-insight.js';
import { formatProblem } from '../../src/input/problem.js';
import { loadPackFiles, resolvePacks } from '../../src/packs/load-packs.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const insights = new Map<string, Insight>([[keyRotation.id, keyRotation]]);

async function resolveFiles(files: Record<string, string>) {
  const dir = tempDir();
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const loaded = await loadPackFiles(paths);
  if (!loaded.ok) return { problems: loaded.problems.map(formatProblem), packs: [] };
  const resolved = resolvePacks(loaded.value, insights);
  return resolved.ok ? { problems: [], packs: resolved.value } : { problems: resolved.problems.map(formatProblem), packs: [] };
}

const base = `id: base
name: Base
version: "1"
description: base pack
params:
  kms-key-rotation: { maxRotationPeriodDays: 365 }
controls:
  - id: "1.1"
    title: Keys rotate
    insights: [kms-key-rotation]
  - id: "1.2"
    title: Someone reviews access
    manual: Review who can reach production once a quarter.
  - id: "1.3"
    title: Dropped later
    insights: [kms-key-rotation]
`;

describe('packs', () => {
  it('inherits controls and params, drops and overrides, and marks controls without insights manual', async () => {
    const { problems, packs } = await resolveFiles({
      'base.yaml': base,
      'mine.yaml': `id: mine
name: Mine
version: "1"
description: tightened
extends: [base]
removeControls: ["1.3"]
params:
  kms-key-rotation: { maxRotationPeriodDays: 180 }
controls:
  - id: "9.1"
    title: Our own rule
`,
    });
    expect(problems).toEqual([]);
    const mine = packs.find((p) => p.id === 'mine')!;
    expect(mine.controls.map((c) => c.id)).toEqual(['1.1', '1.2', '9.1']);
    expect(mine.params).toEqual({ 'kms-key-rotation': { maxRotationPeriodDays: 180 } });
    expect(mine.controls[1]!.manual).toMatch(/quarter/);
    expect(mine.controls[2]!.manual).toMatch(/review it by hand/);
  });

  it('reports unknown insights, duplicate controls, bad params, missing bases and cycles where they are', async () => {
    const { problems } = await resolveFiles({
      'bad.yaml': `id: bad
name: Bad
version: "1"
description: d
extends: [nowhere]
params:
  kms-key-rotation: { maxRotationPeriodDays: 5000, colour: blue }
controls:
  - id: "1"
    title: A
    insights: [kms-key-rotation, no-such-insight]
  - id: "1"
    title: B
`,
      'a.yaml': 'id: a\nname: A\nversion: "1"\ndescription: d\nextends: [b]\ncontrols: []\n',
      'b.yaml': 'id: b\nname: B\nversion: "1"\ndescription: d\nextends: [a]\ncontrols: []\n',
    });
    const text = problems.join('\n');
    expect(text).toMatch(/bad\.yaml:11:34: controls\[0\]\.insights\[1\]: unknown insight 'no-such-insight'/);
    expect(text).toMatch(/bad\.yaml:12:9: controls\[1\]\.id: duplicate control id '1'/);
    expect(text).toMatch(/bad\.yaml:7:\d+: params\.kms-key-rotation\.maxRotationPeriodDays: must be <= 2560/);
    expect(text).toMatch(/bad\.yaml:7:\d+: params\.kms-key-rotation\.colour: unknown field 'colour'/);
    expect(text).toMatch(/bad\.yaml:5:\d+: extends\[0\]: no pack with id 'nowhere'/);
    expect(text).toMatch(/a\.yaml:5:\d+: extends\[0\]: 'b' extends 'a' in turn/);
  });

  it('rejects two packs with one id', async () => {
    const { problems } = await resolveFiles({ 'one.yaml': base, 'two.yaml': base });
    expect(problems[0]).toMatch(/two\.yaml:1:5: id: pack 'base' is also defined in .*one\.yaml/);
  });
});
