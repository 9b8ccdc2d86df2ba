/** One configured ajv for every schema Vigil validates: all errors, formats, strict schemas. */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema, Static } from '@sinclair/typebox';
import { formats } from './formats.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function createAjv(options: { useDefaults?: boolean; coerceTypes?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    useDefaults: options.useDefaults ?? false,
    coerceTypes: options.coerceTypes ?? false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  return ajv;
}

const shared = createAjv();
const cache = new WeakMap<TSchema, ValidateFunction>();

/** A compiled validator for a TypeBox schema, compiled once. */
export function validatorFor<T extends TSchema>(schema: T): ValidateFunction<Static<T>> {
  let validate = cache.get(schema);
  if (validate === undefined) {
    validate = shared.compile(schema);
    cache.set(schema, validate);
  }
  return validate as ValidateFunction<Static<T>>;
}
