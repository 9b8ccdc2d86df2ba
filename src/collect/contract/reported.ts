/**
 * Fields the API reference says a response always carries. When a response leaves one out (an
 * AWS-compatible endpoint, an API change), the field is unknown and coverage names the call —
 * never a default an insight could pass on; when the model cannot hold the resource without it,
 * the resource is left out and coverage says so.
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { Maybe, Unknown } from '../../model/unknown.js';
import { ok } from '../../result.js';
import type { CallRef, ResourceRef, SettingsContext } from './collect-context.js';
import { unexpected, UNEXPECTED_RESPONSE, type Read, type ReadProblem } from './read-problem.js';

/** Records that the call's response lacks `field`; the unknown value for it. */
export function missing<T extends ResourceType>(ctx: SettingsContext<T>, call: CallRef, field: string, resource: ResourceRef): Unknown {
  return ctx.unreadable(call, UNEXPECTED_RESPONSE, `${call.operation} returned no ${field}`, resource);
}

/** The value, or unknown (recorded) when the response left it out. */
export function reported<T extends ResourceType, V>(
  ctx: SettingsContext<T>,
  call: CallRef,
  value: V | undefined,
  field: string,
  resource: ResourceRef,
): Maybe<V> {
  return value !== undefined ? value : missing(ctx, call, field, resource);
}

/** The required response fields, each present. */
export type Present<R> = { [K in keyof R]-?: Exclude<R[K], undefined> };

/**
 * `{ Engine: db.Engine, ... }` with every value present; else the problem `without` words from the
 * absent fields' API names (`Engine, DBInstanceStatus`).
 */
export function present<R extends Readonly<Record<string, unknown>>>(fields: R, without: (absent: string) => string): Read<Present<R>> {
  const absent = Object.keys(fields).filter((name) => fields[name] === undefined);
  return absent.length === 0 ? ok(fields as Present<R>) : unexpected(without(absent.join(', ')));
}

/** The problem of a response that left out `fields` (API names, `AlarmArn, AlarmName`) of the item `id`. */
export function absentFrom(call: CallRef, fields: string, id: string): ReadProblem {
  return { code: UNEXPECTED_RESPONSE, message: `${call.operation} returned no ${fields} for ${id}` };
}

/** Records that a resource the model cannot hold, for the problem, is left out. */
export function leftOut<T extends ResourceType>(ctx: SettingsContext<T>, call: CallRef, problem: ReadProblem, resource: ResourceRef): void {
  ctx.unreadable(call, problem.code, `${problem.message}; it is left out`, resource);
}
