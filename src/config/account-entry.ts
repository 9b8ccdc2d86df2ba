/** What the configuration says about an account: who it is, whom it serves, who owns it. */
import { Type, type Static } from '@sinclair/typebox';

export const AccountOwner = Type.Object(
  {
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String({ format: 'email' })),
    slack: Type.Optional(Type.String({ description: 'Slack channel or user id' })),
  },
  { additionalProperties: false },
);

export const AccountEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9]{12}$', description: 'AWS account id' }),
    name: Type.String({ minLength: 1 }),
    environment: Type.Optional(Type.String({ description: 'production, staging, development, security ...' })),
    tenant: Type.Optional(Type.String({ description: 'The bank client this account serves, if single-tenant' })),
    timeZone: Type.Optional(Type.String({ description: 'IANA time zone, e.g. America/New_York' })),
    tags: Type.Optional(Type.Record(Type.String(), Type.String())),
    owner: Type.Optional(AccountOwner),
    /** The role Vigil assumes to collect the account (session name `vigil`); default: the current credentials. */
    roleArn: Type.Optional(Type.String({ pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$' })),
    /** The external id the role's trust policy requires. */
    externalId: Type.Optional(Type.String({ minLength: 2, maxLength: 1224 })),
    /**
     * Parameter overrides for this account only: insight id → { param: value }, applied over the
     * packs' and the config's. E.g. the ARN of the key of the bank this account serves.
     */
    params: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()))),
  },
  { additionalProperties: false },
);
export type AccountEntry = Static<typeof AccountEntry>;

/** An account that appears in the inventory but not in the configuration. */
export function anonymousAccount(accountId: string): AccountEntry {
  return { id: accountId, name: accountId };
}
