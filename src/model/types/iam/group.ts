/** `AWS::IAM::Group` (global: region `global`). */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { AttachedPolicy, InlinePolicy } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';

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

export default defineResourceType({
  type: 'AWS::IAM::Group',
  config: IamGroupConfig,
  global: true,
  arn: ({ partition, accountId, id }) => `arn:${partition}:iam::${accountId}:group/${id}`,
  placeholders: { '<group>': 'id' },
  example: {
    id: () => 'engineers',
    config: () => ({
      groupId: 'AGPAEXAMPLEGROUPID001',
      path: '/',
      members: ['alice'],
      attachedPolicies: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }],
      inlinePolicies: [],
    }),
  },
});
