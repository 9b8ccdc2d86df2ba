/** The YAML files in a folder, sorted: a user's folder of packs or insights (not a registry). */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function yamlFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}
