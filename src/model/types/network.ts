/** `AWS::EC2::NetworkAcl` and `AWS::EC2::VPC`: the subnet firewall and the network it belongs to. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';

const AccountId = Type.String({ pattern: '^[0-9]{12}$' });

/** One NACL entry as EC2 lists it: numbered, stateless, evaluated lowest number first. */
export const NetworkAclEntry = Type.Object(
  {
    ruleNumber: Type.Integer({ minimum: 1, description: '1-32766 for rules; 32767 (and 32768 for IPv6) is the final `*` deny' }),
    egress: Type.Boolean(),
    protocol: Type.String({ description: 'as EC2 returns it: -1 (all), 6 (tcp), 17 (udp), 1 (icmp), 58 (icmpv6) or another protocol number' }),
    ruleAction: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
    cidrBlock: Type.Union([Type.String(), Type.Null()]),
    ipv6CidrBlock: Type.Union([Type.String(), Type.Null()]),
    /** The port range of TCP and UDP entries; null for entries without one (all protocols, ICMP). */
    fromPort: Type.Union([Type.Integer(), Type.Null()]),
    toPort: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type NetworkAclEntry = Static<typeof NetworkAclEntry>;

export const NetworkAclConfig = Type.Object(
  {
    networkAclId: Type.String(),
    /** The account that owns the NACL; another account's id for the NACL of a shared VPC's subnet. */
    ownerId: AccountId,
    vpcId: Type.String(),
    isDefault: Type.Boolean(),
    entries: MaybeSchema(Type.Array(NetworkAclEntry)),
    /** The subnets the NACL is associated with; empty: it filters no traffic. */
    subnetIds: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type NetworkAclConfig = Static<typeof NetworkAclConfig>;

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
