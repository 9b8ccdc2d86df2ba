import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { MIN_EXPANDED_NODES } from '../../src/input/alias-expansion.js';
import { parseYaml } from '../../src/input/yaml-file.js';
import { formatProblem } from '../../src/input/problem.js';
import { PackFile } from '../../src/packs/pack-schema.js';
import { VigilConfig } from '../../src/config/config-schema.js';
import { packageRoot } from '../../src/package-root.js';
import { accountId, billionLaughs, sharedParamsConfig } from '../support/yaml-aliases.js';

function problems(text: string): string[] {
  const result = parseYaml(text, 'my-pack.yaml', PackFile);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('YAML files with positions', () => {
  it('loads a valid file', () => {
    const result = parseYaml('id: p\nname: P\nversion: "1"\ndescription: d\ncontrols: []\n', 'p.yaml', PackFile);
    expect(result.ok).toBe(true);
  });

  it('reports a syntax error at its line and column', () => {
    expect(problems('id: p\nname: [unclosed\nversion: 1\n')[0]).toMatch(/^my-pack\.yaml:\d+:\d+: /);
  });

  it('points a wrong type at the value', () => {
    const text = 'id: p\nname: P\nversion: "1"\ndescription: d\ncontrols:\n  - id: "1.1"\n    title: T\n    insights: 42\n';
    expect(problems(text)).toEqual(['my-pack.yaml:8:15: controls[0].insights: must be array']);
  });

  it('points an unknown field at its key', () => {
    const text = 'id: p\nname: P\nversion: "1"\ndescription: d\ncontrols: []\ncontrolz: []\n';
    expect(problems(text)).toEqual(["my-pack.yaml:6:1: controlz: unknown field 'controlz'"]);
  });

  it('points a missing field at the object that lacks it', () => {
    const text = 'id: p\nname: P\nversion: "1"\ndescription: d\ncontrols:\n  - id: "1.1"\n';
    expect(problems(text)).toEqual(["my-pack.yaml:6:5: controls[0]: missing required field 'title'"]);
  });

  it('reports every problem, not only the first', () => {
    const text = 'id: Bad Id\nname: P\nversion: "1"\ndescription: d\ncontrols:\n  - title: T\n';
    const found = problems(text);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^my-pack\.yaml:1:5: id: must match pattern/);
    expect(found[1]).toMatch(/^my-pack\.yaml:6:5: controls\[0\]: missing required field 'id'/);
  });

  it('rejects duplicate keys', () => {
    expect(problems('id: p\nid: q\nname: P\nversion: "1"\ndescription: d\ncontrols: []\n')[0]).toMatch(/^my-pack\.yaml:2:1: .*[Uu]nique/);
  });
});

describe('YAML aliases', () => {
  const refusals = (text: string) => {
    const result = parseYaml(text, 'doc.yaml', Type.Unknown());
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('loads 101 accounts that share one params block', () => {
    const result = parseYaml(sharedParamsConfig(101), 'vigil.yaml', VigilConfig);
    expect(result.ok && result.value.value.accounts?.map((account) => [account.id, account.params])).toEqual(
      Array.from({ length: 101 }, (_, index) => [accountId(index), { 'kms-key-rotation': { maxRotationPeriodDays: 400 } }]),
    );
  });

  it('refuses a billion-laughs document at the alias that takes it past the bound', () => {
    const bomb = billionLaughs();
    expect(refusals(bomb.text)).toEqual([
      `doc.yaml:${bomb.line}:${bomb.column}: alias *a4 would expand the document to more than 1,000,000 nodes, the most a file of 121 nodes may expand to (an alias bomb?)`,
    ]);
  });

  it('allows exactly the bound and refuses one node more', () => {
    // Besides the aliases: the root, 3 keys, 3 sequences, 999 block and 994 padding scalars (2,000
    // nodes); 998 aliases of the 1,000-node block bring it to exactly 1,000,000.
    const document = (padding: number) =>
      `block: &b [${Array(999).fill('x').join(',')}]\npadding: [${Array(padding).fill('y').join(',')}]\nuses: [${Array(998).fill('*b').join(',')}]\n`;
    expect(MIN_EXPANDED_NODES).toBe(1_000_000);
    expect(refusals(document(994))).toEqual([]);
    // One padding node more, and the last alias is over the bound.
    expect(refusals(document(995))).toEqual([
      `doc.yaml:3:${'uses: ['.length + 997 * '*b,'.length + 1}: alias *b would expand the document to more than 1,000,000 nodes, the most a file of 2,999 nodes may expand to (an alias bomb?)`,
    ]);
  });

  it('lets a larger file expand to a hundred times its written nodes', () => {
    // 15,406 written nodes (15,006 besides the aliases) and a 5,000-node block: 250 uses (1.27
    // million nodes) are within 100 × the file; with 400, the 306th use goes past 1,540,600.
    const document = (uses: number) =>
      `block: &b [${Array(4_999).fill('x').join(',')}]\npadding: [${Array(10_000).fill('y').join(',')}]\nuses: [${Array(uses).fill('*b').join(',')}]\n`;
    expect(refusals(document(250))).toEqual([]);
    expect(refusals(document(400))).toEqual([
      `doc.yaml:3:${'uses: ['.length + 305 * '*b,'.length + 1}: alias *b would expand the document to more than 1,540,600 nodes, the most a file of 15,406 nodes may expand to (an alias bomb?)`,
    ]);
  });

  it('refuses an alias without an anchor before it, and a cycle, at the alias', () => {
    expect(refusals('a: *nope\n')).toEqual(['doc.yaml:1:4: alias *nope has no anchor &nope before it']);
    expect(refusals('a: *x\nb: &x 1\n')).toEqual(['doc.yaml:1:4: alias *x has no anchor &x before it']);
    expect(refusals('a: &x\n  b: [1, *x]\n')).toEqual(['doc.yaml:2:10: alias *x is inside the node it refers to (a cycle, which cannot be read)']);
  });

  it('resolves an alias to the latest anchor of that name', () => {
    const result = parseYaml('a: &x 1\nb: *x\nc: &x 2\nd: *x\n', 'doc.yaml', Type.Unknown());
    expect(result.ok && result.value.value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });
});

describe('the one YAML entry point', () => {
  it('is where src/ imports the yaml package, and nowhere else (new loaders use readYamlFile)', () => {
    const src = join(packageRoot(), 'src');
    const importers = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (path) => path.endsWith('.ts') && /from 'yaml'/.test(readFileSync(join(src, path), 'utf8')),
    );
    expect(importers.sort()).toEqual(['input/alias-expansion.ts', 'input/yaml-file.ts']);
  });
});
