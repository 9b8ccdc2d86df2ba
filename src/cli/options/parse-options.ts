/**
 * Command-line options checked at the boundary: commander hands over untyped values (strings, or
 * what a repeatable option collected); each command declares the TypeBox schema of its options,
 * and only values that fit it — numbers parsed, defaults filled — reach the command. An option
 * given where it does not apply is an error naming it, never silently ignored.
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../../schemas/ajv.js';

export interface CommandOptions<T extends TObject> {
  /** The options' schema: types, ranges, defaults (applied here, not by commander). */
  readonly schema: T;
  /** Options that apply only with another: `{ keepSnapshot: 'live' }` refuses --keep-snapshot without --live. */
  readonly onlyWith?: Readonly<Partial<Record<keyof Static<T> & string, keyof Static<T> & string>>>;
  /** Options that cannot be given together with another. */
  readonly notWith?: Readonly<Partial<Record<keyof Static<T> & string, keyof Static<T> & string>>>;
}

export type ParsedOptions<T> = { ok: true; value: T } | { ok: false; errors: readonly string[] };

// Coercion turns the strings commander passes into the schema's numbers and booleans. Made on the first parse, not at import.
let ajv: Ajv | undefined;
const compiled = new WeakMap<TObject, ValidateFunction>();

/** `keepSnapshot` → `--keep-snapshot`. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** Whether the user gave the option (commander leaves out those not given: no defaults there). */
function given(raw: Readonly<Record<string, unknown>>, key: string): boolean {
  const value = raw[key];
  return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

export function parseOptions<T extends TObject>(command: string, spec: CommandOptions<T>, raw: Readonly<Record<string, unknown>>): ParsedOptions<Static<T>> {
  const errors: string[] = [];
  for (const [option, required] of Object.entries(spec.onlyWith ?? {}) as [string, string][]) {
    if (given(raw, option) && !given(raw, required)) errors.push(`${command}: ${flagOf(option)} applies only with ${flagOf(required)}`);
  }
  for (const [option, other] of Object.entries(spec.notWith ?? {}) as [string, string][]) {
    if (given(raw, option) && given(raw, other)) errors.push(`${command}: ${flagOf(option)} does not apply with ${flagOf(other)}`);
  }
  let validate = compiled.get(spec.schema);
  if (validate === undefined) {
    ajv ??= createAjv({ useDefaults: true, coerceTypes: true });
    validate = ajv.compile(spec.schema);
    compiled.set(spec.schema, validate);
  }
  // A copy: ajv fills defaults and coerces in place.
  const value: Record<string, unknown> = { ...raw };
  if (!validate(value)) errors.push(...oneErrorPerValue(validate.errors ?? []).map((error) => `${command}: ${messageOf(error, raw)}`));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * A value that fits none of a union's choices fails each choice and then the union: one error
 * naming the choices instead of one per choice.
 */
function oneErrorPerValue(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  const choices = new Map<string, unknown[]>();
  for (const error of errors) {
    if (!unions.has(error.instancePath) || error.keyword !== 'const') continue;
    choices.set(error.instancePath, [...(choices.get(error.instancePath) ?? []), (error.params as { allowedValue?: unknown }).allowedValue]);
  }
  return errors
    .filter((error) => !unions.has(error.instancePath) || error.keyword === 'anyOf')
    .map((error) => {
      const allowed = choices.get(error.instancePath);
      return error.keyword === 'anyOf' && allowed !== undefined
        ? { ...error, keyword: 'enum', message: 'must be one of', params: { allowedValues: allowed } }
        : error;
    });
}

function messageOf(error: ErrorObject, raw: Readonly<Record<string, unknown>>): string {
  const key = error.instancePath.split('/')[1] ?? '';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${flagOf(String(params['missingProperty']))} is required`;
  if (error.keyword === 'additionalProperties') return `${flagOf(String(params['additionalProperty']))} is not an option of this command`;
  const got = raw[key];
  const shown = Array.isArray(got) ? got.map(String).join(', ') : String(got);
  const allowed = error.keyword === 'enum' || error.keyword === 'const' ? `: ${JSON.stringify(params['allowedValues'] ?? params['allowedValue'])}` : '';
  return `${flagOf(key)} ${error.message ?? 'is not valid'}${allowed}, got '${shown}'`;
}
