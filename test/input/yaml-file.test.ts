import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/input/yaml-file.js';
import { formatProblem } from '../../src/input/problem.js';
import { PackFile } from '../../src/packs/pack-schema.js';

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
