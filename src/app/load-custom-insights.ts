/** Loads users' custom YAML insights (folders or files), each problem at `file:line:column`. */
import { Type } from '@sinclair/typebox';
import { compileCustomInsight } from '../custom/compile-custom-insight.js';
import type { Insight } from '../engine/define-insight.js';
import { displayPath } from '../input/ajv-messages.js';
import type { Loaded, Problem } from '../input/problem.js';
import { readYamlFile } from '../input/yaml-file.js';
import { yamlFilesIn } from '../input/yaml-files.js';

export async function loadCustomInsightFiles(files: readonly string[]): Promise<Loaded<Insight[]>> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const insights: Insight[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    // Parsed without a schema here: the compiler validates and reports paths we then locate.
    const loaded = await readYamlFile(file, Type.Unknown());
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    warnings.push(...loaded.warnings);
    const { value, source } = loaded.value;
    const compiled = compileCustomInsight(value, { file });
    if (!compiled.ok) {
      for (const issue of compiled.issues) {
        problems.push(source.problemAt(issue.path, `${displayPath(issue.path)}: ${issue.message}`, 'error', issue.atKey ?? false));
      }
      continue;
    }
    const first = seen.get(compiled.value.id);
    if (first !== undefined) {
      problems.push(source.problemAt(['id'], `id: '${compiled.value.id}' is also the id of the custom insight in ${first}`));
      continue;
    }
    seen.set(compiled.value.id, file);
    insights.push(compiled.value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: insights, warnings };
}

export async function loadCustomInsights(dirs: readonly string[]): Promise<Loaded<Insight[]>> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const dir of dirs) {
    try {
      files.push(...(await yamlFilesIn(dir)));
    } catch (error) {
      problems.push({
        file: dir,
        line: 1,
        column: 1,
        severity: 'error',
        message: `cannot read insight folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
    }
  }
  const loaded = await loadCustomInsightFiles(files);
  if (problems.length > 0) return { ok: false, problems: [...problems, ...(loaded.ok ? [] : loaded.problems)] };
  return loaded;
}
