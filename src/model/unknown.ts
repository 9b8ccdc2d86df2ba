/**
 * A value the collector could not read. It is a distinct value, not an absent one, so that an
 * insight can tell "the bucket has no policy" (null) from "we could not read the policy"
 * (Unknown) — and so that unknown can never be mistaken for a pass.
 */
import { Type, type TSchema, type TUnion, type TObject, type TString } from '@sinclair/typebox';

export interface Unknown {
  /** Why the value is unknown, e.g. `AccessDenied: s3:GetBucketPolicy` — shown in the verdict. */
  readonly $unknown: string;
}

export type Maybe<T> = T | Unknown;

export const UnknownSchema: TObject<{ $unknown: TString }> = Type.Object(
  { $unknown: Type.String({ minLength: 1 }) },
  { additionalProperties: false, description: 'The collector could not read this field; the text says why.' },
);

/** The schema of a field that may be unknown. */
export function MaybeSchema<T extends TSchema>(schema: T): TUnion<[T, typeof UnknownSchema]> {
  return Type.Union([schema, UnknownSchema]);
}

export function unknown(reason: string): Unknown {
  return { $unknown: reason };
}

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && '$unknown' in value;
}

/** Whether the schema is a {@link MaybeSchema}: a union one of whose members is the unknown marker. */
export function isMaybeSchema(schema: TSchema): boolean {
  const members = (schema as { anyOf?: readonly { properties?: object }[] }).anyOf;
  return members !== undefined && members.some((member) => member.properties !== undefined && '$unknown' in member.properties);
}
