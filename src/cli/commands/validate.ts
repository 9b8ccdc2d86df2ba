/**
 * `vigil validate PATH...`: checks every file a user writes or Vigil reads — packs, custom
 * insights, exemptions, configuration, snapshots — against its schema and its cross-references,
 * and reports every problem as `file:line:column: message`.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Type } from '@sinclair/typebox';
import { insightRegistry } from '../../app/insight-registry.js';
import { loadCustomInsightFiles } from '../../app/load-custom-insights.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { readYamlFile } from '../../input/yaml-file.js';
import { yamlFilesIn } from '../../input/yaml-files.js';
import { loadConfig } from '../../config/load-config.js';
import { loadExemptions } from '../../exemptions/load-exemptions.js';
import { problem, type Problem } from '../../input/problem.js';
import { readSnapshot } from '../../snapshot/snapshot-reader.js';
import { loadPackFiles, resolvePacks, type PackSource } from '../../packs/load-packs.js';
import { shippedPackFiles } from '../../packs/shipped-packs.js';
import { ExitCode } from '../exit-codes.js';
import type { ValidateOptions } from '../options/validate.js';
import { reportProblems, type CliIo } from '../io.js';

export type FileKind = 'pack' | 'insight' | 'exemptions' | 'config' | 'snapshot';

const SNAPSHOT_NAME = /\.(jsonl|ndjson)(\.gz)?$|\.gz$/;

/** Tells what a file is from its name and top-level keys. */
export async function classify(file: string): Promise<{ kind: FileKind } | { problem: Problem }> {
  if (SNAPSHOT_NAME.test(file)) return { kind: 'snapshot' };
  const loaded = await readYamlFile(file, Type.Unknown());
  if (!loaded.ok) {
    // The kind-specific loader reports these problems at their positions; guess from the text.
    const text = await readFile(file, 'utf8').catch(() => '');
    if (/^controls\s*:/m.test(text)) return { kind: 'pack' };
    if (/^exemptions\s*:/m.test(text)) return { kind: 'exemptions' };
    if (/^condition\s*:/m.test(text)) return { kind: 'insight' };
    const [unreadable] = loaded.problems;
    if (text === '' && unreadable !== undefined) return { problem: unreadable };
    return { kind: 'config' };
  }
  const document = loaded.value.value;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { problem: problem(file, 1, 1, 'expected a mapping at the top level (a pack, insight, exemptions or config file)') };
  }
  const keys = new Set(Object.keys(document));
  if (keys.has('controls')) return { kind: 'pack' };
  if (keys.has('exemptions') && keys.size === 1) return { kind: 'exemptions' };
  if (keys.has('condition')) return { kind: 'insight' };
  return { kind: 'config' };
}

async function expand(paths: readonly string[]): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) files.push(...(await yamlFilesIn(path)));
      else files.push(path);
    } catch {
      problems.push(problem(path, 1, 1, 'no such file or folder'));
    }
  }
  return { files, problems };
}

/** `vigil validate --format json`: what was checked and every problem, as one document. */
export interface ValidateOutput {
  valid: boolean;
  files: Record<FileKind, string[]>;
  errors: number;
  warnings: number;
  problems: Problem[];
  /** Problems that have no position (a configuration naming a pack that does not exist). */
  usage: string[];
}

export async function validateCommand(paths: readonly string[], options: ValidateOptions, io: CliIo): Promise<ExitCode> {
  const now = io.now();
  const { files, problems } = await expand(paths);
  const byKind: Record<FileKind, string[]> = { pack: [], insight: [], exemptions: [], config: [], snapshot: [] };
  for (const file of files) {
    const classified = await classify(file);
    if ('problem' in classified) problems.push(classified.problem);
    else byKind[classified.kind].push(file);
  }

  const custom = await loadCustomInsightFiles(byKind.insight);
  if (!custom.ok) problems.push(...custom.problems);
  else problems.push(...custom.warnings);
  const registry = insightRegistry(custom.ok ? custom.value : []);
  problems.push(...registry.problems);

  // A shipped pack named on the command line is checked once, as itself.
  const shipped = shippedPackFiles();
  const extraPacks = byKind.pack.filter((file) => !shipped.includes(resolve(file)));
  // Each pack file is loaded on its own, so that one unreadable file does not hide the
  // cross-reference problems of the others.
  const packSources: PackSource[] = [];
  for (const file of [...shipped, ...extraPacks]) {
    const loaded = await loadPackFiles([file]);
    if (loaded.ok) packSources.push(...loaded.value);
    else problems.push(...loaded.problems);
  }
  const resolved = resolvePacks(packSources, registry.insights);
  if (!resolved.ok) problems.push(...resolved.problems);

  for (const file of byKind.exemptions) {
    const loaded = await loadExemptions(file, new Set(registry.insights.keys()), now);
    problems.push(...(loaded.ok ? loaded.warnings : loaded.problems));
  }

  const usage: string[] = [];
  for (const file of byKind.config) {
    const loaded = await loadConfig(file);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    // The config's own references (packs, insight folders, exemptions) are checked as a scan would.
    const prepared = await prepareScan({ configFile: file, insightDirs: [], now });
    if (!prepared.ok) {
      problems.push(...prepared.problems.filter((p) => !problems.some((q) => q.file === p.file && q.line === p.line && q.message === p.message)));
      usage.push(...prepared.usage.map((message) => `${file}: ${message}`));
    } else problems.push(...prepared.value.warnings);
  }

  for (const file of byKind.snapshot) {
    const read = await readSnapshot(file, () => {});
    if (!read.ok) problems.push(...read.problems);
  }

  const errors = problems.filter((p) => p.severity === 'error').length + usage.length;
  const warnings = problems.length - problems.filter((p) => p.severity === 'error').length;
  if (options.format === 'json') {
    const output: ValidateOutput = { valid: errors === 0, files: byKind, errors, warnings, problems, usage };
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return errors > 0 ? ExitCode.input : ExitCode.ok;
  }
  reportProblems(io, problems, usage);
  if (errors > 0) return ExitCode.input;
  io.stdout.write(
    `${files.length} file${files.length === 1 ? '' : 's'} valid` +
      ` (${
        Object.entries(byKind)
          .filter(([, list]) => list.length > 0)
          .map(([kind, list]) => `${list.length} ${kind}`)
          .join(', ') || 'none'
      })` +
      `${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
  );
  return ExitCode.ok;
}
