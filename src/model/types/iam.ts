/** `AWS::IAM::User`, `AWS::IAM::Group`, `AWS::IAM::Role`, `AWS::IAM::Policy` (global, region `global`). */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';
import { AttachedPolicy, InlinePolicy, IsoDate, PolicyDocument } from '../common.js';

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

export const IamGroupConfig = Type.Object(
  {
    groupId: Type.String(),
    path: Type.String(),
    members: MaybeSchema(Type.Array(Type.String(), { description: 'user names' })),
    attachedPolicies: MaybeSchema(Type.Array(AttachedPolicy)),
    inlinePolicies: MaybeSchema(Type.Array(InlinePolicy)),
  },
  { additionalProperties: false },
);
export type IamGroupConfig = Static<typeof IamGroupConfig>;

export const IamRoleConfig = Type.Object(
  {
    roleId: Type.String(),
    path: Type.String(),
    assumeRolePolicy: MaybeSchema(PolicyDocument),
    attachedPolicies: MaybeSchema(Type.Array(AttachedPolicy)),
    inlinePolicies: MaybeSchema(Type.Array(InlinePolicy)),
    lastUsed: MaybeSchema(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type IamRoleConfig = Static<typeof IamRoleConfig>;

export const IamPolicyConfig = Type.Object(
  {
    policyId: Type.String(),
    path: Type.String(),
    awsManaged: Type.Boolean(),
    defaultVersionId: Type.String(),
    document: MaybeSchema(PolicyDocument),
    attachedTo: MaybeSchema(
      Type.Object(
        { users: Type.Array(Type.String()), groups: Type.Array(Type.String()), roles: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type IamPolicyConfig = Static<typeof IamPolicyConfig>;
