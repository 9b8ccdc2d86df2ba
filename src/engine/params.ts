/** Effective parameters of an insight: its defaults, overridden by packs and configuration. */
import { Value } from '@sinclair/typebox/value';
import type { ErrorObject } from 'ajv';
import type { InsightMetadata } from './define-insight.js';
import { validatorFor } from '../schemas/ajv.js';

export type ParamsResult =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; errors: readonly ErrorObject[] };

export function resolveParams(insight: Pick<InsightMetadata, 'params'>, ...overrides: readonly (Record<string, unknown> | undefined)[]): ParamsResult {
  const merged: Record<string, unknown> = {};
  for (const layer of overrides) Object.assign(merged, layer ?? {});
  const withDefaults = Value.Default(insight.params, structuredClone(merged)) as Record<string, unknown>;
  const validate = validatorFor(insight.params);
  if (!validate(withDefaults)) return { ok: false, errors: validate.errors ?? [] };
  return { ok: true, params: withDefaults };
}
