/** `AWS::EC2::Volume`: an EBS volume. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';

export const Ec2VolumeConfig = Type.Object(
  {
    volumeId: Type.String(),
    state: Type.String(),
    sizeGiB: Type.Integer({ minimum: 0 }),
    volumeType: Type.String(),
    encrypted: MaybeSchema(Type.Boolean()),
    kmsKeyId: Type.Union([Type.String(), Type.Null()]),
    attachments: Type.Array(Type.Object({ instanceId: Type.String(), device: Type.String(), state: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type Ec2VolumeConfig = Static<typeof Ec2VolumeConfig>;

export default defineResourceType({
  type: 'AWS::EC2::Volume',
  config: Ec2VolumeConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:ec2:${region}:${accountId}:volume/${id}`,
  placeholders: { '<volume-id>': 'id' },
  example: {
    id: () => 'vol-0123456789abcdef0',
    config: ({ id }) => ({ volumeId: id, state: 'in-use', sizeGiB: 100, volumeType: 'gp3', encrypted: true, kmsKeyId: null, attachments: [] }),
  },
});
