/** `AWS::IAM::Policy`: a managed policy, the account's own or an AWS-managed one it uses (global). */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { PolicyDocument } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';

export const IamPolicyConfig = Type.Object(
  {
    policyId: Type.String(),
    path: Type.String(),
    awsManaged: Type.Boolean(),
    defaultVersionId: Type.String(),
    document: MaybeSchema(PolicyDocument),
    attachedTo: MaybeSchema(
      Type.Object({ users: Type.Array(Type.String()), groups: Type.Array(Type.String()), roles: Type.Array(Type.String()) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type IamPolicyConfig = Static<typeof IamPolicyConfig>;

export default defineResourceType({
  type: 'AWS::IAM::Policy',
  config: IamPolicyConfig,
  global: true,
  arn: ({ partition, accountId, id }) => `arn:${partition}:iam::${accountId}:policy/${id}`,
  placeholders: { '<policy-arn>': 'arn' },
  example: {
    id: () => 'example-policy',
    config: () => ({
      policyId: 'ANPAEXAMPLEPOLICYID01',
      path: '/',
      awsManaged: false,
      defaultVersionId: 'v1',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
      attachedTo: { users: [], groups: [], roles: [] },
    }),
  },
});
