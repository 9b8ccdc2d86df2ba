/**
 * Fields the API reference says a response always carries. When a response leaves one out (an
 * AWS-compatible endpoint, an API change), the field is unknown and coverage names the call —
 * never a default an insight could pass on; when the model cannot hold the resource without it,
 * the resource is left out and coverage says so.
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { Maybe, Unknown } from '../../model/unknown.js';
import type { CallRef, ResourceRef, SettingsContext } from './collect-context.js';

export const UNEXPECTED_RESPONSE = 'UnexpectedResponse';

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

/** The response fields that were absent, by their API names: `Engine, DBInstanceStatus`. */
export class Absent {
  constructor(readonly fields: string) {}
}

/** `{ Engine: db.Engine, ... }` with every value present, or which were absent. */
export function present<R extends Readonly<Record<string, unknown>>>(fields: R): Present<R> | Absent {
  const absent = Object.keys(fields).filter((name) => fields[name] === undefined);
  return absent.length === 0 ? (fields as Present<R>) : new Absent(absent.join(', '));
}

/** Records that a resource the model cannot hold without the absent fields is left out. */
export function leftOut<T extends ResourceType>(ctx: SettingsContext<T>, call: CallRef, id: string, absent: Absent, resource: ResourceRef): void {
  ctx.unreadable(call, UNEXPECTED_RESPONSE, `${call.operation} returned no ${absent.fields} for ${id}; it is left out`, resource);
}
