/**
 * Turns ajv's errors into one readable message per offending field: the deepest errors win
 * (a failed union also reports each branch at the parent), and `additionalProperties` errors
 * point at the unknown key itself.
 */
import type { ErrorObject } from 'ajv';

export interface FieldError {
  /** Path into the document: keys and array indexes. */
  readonly path: readonly (string | number)[];
  /** Whether the error is about the key at `path` (unknown key) rather than its value. */
  readonly atKey: boolean;
  readonly message: string;
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

export function displayPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`), '');
}

function describe(error: ErrorObject): { path: (string | number)[]; atKey: boolean; message: string } {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      return { path: [...path, key], atKey: true, message: `unknown field '${key}'` };
    }
    case 'required':
      return { path, atKey: false, message: `missing required field '${String(params['missingProperty'])}'` };
    case 'enum':
      return { path, atKey: false, message: `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, atKey: false, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    default:
      return { path, atKey: false, message: error.message ?? error.keyword };
  }
}

export function fieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const described = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if').map(describe);
  const key = (p: readonly (string | number)[]) => p.map(String).join('\u0000');
  // Keep the deepest: drop an error when another one lies strictly below its path.
  const deepest = described.filter(
    (candidate) =>
      !described.some((other) => other.path.length > candidate.path.length && key(other.path.slice(0, candidate.path.length)) === key(candidate.path)),
  );
  // Several errors at one path (the branches of a union): one message listing the alternatives.
  const byPath = new Map<string, FieldError>();
  for (const error of deepest) {
    const k = `${key(error.path)}\u0001${error.atKey}`;
    const existing = byPath.get(k);
    if (existing === undefined) byPath.set(k, error);
    else if (!existing.message.includes(error.message)) byPath.set(k, { ...existing, message: `${existing.message} or ${error.message}` });
  }
  return [...byPath.values()];
}
