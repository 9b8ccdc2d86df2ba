/**
 * Reads a findings file (`vigil scan --format json`). JSON.parse and the schema first; only a file
 * that fails them is read again through the YAML reader, whose problems name the line and field.
 */
import { readFile } from 'node:fs/promises';
import { ScanOutput } from '../src/findings/scan-output.js';
import { problem, type Problem } from '../src/input/problem.js';
import { readYamlFile } from '../src/input/yaml-file.js';
import { validatorFor } from '../src/schemas/ajv.js';

export async function readFindingsFile(file: string): Promise<{ ok: true; output: ScanOutput } | { ok: false; problems: readonly Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [problem(file, 1, 1, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (validatorFor(ScanOutput)(value)) return { ok: true, output: value };
  const located = await readYamlFile(file, ScanOutput);
  if (!located.ok) return { ok: false, problems: located.problems };
  return { ok: true, output: located.value.value };
}
