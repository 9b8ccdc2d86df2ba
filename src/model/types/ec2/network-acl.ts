/** `AWS::EC2::NetworkAcl`: the stateless subnet firewall. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';

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

function rule(ruleNumber: number, egress: boolean, ruleAction: 'allow' | 'deny', protocol: string, ports: number | null): NetworkAclEntry {
  return { ruleNumber, egress, protocol, ruleAction, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: ports, toPort: ports };
}

/** The example: a NACL on one subnet that lets in HTTPS from anywhere and denies the rest. */
export default defineResourceType({
  type: 'AWS::EC2::NetworkAcl',
  config: NetworkAclConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:ec2:${region}:${accountId}:network-acl/${id}`,
  placeholders: { '<acl-id>': 'id' },
  example: {
    id: () => 'acl-0123456789abcdef0',
    config: ({ accountId, id }) => ({
      networkAclId: id,
      ownerId: accountId,
      vpcId: 'vpc-0123456789abcdef0',
      isDefault: false,
      entries: [
        rule(100, false, 'allow', '6', 443),
        rule(32767, false, 'deny', '-1', null),
        rule(100, true, 'allow', '-1', null),
        rule(32767, true, 'deny', '-1', null),
      ],
      subnetIds: ['subnet-0123456789abcdef0'],
    }),
  },
});
