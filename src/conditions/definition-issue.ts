/**
 * Mistakes in a user-written definition (a custom insight, a condition), as data: each issue
 * points into the parsed document by its path (`['condition', 'all', 1, 'value']`), so the loader,
 * which knows where each node sits in the YAML text, can report `file:line:column`.
 */
import type { ErrorObject } from 'ajv';

/** Keys and array indices from the document root to the node an issue is about. */
export type DocumentPath = readonly (string | number)[];

export interface DefinitionIssue {
  readonly path: DocumentPath;
  readonly message: string;
  /** The issue is about the key at `path` itself (an unknown key), not its value: locate the key. */
  readonly atKey?: boolean;
}

export type CompileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly DefinitionIssue[] };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"Enabled"`, `42`, `["a", "b"]`: a value as the user would recognise it in a message. */
export function formatValue(value: unknown, maxLength = 80): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * Turns ajv errors into issues a person can act on. ajv reports a failed union of literals (an
 * enum written as TypeBox `Union(Literal…)`) as one error per member; those are merged into
 * "must be one of: …". Errors are located relative to `base`, the path of `data` in the document.
 */
export function issuesFromAjv(errors: readonly ErrorObject[], data: unknown, base: DocumentPath = []): DefinitionIssue[] {
  const groups = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const group = groups.get(error.instancePath);
    if (group === undefined) groups.set(error.instancePath, [error]);
    else group.push(error);
  }
  const issues: DefinitionIssue[] = [];
  for (const [instancePath, group] of groups) {
    const path = [...base, ...documentPath(instancePath, data)];
    if (group.some((e) => e.keyword === 'anyOf')) {
      const allowed = group.filter((e) => e.keyword === 'const').map((e) => (e.params as { allowedValue: unknown }).allowedValue);
      const types = group.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: unknown }).type));
      if (allowed.length > 0) {
        issues.push({ path, message: `must be one of: ${allowed.map((v) => formatValue(v)).join(', ')}` });
        continue;
      }
      if (types.length > 0) {
        issues.push({ path, message: `must be ${typeList([...new Set(types)])}` });
        continue;
      }
    }
    for (const error of group) {
      if (error.keyword === 'anyOf') continue;
      issues.push(issueFromError(error, path));
    }
  }
  return issues;
}

function issueFromError(error: ErrorObject, path: DocumentPath): DefinitionIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `missing required field '${String(params['missingProperty'])}'` };
    case 'additionalProperties':
      return { path: [...path, String(params['additionalProperty'])], message: `unknown field '${String(params['additionalProperty'])}'`, atKey: true };
    case 'type':
      return { path, message: `must be ${typeList([String(params['type'])])}` };
    case 'enum':
      return { path, message: `must be one of: ${(params['allowedValues'] as unknown[]).map((v) => formatValue(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${formatValue(params['allowedValue'])}` };
    case 'minLength':
      return { path, message: params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters long` };
    case 'minItems':
      return { path, message: params['limit'] === 1 ? 'must not be an empty list' : `must have at least ${String(params['limit'])} items` };
    case 'minProperties':
      return { path, message: 'must not be empty' };
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

const articles: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  array: 'a list',
  object: 'a mapping',
  null: 'null',
};

function typeList(types: readonly string[]): string {
  const words = types.flatMap((t) => t.split(',')).map((t) => articles[t] ?? t);
  return words.length <= 1 ? (words[0] ?? 'valid') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** Issues in the order their nodes appear in the document (keys in written order), stable within a node. */
export function inDocumentOrder(issues: readonly DefinitionIssue[], document: unknown): DefinitionIssue[] {
  const rank = (path: DocumentPath): number[] => {
    const ranks: number[] = [];
    let node = document;
    for (const part of path) {
      if (Array.isArray(node) && typeof part === 'number') {
        ranks.push(part);
        node = node[part];
      } else if (isPlainObject(node)) {
        const index = Object.keys(node).indexOf(String(part));
        ranks.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
        node = node[String(part)];
      } else {
        ranks.push(Number.MAX_SAFE_INTEGER);
        node = undefined;
      }
    }
    return ranks;
  };
  const compare = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const difference = (a[i] ?? 0) - (b[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.length - b.length;
  };
  return issues
    .map((issue) => ({ issue, rank: rank(issue.path) }))
    .sort((a, b) => compare(a.rank, b.rank))
    .map(({ issue }) => issue);
}

/** `/condition/all/1` → `['condition', 'all', 1]`, indices as numbers where the data holds a list. */
function documentPath(instancePath: string, data: unknown): (string | number)[] {
  if (instancePath === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index];
    } else {
      path.push(key);
      node = isPlainObject(node) ? node[key] : undefined;
    }
  }
  return path;
}
