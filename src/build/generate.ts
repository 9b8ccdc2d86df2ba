/**
 * `npm run generate`: writes what is derived from the code — `schemas/*.json`,
 * `docs/insights/*.md` and the snapshot's resource validators. Tests fail when the committed files
 * differ from what this produces.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinInsights } from '../../insights/index.js';
import { insightRegistry } from '../app/insight-registry.js';
import { loadPackFiles, resolvePacks } from '../packs/load-packs.js';
import { shippedPackFiles } from '../packs/shipped-packs.js';
import { packageRoot } from '../package-root.js';
import { insightDoc } from './insight-doc.js';
import { publishedSchemas } from './published-schemas.js';
import { RESOURCE_VALIDATORS_PATH, resourceValidatorsModule } from './validator-code.js';

export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(publishedSchemas())) {
    files.set(join('schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
  }
  const sources = await loadPackFiles(shippedPackFiles());
  if (!sources.ok) throw new Error(`shipped packs are invalid: ${JSON.stringify(sources.problems)}`);
  const packs = resolvePacks(sources.value, insightRegistry([]).insights);
  if (!packs.ok) throw new Error(`shipped packs are invalid: ${JSON.stringify(packs.problems)}`);
  for (const insight of builtinInsights) files.set(insight.docsPath, insightDoc(insight, packs.value));
  files.set(RESOURCE_VALIDATORS_PATH, resourceValidatorsModule());
  return files;
}

async function main(): Promise<void> {
  const root = packageRoot();
  for (const [path, content] of await generatedFiles()) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
