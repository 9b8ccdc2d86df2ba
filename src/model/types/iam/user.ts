/** `AWS::IAM::User` (global: region `global`). */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { AttachedPolicy, InlinePolicy, IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { DEFAULT_TIME } from '../../example-defaults.js';

export const AccessKey = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('Active'), Type.Literal('Inactive')]),
    createDate: IsoDate,
    lastUsedDate: Type.Union([IsoDate, Type.Null()]),
  },
  { additionalProperties: false },
);
export type AccessKey = Static<typeof AccessKey>;

export const IamUserConfig = Type.Object(
  {
    userId: Type.String(),
    path: Type.String(),
    createDate: IsoDate,
    /** Whether the user has a console password (login profile). */
    passwordEnabled: MaybeSchema(Type.Boolean()),
    passwordLastUsed: MaybeSchema(Type.Union([IsoDate, Type.Null()])),
    mfaActive: MaybeSchema(Type.Boolean()),
    accessKeys: MaybeSchema(Type.Array(AccessKey)),
    attachedPolicies: MaybeSchema(Type.Array(AttachedPolicy)),
    inlinePolicies: MaybeSchema(Type.Array(InlinePolicy)),
    groups: MaybeSchema(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type IamUserConfig = Static<typeof IamUserConfig>;

export default defineResourceType({
  type: 'AWS::IAM::User',
  config: IamUserConfig,
  global: true,
  arn: ({ partition, accountId, id }) => `arn:${partition}:iam::${accountId}:user/${id}`,
  placeholders: { '<user>': 'id' },
  example: {
    id: () => 'alice',
    config: () => ({
      userId: 'AIDAEXAMPLEUSERID0001',
      path: '/',
      createDate: DEFAULT_TIME,
      passwordEnabled: true,
      passwordLastUsed: DEFAULT_TIME,
      mfaActive: true,
      accessKeys: [],
      attachedPolicies: [],
      inlinePolicies: [],
      groups: ['engineers'],
    }),
  },
});
