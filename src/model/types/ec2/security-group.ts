/** `AWS::EC2::SecurityGroup`: a security group and its rules. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';

/** One IpPermission, normalised: protocol `-1` means all traffic; ports null mean all ports. */
export const SecurityGroupRule = Type.Object(
  {
    protocol: Type.String({ description: '-1 (all), tcp, udp, icmp, icmpv6 or a protocol number' }),
    fromPort: Type.Union([Type.Integer(), Type.Null()]),
    toPort: Type.Union([Type.Integer(), Type.Null()]),
    ipv4Ranges: Type.Array(Type.String()),
    ipv6Ranges: Type.Array(Type.String()),
    prefixListIds: Type.Array(Type.String()),
    referencedGroupIds: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SecurityGroupRule = Static<typeof SecurityGroupRule>;

export const SecurityGroupConfig = Type.Object(
  {
    groupId: Type.String(),
    /** The account that owns the group; another account's id for a group shared into a shared VPC. */
    ownerId: Type.String({ pattern: '^[0-9]{12}$' }),
    groupName: Type.String(),
    description: Type.String(),
    vpcId: Type.Union([Type.String(), Type.Null()]),
    ingress: MaybeSchema(Type.Array(SecurityGroupRule)),
    egress: MaybeSchema(Type.Array(SecurityGroupRule)),
  },
  { additionalProperties: false },
);
export type SecurityGroupConfig = Static<typeof SecurityGroupConfig>;

export default defineResourceType({
  type: 'AWS::EC2::SecurityGroup',
  config: SecurityGroupConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:ec2:${region}:${accountId}:security-group/${id}`,
  placeholders: { '<group-id>': 'id', '<default-sg-id>': 'id' },
  example: {
    id: () => 'sg-0123456789abcdef0',
    name: (_at, overrides) => overrides.groupName ?? 'app',
    config: ({ accountId, id }) => ({
      groupId: id,
      ownerId: accountId,
      groupName: 'app',
      description: 'application servers',
      vpcId: 'vpc-0123456789abcdef0',
      ingress: [],
      egress: [{ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] }],
    }),
  },
});
