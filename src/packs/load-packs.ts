/**
 * Loads pack files and resolves them into the controls to evaluate: inheritance (`extends`,
 * `removeControls`), parameter layering, and the cross-references a schema cannot check (unknown
 * insight ids, a missing base pack, duplicate control ids, invalid parameters) — each problem
 * located in the file that has it.
 */
import type { TObject } from '@sinclair/typebox';
import { resolveParams } from '../schemas/resolve-params.js';
import { displayPath, fieldErrors } from '../input/ajv-messages.js';
import { readYamlFile, type SourceMap } from '../input/yaml-file.js';
import type { Loaded, Problem } from '../input/problem.js';
import { PackFile, type PackControl } from './pack-schema.js';

export interface PackSource {
  readonly file: string;
  readonly pack: PackFile;
  readonly source: SourceMap;
}

export interface ResolvedControl {
  readonly id: string;
  readonly title: string;
  readonly section?: string;
  readonly profile?: string;
  readonly previousIds?: Readonly<Record<string, string>>;
  readonly insights: readonly string[];
  /** The audit procedure when no insight decides the control. */
  readonly manual?: string;
  /** What the insights leave unchecked, when they decide the control only in part. */
  readonly partial?: string;
}

/** What resolving a pack needs of an insight it names: the schema of its parameters. */
export interface PackInsight {
  readonly params: TObject;
}

export interface ResolvedPack {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly file: string;
  readonly controls: readonly ResolvedControl[];
  /** insight id → parameter overrides (inherited, then own). */
  readonly params: Readonly<Record<string, Record<string, unknown>>>;
}

export async function loadPackFiles(files: readonly string[]): Promise<Loaded<PackSource[]>> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const packs: PackSource[] = [];
  for (const file of files) {
    const loaded = await readYamlFile(file, PackFile);
    if (!loaded.ok) problems.push(...loaded.problems);
    else {
      warnings.push(...loaded.warnings);
      packs.push({ file, pack: loaded.value.value, source: loaded.value.source });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: packs, warnings };
}

export function resolvePacks(sources: readonly PackSource[], insights: ReadonlyMap<string, PackInsight>): Loaded<ResolvedPack[]> {
  const problems: Problem[] = [];
  const byId = new Map<string, PackSource>();
  for (const source of sources) {
    const existing = byId.get(source.pack.id);
    if (existing !== undefined) {
      problems.push(source.source.problemAt(['id'], `id: pack '${source.pack.id}' is also defined in ${existing.file}`));
      continue;
    }
    byId.set(source.pack.id, source);
  }
  for (const source of byId.values()) problems.push(...checkOwnContent(source, insights));

  const resolved = new Map<string, ResolvedPack>();
  const resolve = (source: PackSource, chain: readonly string[]): ResolvedPack | undefined => {
    const done = resolved.get(source.pack.id);
    if (done !== undefined) return done;
    const { pack } = source;
    const controls = new Map<string, ResolvedControl>();
    const params: Record<string, Record<string, unknown>> = {};
    let broken = false;
    (pack.extends ?? []).forEach((baseId, index) => {
      const base = byId.get(baseId);
      if (base === undefined) {
        problems.push(source.source.problemAt(['extends', index], `extends[${index}]: no pack with id '${baseId}'`));
        broken = true;
        return;
      }
      if (chain.includes(baseId)) {
        problems.push(
          source.source.problemAt(['extends', index], `extends[${index}]: '${baseId}' extends '${pack.id}' in turn (${[...chain, baseId].join(' → ')})`),
        );
        broken = true;
        return;
      }
      const resolvedBase = resolve(base, [...chain, baseId]);
      if (resolvedBase === undefined) {
        broken = true;
        return;
      }
      for (const control of resolvedBase.controls) controls.set(control.id, control);
      for (const [insightId, values] of Object.entries(resolvedBase.params)) params[insightId] = { ...params[insightId], ...values };
    });
    if (broken) return undefined;
    (pack.removeControls ?? []).forEach((controlId, index) => {
      if (!controls.delete(controlId)) {
        problems.push(source.source.problemAt(['removeControls', index], `removeControls[${index}]: no inherited control '${controlId}'`));
      }
    });
    for (const control of pack.controls) controls.set(control.id, toResolved(control));
    for (const [insightId, values] of Object.entries(pack.params ?? {})) params[insightId] = { ...params[insightId], ...values };
    const result: ResolvedPack = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      description: pack.description,
      file: source.file,
      controls: [...controls.values()],
      params,
    };
    resolved.set(pack.id, result);
    return result;
  };
  for (const source of byId.values()) resolve(source, [source.pack.id]);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: [...byId.keys()].map((id) => resolved.get(id)).filter((p): p is ResolvedPack => p !== undefined), warnings: [] };
}

function toResolved(control: PackControl): ResolvedControl {
  const insights = control.insights ?? [];
  return {
    id: control.id,
    title: control.title,
    ...(control.section !== undefined && { section: control.section }),
    ...(control.profile !== undefined && { profile: control.profile }),
    ...(control.previousIds !== undefined && { previousIds: control.previousIds }),
    insights,
    ...(insights.length === 0 && { manual: control.manual ?? 'No automated insight decides this control: review it by hand.' }),
    ...(insights.length > 0 && control.partial !== undefined && { partial: control.partial }),
  };
}

/** Problems inside one pack file: duplicate controls, unknown insights, invalid params. */
function checkOwnContent(source: PackSource, insights: ReadonlyMap<string, PackInsight>): Problem[] {
  const problems: Problem[] = [];
  const { pack } = source;
  const firstIndex = new Map<string, number>();
  pack.controls.forEach((control, index) => {
    const first = firstIndex.get(control.id);
    if (first !== undefined) {
      problems.push(
        source.source.problemAt(['controls', index, 'id'], `controls[${index}].id: duplicate control id '${control.id}' (also controls[${first}])`),
      );
    } else firstIndex.set(control.id, index);
    (control.insights ?? []).forEach((insightId, i) => {
      if (!insights.has(insightId)) {
        problems.push(source.source.problemAt(['controls', index, 'insights', i], `controls[${index}].insights[${i}]: unknown insight '${insightId}'`));
      }
    });
  });
  for (const [insightId, values] of Object.entries(pack.params ?? {})) {
    const insight = insights.get(insightId);
    if (insight === undefined) {
      problems.push(source.source.problemAt(['params', insightId], `params: unknown insight '${insightId}'`, 'error', true));
      continue;
    }
    const result = resolveParams(insight, values);
    if (!result.ok) {
      for (const error of fieldErrors(result.errors)) {
        const path = ['params', insightId, ...error.path];
        problems.push(source.source.problemAt(path, `${displayPath(path)}: ${error.message}`, 'error', error.atKey));
      }
    }
  }
  return problems;
}
