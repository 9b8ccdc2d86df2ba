/** Effective parameters (of an insight, next of a bot): the schema's defaults, overridden layer by layer (packs, configuration, account). */
import type { TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ErrorObject } from 'ajv';
import { validatorFor } from './ajv.js';

export type ParamsResult =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; errors: readonly ErrorObject[] };

export function resolveParams(insight: { readonly params: TObject }, ...overrides: readonly (Record<string, unknown> | undefined)[]): ParamsResult {
  const merged: Record<string, unknown> = {};
  for (const layer of overrides) Object.assign(merged, layer ?? {});
  const withDefaults = Value.Default(insight.params, structuredClone(merged)) as Record<string, unknown>;
  const validate = validatorFor(insight.params);
  if (!validate(withDefaults)) return { ok: false, errors: validate.errors ?? [] };
  return { ok: true, params: withDefaults };
}
