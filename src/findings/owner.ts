/** Who owns a finding's resource, and how Vigil found out (the `owner` of a finding). */
import { Type, type Static } from '@sinclair/typebox';

export const OwnerSource = Type.Union([Type.Literal('tag'), Type.Literal('creator'), Type.Literal('account'), Type.Literal('fallback')], {
  description:
    'tag: a resource tag; creator: who created it (recorded by lookup-creator); account: the account owner in vigil.yaml; fallback: the fallback channel',
});
export type OwnerSource = Static<typeof OwnerSource>;

export const ResourceOwner = Type.Object(
  {
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    slack: Type.Optional(Type.String()),
    via: OwnerSource,
  },
  { additionalProperties: false },
);
export type ResourceOwner = Static<typeof ResourceOwner>;
