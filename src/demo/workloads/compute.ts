/** Security groups, EC2 instances and their EBS volumes in a demo account. */
import { ebsVolume, ec2Instance, securityGroup } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { SecurityGroupRule } from '../../model/types/ec2/security-group.js';
import type { AccountScope } from '../scope.js';

export function tcpFromCidr(port: number, cidr: string): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: port, toPort: port, ipv4Ranges: [cidr], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] };
}

export function tcpFromGroup(port: number, groupId: string): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: port, toPort: port, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [groupId] };
}

function allEgress(): SecurityGroupRule {
  return { protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] };
}

export interface SecurityGroupSpec {
  region: string;
  name: string;
  description: string;
  tags: Tags;
  ingress: readonly SecurityGroupRule[];
  createdDaysAgo: number;
}

export function group(scope: AccountScope, spec: SecurityGroupSpec): Resource<'AWS::EC2::SecurityGroup'> {
  const id = `sg-${scope.rng.hex(17)}`;
  return securityGroup(
    {
      groupId: id,
      ownerId: scope.accountId,
      groupName: spec.name,
      description: spec.description,
      vpcId: scope.vpc(spec.region).vpcId,
      ingress: spec.ingress.map((rule) => ({ ...rule })),
      egress: [allEgress()],
    },
    scope.envelope(spec.region, id, spec.name, spec.tags, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface ServerSpec {
  region: string;
  /** The Name tag. */
  name: string;
  instanceType: string;
  tags: Tags;
  securityGroupIds: readonly string[];
  launchedDaysAgo: number;
  /** IMDSv2 only (`httpTokens: required`); IMDSv1 still allowed otherwise. */
  imdsV2: boolean;
  publicIp?: string;
  /** The role of the instance profile (same name), when the instance has one. */
  roleName?: string;
  state?: 'running' | 'stopped';
  rootVolumeGiB: number;
  /** The root volume's key (ARN); an unencrypted volume when null. */
  volumeKeyArn: string | null;
  /** An extra data volume of this size. */
  dataVolumeGiB?: number;
  /** Default: an EBS root volume. */
  rootDeviceType?: 'ebs' | 'instance-store';
  /** The instance store volumes of `instanceType`; default: none (keep it in step with the type, e.g. m6id.large: 118 GB, 1 disk, NVMe required). */
  instanceStorage?: { totalSizeGiB: number; disks: number; nvme: 'required' | 'supported' | 'unsupported' };
}

/** An instance and its volumes. */
export function* server(scope: AccountScope, spec: ServerSpec): Generator<Resource<'AWS::EC2::Instance'> | Resource<'AWS::EC2::Volume'>> {
  const { rng, clock } = scope;
  const vpc = scope.vpc(spec.region);
  const instanceId = `i-${rng.hex(17)}`;
  const launched = clock.daysAgo(spec.launchedDaysAgo);
  const tags: Tags = { Name: spec.name, ...spec.tags };
  yield ec2Instance(
    {
      instanceId,
      instanceType: spec.instanceType,
      state: spec.state ?? 'running',
      publicIpAddress: spec.publicIp ?? null,
      privateIpAddress: scope.privateIp(spec.region),
      metadataOptions: { httpTokens: spec.imdsV2 ? 'required' : 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: spec.imdsV2 ? 1 : 2 },
      securityGroupIds: [...spec.securityGroupIds],
      iamInstanceProfileArn: spec.roleName === undefined ? null : `arn:aws:iam::${scope.accountId}:instance-profile/${spec.roleName}`,
      launchTime: launched,
      vpcId: vpc.vpcId,
      subnetId: rng.pick(vpc.subnetIds),
      rootDeviceType: spec.rootDeviceType ?? 'ebs',
      instanceStorage: spec.instanceStorage ?? null,
    },
    scope.envelope(spec.region, instanceId, spec.name, tags, launched),
  );
  yield volume(scope, {
    region: spec.region,
    name: `${spec.name}-root`,
    tags,
    sizeGiB: spec.rootVolumeGiB,
    kmsKeyArn: spec.volumeKeyArn,
    createdAt: launched,
    attachedTo: { instanceId, device: '/dev/xvda' },
  });
  if (spec.dataVolumeGiB !== undefined) {
    yield volume(scope, {
      region: spec.region,
      name: `${spec.name}-data`,
      tags,
      sizeGiB: spec.dataVolumeGiB,
      kmsKeyArn: spec.volumeKeyArn,
      createdAt: launched,
      attachedTo: { instanceId, device: '/dev/xvdf' },
    });
  }
}

export interface VolumeSpec {
  region: string;
  name: string;
  tags: Tags;
  sizeGiB: number;
  kmsKeyArn: string | null;
  createdAt: string;
  attachedTo?: { instanceId: string; device: string };
}

export function volume(scope: AccountScope, spec: VolumeSpec): Resource<'AWS::EC2::Volume'> {
  const volumeId = `vol-${scope.rng.hex(17)}`;
  return ebsVolume(
    {
      volumeId,
      state: spec.attachedTo === undefined ? 'available' : 'in-use',
      sizeGiB: spec.sizeGiB,
      volumeType: 'gp3',
      encrypted: spec.kmsKeyArn !== null,
      kmsKeyId: spec.kmsKeyArn,
      attachments: spec.attachedTo === undefined ? [] : [{ ...spec.attachedTo, state: 'attached' }],
    },
    scope.envelope(spec.region, volumeId, spec.name, { ...spec.tags, Name: spec.name }, spec.createdAt),
  );
}
