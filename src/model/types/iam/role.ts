/** `AWS::IAM::Role` (global: region `global`). */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { AttachedPolicy, InlinePolicy, IsoDate, PolicyDocument } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';

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

export default defineResourceType({
  type: 'AWS::IAM::Role',
  config: IamRoleConfig,
  global: true,
  arn: ({ partition, accountId, id }) => `arn:${partition}:iam::${accountId}:role/${id}`,
  placeholders: { '<role>': 'id', '<role-arn>': 'arn' },
  example: {
    id: () => 'deployer',
    config: () => ({
      roleId: 'AROAEXAMPLEROLEID0001',
      path: '/',
      assumeRolePolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      attachedPolicies: [],
      inlinePolicies: [],
      lastUsed: null,
    }),
  },
});
