/**
 * Keeps insights, registry, tests, docs, schemas and packs in step (after ESLint's parity checks):
 * an insight file nobody registered, an insight without tests or docs, a pack naming an unknown
 * insight, or a stale published schema fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../insights/index.js';
import { generatedFiles } from '../src/build/generate.js';
import { packageRoot } from '../src/package-root.js';

const root = packageRoot();
const insightFiles = readdirSync(join(root, 'insights'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(root, 'insights', dir.name))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => ({ service: dir.name, id: name.replace(/\.ts$/, ''), path: join(root, 'insights', dir.name, name) })),
  );

describe('insight registry', () => {
  it('is sorted by id, with unique ids', () => {
    const ids = builtinInsights.map((insight) => insight.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every insight file, under the id its file is named after', async () => {
    for (const file of insightFiles) {
      const module = (await import(pathToFileURL(file.path).href)) as { default: (typeof builtinInsights)[number] };
      expect(module.default.id, file.path).toBe(file.id);
      expect(builtinInsights, `${file.id} is not in insights/index.ts`).toContain(module.default);
    }
    expect(insightFiles).toHaveLength(builtinInsights.length);
  });

  it('has a table test for every insight', () => {
    for (const file of insightFiles) {
      const test = join(root, 'test', 'insights', file.service, `${file.id}.test.ts`);
      expect(existsSync(test), `missing ${test}`).toBe(true);
      expect(readFileSync(test, 'utf8')).toMatch(/testInsight\(/);
    }
  });
});

describe('generated files', () => {
  it('docs/insights and schemas/ are up to date (run `npm run generate`)', async () => {
    for (const [path, content] of await generatedFiles()) {
      const file = join(root, path);
      expect(existsSync(file), `missing ${path}: run npm run generate`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${path} is stale: run npm run generate`).toBe(content);
    }
  });
});
