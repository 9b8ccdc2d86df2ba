/**
 * A path into a resource (`config.versioning.status`, `tags["cost.center"]`,
 * `config.ingress[*].fromPort`), parsed once into steps and compiled into an accessor that reads
 * every value the path reaches, each with its concrete location (`config.ingress[2].fromPort`)
 * for the evidence.
 *
 * Grammar: a first field name, then any of `.name`, `["any key"]` (a JSON string: for keys with
 * dots, spaces or quotes), `[n]` (one list item) and `[*]` (every item of a list, every value of a
 * mapping). A bare name is any run of characters other than `.`, `[`, `]`, `"`, `*` and whitespace.
 *
 * What the accessor reports for each value the path reaches:
 * - `present`: a value (not null);
 * - `absent`: null, a missing key, an index past the end — anywhere along the path;
 * - `unknown`: an `Unknown` (the collector could not read it) anywhere along the path, located at
 *   the field that holds it; or a shape the path cannot go through (`.name` on a string, `[*]` on a
 *   number), which is undecidable rather than absent.
 * `[*]` over an empty list reaches no value at all; conditions treat that like `absent`.
 */
import { isUnknown } from '../model/unknown.js';
import { formatValue, isPlainObject } from './definition-issue.js';

export type PathStep = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'each' };

export type Endpoint =
  | { readonly state: 'present'; readonly at: string; readonly value: unknown }
  | { readonly state: 'absent'; readonly at: string }
  | {
      readonly state: 'unknown';
      readonly at: string;
      readonly reason: string;
      /** true: the collector could not read it (`$unknown`); false: the data has a shape the path or op cannot handle. */
      readonly unreadable: boolean;
    };

export type Accessor = (root: unknown) => readonly Endpoint[];

export interface CompiledPath {
  /** The path as written. */
  readonly text: string;
  readonly steps: readonly PathStep[];
  readonly read: Accessor;
}

export type PathParse = { readonly ok: true; readonly steps: readonly PathStep[] } | { readonly ok: false; readonly message: string };

const BARE = /[^.[\]"*\s]+/y;
const INDEX = /\[(\*|[0-9]+)\]/y;
const QUOTED = /\["(?:[^"\\]|\\.)*"\]/y;

export function parsePath(text: string): PathParse {
  const steps: PathStep[] = [];
  let position = 0;
  const fail = (expected: string): PathParse => ({
    ok: false,
    message:
      position >= text.length
        ? `path ${formatValue(text)} ends where ${expected} was expected`
        : `path ${formatValue(text)}: expected ${expected} at character ${position + 1} (${formatValue(text[position])})` +
          (text[position] === '*' ? '; write [*] for every item' : ''),
  });
  const sticky = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match === null) return undefined;
    position = pattern.lastIndex;
    return match[0];
  };

  const first = sticky(BARE) ?? sticky(QUOTED);
  if (first === undefined) return fail('a field name');
  steps.push({ kind: 'key', key: first.startsWith('[') ? (JSON.parse(first.slice(1, -1)) as string) : first });
  while (position < text.length) {
    if (text[position] === '.') {
      position += 1;
      const name = sticky(BARE);
      if (name === undefined) return fail('a field name after "."');
      steps.push({ kind: 'key', key: name });
      continue;
    }
    const quoted = sticky(QUOTED);
    if (quoted !== undefined) {
      steps.push({ kind: 'key', key: JSON.parse(quoted.slice(1, -1)) as string });
      continue;
    }
    const index = sticky(INDEX);
    if (index !== undefined) {
      const inner = index.slice(1, -1);
      steps.push(inner === '*' ? { kind: 'each' } : { kind: 'index', index: Number(inner) });
      continue;
    }
    return fail('".name", "[n]", "[*]" or \'["key"]\'');
  }
  return { ok: true, steps };
}

/** The canonical spelling of a path, as concrete locations are reported. */
export function formatPath(steps: readonly PathStep[]): string {
  return steps.map((step, i) => stepLabel(step, i === 0)).join('');
}

function keyLabel(key: string, first: boolean): string {
  if (/^[^.[\]"*\s]+$/.test(key)) return first ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

function stepLabel(step: PathStep, first: boolean): string {
  switch (step.kind) {
    case 'key':
      return keyLabel(step.key, first);
    case 'index':
      return `[${step.index}]`;
    case 'each':
      return '[*]';
  }
}

export function compilePath(text: string): { readonly ok: true; readonly path: CompiledPath } | { readonly ok: false; readonly message: string } {
  const parsed = parsePath(text);
  if (!parsed.ok) return parsed;
  return { ok: true, path: { text, steps: parsed.steps, read: compileAccessor(parsed.steps) } };
}

/**
 * The accessor walks the pre-parsed steps; labels are computed here, once, so reading a resource
 * only concatenates them.
 */
export function compileAccessor(steps: readonly PathStep[]): Accessor {
  const labels = steps.map((step, i) => stepLabel(step, i === 0));
  /** The rest of the path from step i, to locate an absent value reached early (`config.logging.targetBucket`). */
  const rests = steps.map((_, i) => labels.slice(i).join(''));

  function visit(value: unknown, at: string, i: number, out: Endpoint[]): void {
    if (isUnknown(value)) {
      out.push({ state: 'unknown', at, reason: value.$unknown, unreadable: true });
      return;
    }
    if (value === null || value === undefined) {
      out.push({ state: 'absent', at: at + (rests[i] ?? '') });
      return;
    }
    const step = steps[i];
    if (step === undefined) {
      out.push({ state: 'present', at, value });
      return;
    }
    const next = (child: unknown, label: string): void => visit(child, at + label, i + 1, out);
    switch (step.kind) {
      case 'key':
        if (isPlainObject(value)) return next(Object.hasOwn(value, step.key) ? value[step.key] : undefined, labels[i] ?? '');
        return mismatch(value, at, `so it has no field ${formatValue(step.key)}`, out);
      case 'index':
        if (Array.isArray(value)) return next(value[step.index], labels[i] ?? '');
        return mismatch(value, at, `so it has no item ${step.index}`, out);
      case 'each':
        if (Array.isArray(value)) {
          value.forEach((item, index) => next(item, `[${index}]`));
          return;
        }
        if (isPlainObject(value)) {
          for (const [key, child] of Object.entries(value)) next(child, keyLabel(key, false));
          return;
        }
        return mismatch(value, at, 'so [*] has nothing to go through', out);
    }
  }

  return (root) => {
    const out: Endpoint[] = [];
    visit(root, '', 0, out);
    return out;
  };
}

function mismatch(value: unknown, at: string, consequence: string, out: Endpoint[]): void {
  out.push({ state: 'unknown', at, reason: `is ${describeValue(value)}, ${consequence}`, unreadable: false });
}

/** `a string ("Enabled")`, `a list`: what a value is, for messages. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'string') return `a string (${formatValue(value, 40)})`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} (${String(value)})`;
  return String(value);
}
