/**
 * Loads a YAML (or JSON) file a user wrote and validates it against its schema, reporting every
 * problem at `file:line:column` — the `yaml` package keeps source positions, which ajv's error
 * paths are mapped onto. It is the one way Vigil reads YAML: config, packs, insights, exemptions,
 * and any new kind of file (bots) use `readYamlFile`, which also bounds aliases (alias-expansion.ts).
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Static, TSchema } from '@sinclair/typebox';
import { validatorFor } from '../schemas/ajv.js';
import { refusedAlias } from './alias-expansion.js';
import { displayPath, fieldErrors } from './ajv-messages.js';
import { problem, type Loaded, type Problem } from './problem.js';

export interface SourceMap {
  readonly file: string;
  /** The position of the value (or, with `atKey`, the key) at a path; the nearest existing ancestor otherwise. */
  locate(path: readonly (string | number)[], atKey?: boolean): { line: number; column: number };
  problemAt(path: readonly (string | number)[], message: string, severity?: Problem['severity'], atKey?: boolean): Problem;
}

export interface YamlLoaded<T> {
  readonly value: T;
  readonly source: SourceMap;
}

export async function readYamlFile<T extends TSchema>(file: string, schema: T): Promise<Loaded<YamlLoaded<Static<T>>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [problem(file, 1, 1, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)] };
  }
  return parseYaml(text, file, schema);
}

export function parseYaml<T extends TSchema>(text: string, file: string, schema: T): Loaded<YamlLoaded<Static<T>>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source = sourceMap(file, doc, lineCounter);
  const syntax = [...doc.errors, ...doc.warnings].map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return problem(file, pos.line, pos.col, error.message.split('\n')[0] ?? error.message, doc.errors.includes(error) ? 'error' : 'warning');
  });
  if (doc.errors.length > 0) return { ok: false, problems: syntax };
  const refusal = refusedAlias(doc);
  if (refusal !== undefined) {
    const pos = lineCounter.linePos(refusal.alias.range?.[0] ?? 0);
    return { ok: false, problems: [...syntax, problem(file, pos.line, pos.col, refusal.message)] };
  }
  // The expansion is bounded above, by the size of the document rather than a fixed alias count.
  const value: unknown = doc.toJS({ maxAliasCount: -1 });
  const validate = validatorFor(schema);
  if (!validate(value)) {
    const problems = fieldErrors(validate.errors ?? []).map((error) =>
      source.problemAt(error.path, `${displayPath(error.path)}: ${error.message}`, 'error', error.atKey),
    );
    return { ok: false, problems: [...syntax, ...problems] };
  }
  return { ok: true, value: { value: value, source }, warnings: syntax };
}

function sourceMap(file: string, doc: Document, lineCounter: LineCounter): SourceMap {
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate = (path: readonly (string | number)[], atKey = false) => {
    let node: unknown = doc.contents;
    let best = node as Node | null;
    let keyNode: Node | undefined;
    for (const part of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((item: Pair) => (isScalar(item.key) ? item.key.value : item.key) === part);
        if (pair === undefined) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
        if (node === undefined) break;
      } else break;
      if (node !== null && node !== undefined) best = node as Node;
    }
    const target = atKey && keyNode?.range ? keyNode : best;
    return target?.range ? position(target.range[0]) : { line: 1, column: 1 };
  };
  return {
    file,
    locate,
    problemAt(path, message, severity = 'error', atKey = false) {
      const { line, column } = locate(path, atKey);
      return problem(file, line, column, message, severity);
    },
  };
}
