/** The schema of an exemptions file: accepted risks, each approved by someone, each expiring. */
import { Type, type Static } from '@sinclair/typebox';

export const Exemption = Type.Object(
  {
    insight: Type.String({ minLength: 1, description: 'Insight id the exemption applies to' }),
    /** ARNs the exemption covers; exact unless a glob (`*`, `?`, `{a,b}`) is written; `*` matches `/` too, as in IAM. */
    resources: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    /** Tags a resource must carry to be covered (all of them; value `*` means any value). */
    tags: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), { minProperties: 1 })),
    /** Account ids the exemption is limited to. */
    accounts: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), { minItems: 1 })),
    reason: Type.String({ minLength: 10 }),
    approvedBy: Type.String({ minLength: 1 }),
    /** Last day the exemption applies (inclusive, UTC), YYYY-MM-DD or a timestamp. */
    expires: Type.String({ anyOf: [{ format: 'date' }, { format: 'date-time' }] }),
    ticket: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Exemption = Static<typeof Exemption>;

export const ExemptionsFile = Type.Object(
  { exemptions: Type.Array(Exemption) },
  { additionalProperties: false, $id: 'https://vigil.dev/schemas/exemptions.json', title: 'Vigil exemptions' },
);
export type ExemptionsFile = Static<typeof ExemptionsFile>;
