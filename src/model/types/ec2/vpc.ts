/** `AWS::EC2::VPC`: the network, with its flow logs. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';

const AccountId = Type.String({ pattern: '^[0-9]{12}$' });

export const FlowLog = Type.Object(
  {
    flowLogId: Type.String(),
    trafficType: Type.Union([Type.Literal('ACCEPT'), Type.Literal('REJECT'), Type.Literal('ALL')]),
    flowLogStatus: Type.String({ description: 'ACTIVE when it captures' }),
    /** SUCCESS or FAILED; null when EC2 reports no delivery status. */
    deliverLogsStatus: Type.Union([Type.String(), Type.Null()]),
    logDestinationType: Type.String({ description: 'cloud-watch-logs, s3 or kinesis-data-firehose' }),
  },
  { additionalProperties: false },
);
export type FlowLog = Static<typeof FlowLog>;

export const VpcConfig = Type.Object(
  {
    vpcId: Type.String(),
    /** The account that owns the VPC; another account's id for a VPC shared into this one. */
    ownerId: AccountId,
    isDefault: Type.Boolean(),
    cidrBlock: Type.String(),
    state: Type.String({ description: 'pending or available' }),
    /** The flow logs whose resource is the VPC itself (not one of its subnets or interfaces). */
    flowLogs: MaybeSchema(Type.Array(FlowLog)),
  },
  { additionalProperties: false },
);
export type VpcConfig = Static<typeof VpcConfig>;

/** The example: a VPC with an active flow log of all its traffic. */
export default defineResourceType({
  type: 'AWS::EC2::VPC',
  config: VpcConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:ec2:${region}:${accountId}:vpc/${id}`,
  placeholders: { '<vpc-id>': 'id' },
  example: {
    id: () => 'vpc-0123456789abcdef0',
    config: ({ accountId, id }) => ({
      vpcId: id,
      ownerId: accountId,
      isDefault: false,
      cidrBlock: '10.0.0.0/16',
      state: 'available',
      flowLogs: [
        {
          flowLogId: 'fl-0123456789abcdef0',
          trafficType: 'ALL',
          flowLogStatus: 'ACTIVE',
          deliverLogsStatus: 'SUCCESS',
          logDestinationType: 'cloud-watch-logs',
        },
      ],
    }),
  },
});
