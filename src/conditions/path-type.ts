/**
 * What a path can hold, read from the resource type's schema at compile time, so that a typo
 * (`config.directInternetAcess`) or a comparison that can never hold (`gt` on a string, `eq
 * "true"` on a boolean, `eq Disable` where the field is `Enabled | Disabled`) is a compile error
 * rather than a condition that silently never matches.
 *
 * It walks plain JSON Schema keywords (properties, patternProperties, items, anyOf, const, type),
 * so it follows whatever the model declares. `Unknown` members (`MaybeSchema`) are skipped: an
 * unreadable value is a runtime matter. A schema that does not constrain its content (a policy
 * document's statements) makes the rest of the path untyped: anything goes from there.
 */
import { resourceSchema } from '../model/resource.js';
import type { ResourceType } from '../model/resource-types.js';
import { formatPath, type PathStep } from './compile-path.js';
import { formatValue, isPlainObject } from './definition-issue.js';

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export interface PathType {
  /** The kinds of value the path can hold; undefined when the schema does not say (anything goes). */
  readonly kinds: ReadonlySet<ValueKind> | undefined;
  /** When every string the path can hold is one of these literals (an enum field). */
  readonly literals: ReadonlySet<string> | undefined;
}

export type PathTyping = { readonly ok: true; readonly type: PathType } | { readonly ok: false; readonly message: string };

type Schema = Readonly<Record<string, unknown>>;

const ANY: Schema = {};

const envelopes = new Map<ResourceType, Schema>();

function envelopeOf(resourceType: ResourceType): Schema {
  let schema = envelopes.get(resourceType);
  if (schema === undefined) {
    schema = resourceSchema(resourceType);
    envelopes.set(resourceType, schema);
  }
  return schema;
}

export function typePath(resourceType: ResourceType, steps: readonly PathStep[]): PathTyping {
  let current: Schema[] = [envelopeOf(resourceType)];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as PathStep;
    const members = current.flatMap(membersOf);
    const next = members.flatMap((member) => childrenOf(member, step));
    if (next.length === 0) return { ok: false, message: cannotStep(members, step, steps.slice(0, i), resourceType) };
    current = next;
  }
  return { ok: true, type: describe(current.flatMap(membersOf)) };
}

/** The alternatives of a schema, unions flattened, `Unknown` markers dropped. */
function membersOf(schema: Schema): Schema[] {
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf)) return (anyOf as Schema[]).flatMap(membersOf);
  const properties = schema['properties'];
  if (isPlainObject(properties) && '$unknown' in properties) return [];
  return [schema];
}

function isUnconstrained(schema: Schema): boolean {
  return !('type' in schema) && !('const' in schema) && !('anyOf' in schema);
}

function kindOf(schema: Schema): ValueKind | undefined {
  if ('const' in schema) return jsonKind(schema['const']);
  const type = schema['type'];
  if (type === 'integer') return 'number';
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'null' || type === 'array' || type === 'object') return type;
  return undefined;
}

export function jsonKind(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

function mapValues(schema: Schema): Schema[] {
  const out: Schema[] = [];
  const properties = schema['properties'];
  if (isPlainObject(properties)) out.push(...(Object.values(properties) as Schema[]));
  const patterns = schema['patternProperties'];
  if (isPlainObject(patterns)) out.push(...(Object.values(patterns) as Schema[]));
  const additional = schema['additionalProperties'];
  if (isPlainObject(additional)) out.push(additional);
  return out;
}

function childrenOf(schema: Schema, step: PathStep): Schema[] {
  if (isUnconstrained(schema)) return [ANY];
  const kind = kindOf(schema);
  if (step.kind === 'key') {
    if (kind !== 'object') return [];
    const properties = schema['properties'];
    if (isPlainObject(properties) && Object.hasOwn(properties, step.key)) return [properties[step.key] as Schema];
    const patterns = schema['patternProperties'];
    if (isPlainObject(patterns)) {
      const matching = Object.entries(patterns).filter(([pattern]) => new RegExp(pattern, 'u').test(step.key));
      if (matching.length > 0) return matching.map(([, child]) => child as Schema);
    }
    const additional = schema['additionalProperties'];
    return isPlainObject(additional) ? [additional] : [];
  }
  if (kind === 'array') {
    const items = schema['items'];
    return isPlainObject(items) ? [items] : [ANY];
  }
  if (kind === 'object' && step.kind === 'each') return mapValues(schema);
  return [];
}

function describe(members: readonly Schema[]): PathType {
  if (members.some(isUnconstrained)) return { kinds: undefined, literals: undefined };
  const kinds = new Set<ValueKind>();
  const literals = new Set<string>();
  let openStrings = false;
  for (const member of members) {
    const kind = kindOf(member);
    if (kind === undefined) return { kinds: undefined, literals: undefined };
    kinds.add(kind);
    if (kind !== 'string') continue;
    const value = member['const'];
    if (typeof value === 'string') literals.add(value);
    else openStrings = true;
  }
  return { kinds, literals: kinds.has('string') && !openStrings ? literals : undefined };
}

const kindWords: Readonly<Record<ValueKind, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  array: 'a list',
  object: 'a mapping',
};

/** `a string or null`: the kinds a path can hold, for messages. */
export function describeKinds(kinds: ReadonlySet<ValueKind>): string {
  const words = [...kinds].map((kind) => kindWords[kind]);
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

function cannotStep(members: readonly Schema[], step: PathStep, before: readonly PathStep[], resourceType: ResourceType): string {
  const where = before.length === 0 ? `an ${resourceType} resource` : formatPath(before);
  const kinds = new Set(members.map(kindOf).filter((kind): kind is ValueKind => kind !== undefined));
  if (step.kind === 'key') {
    if (kinds.has('object')) {
      const fields = members.flatMap((member) => {
        const properties = member['properties'];
        return isPlainObject(properties) ? Object.keys(properties) : [];
      });
      return `${where} has no field ${formatValue(step.key)}; its fields are: ${[...new Set(fields)].join(', ')}`;
    }
    if (kinds.has('array')) return `${where} is a list; write ${formatPath([...before, { kind: 'each' }, step])} to look into its items`;
    return `${where} is ${describeKinds(kinds)}, so it has no field ${formatValue(step.key)}`;
  }
  return `${where} is ${describeKinds(kinds)}, not a list${step.kind === 'each' ? ' or a mapping' : ''}`;
}
