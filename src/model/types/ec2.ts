/** `AWS::EC2::SecurityGroup`, `AWS::EC2::Instance`, `AWS::EC2::Volume`. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../unknown.js';
import { IsoDate } from '../common.js';

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

export const Ec2InstanceConfig = Type.Object(
  {
    instanceId: Type.String(),
    instanceType: Type.String(),
    state: Type.String({ description: 'pending, running, stopping, stopped, shutting-down, terminated' }),
    publicIpAddress: Type.Union([Type.String(), Type.Null()]),
    privateIpAddress: Type.Union([Type.String(), Type.Null()]),
    metadataOptions: MaybeSchema(
      Type.Object(
        {
          httpTokens: Type.Union([Type.Literal('required'), Type.Literal('optional')]),
          httpEndpoint: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')]),
          httpPutResponseHopLimit: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    securityGroupIds: Type.Array(Type.String()),
    iamInstanceProfileArn: Type.Union([Type.String(), Type.Null()]),
    launchTime: IsoDate,
    vpcId: Type.Union([Type.String(), Type.Null()]),
    subnetId: Type.Union([Type.String(), Type.Null()]),
    /** Where the root volume lives: an EBS volume, or the instance's ephemeral storage (instance-store AMIs). */
    rootDeviceType: MaybeSchema(Type.Union([Type.Literal('ebs'), Type.Literal('instance-store')])),
    /** The instance store volumes the instance type comes with (DescribeInstanceTypes); null: the type has none. */
    instanceStorage: MaybeSchema(
      Type.Union([
        Type.Object(
          {
            totalSizeGiB: Type.Integer({ minimum: 0 }),
            disks: Type.Integer({ minimum: 0 }),
            nvme: Type.String({ description: 'required, supported or unsupported' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type Ec2InstanceConfig = Static<typeof Ec2InstanceConfig>;

export const Ec2VolumeConfig = Type.Object(
  {
    volumeId: Type.String(),
    state: Type.String(),
    sizeGiB: Type.Integer({ minimum: 0 }),
    volumeType: Type.String(),
    encrypted: MaybeSchema(Type.Boolean()),
    kmsKeyId: Type.Union([Type.String(), Type.Null()]),
    attachments: Type.Array(
      Type.Object(
        { instanceId: Type.String(), device: Type.String(), state: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Ec2VolumeConfig = Static<typeof Ec2VolumeConfig>;
