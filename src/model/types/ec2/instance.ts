/** `AWS::EC2::Instance`. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { DEFAULT_TIME } from '../../example-defaults.js';

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

export default defineResourceType({
  type: 'AWS::EC2::Instance',
  config: Ec2InstanceConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:ec2:${region}:${accountId}:instance/${id}`,
  placeholders: { '<instance-id>': 'id' },
  example: {
    id: () => 'i-0123456789abcdef0',
    config: ({ id }) => ({
      instanceId: id,
      instanceType: 'm7g.large',
      state: 'running',
      publicIpAddress: null,
      privateIpAddress: '10.0.1.10',
      metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
      securityGroupIds: [],
      iamInstanceProfileArn: null,
      launchTime: DEFAULT_TIME,
      vpcId: 'vpc-0123456789abcdef0',
      subnetId: 'subnet-0123456789abcdef0',
      rootDeviceType: 'ebs',
      instanceStorage: null,
    }),
  },
});
