/** `AWS::CloudFormation::Stack`. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';

export const CloudFormationStackConfig = Type.Object(
  {
    stackId: Type.String(),
    status: Type.String({ description: 'CREATE_COMPLETE, ROLLBACK_COMPLETE, UPDATE_ROLLBACK_FAILED ...' }),
    statusReason: Type.Union([Type.String(), Type.Null()]),
    lastUpdatedTime: Type.Union([IsoDate, Type.Null()]),
    terminationProtection: MaybeSchema(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CloudFormationStackConfig = Static<typeof CloudFormationStackConfig>;

export default defineResourceType({
  type: 'AWS::CloudFormation::Stack',
  config: CloudFormationStackConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:cloudformation:${region}:${accountId}:stack/${id}`,
  example: {
    id: () => 'network',
    config: () => ({
      stackId: 'network/0a1b2c3d-0000-1111-2222-333344445555',
      status: 'CREATE_COMPLETE',
      statusReason: null,
      lastUpdatedTime: null,
      terminationProtection: true,
    }),
  },
});
