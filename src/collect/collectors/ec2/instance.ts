/**
 * `AWS::EC2::Instance`, per region: every page of DescribeInstances (`Reservations[].Instances[]`),
 * which carries the metadata options, addresses, security groups, instance profile, root device
 * type and tags. Every instance is kept whatever its state — terminated ones stay visible for about
 * an hour and the insights mark them not applicable, which a reader can see, rather than miss them.
 * The instance storage of each instance's type comes from DescribeInstanceTypes, asked once for the
 * region's distinct types (see ./ec2-instance-storage.ts).
 */
import { DescribeInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { Ec2InstanceConfig } from '../../../model/types/ec2/instance.js';
import { isUnknown, type Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { instanceStorageByType, type StorageOfType } from './instance-storage.js';
import { ec2Tags, nameTagOrId } from './tags.js';
import { missing, reported } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::EC2::Instance'>;

/** DescribeInstances' MaxResults is 5 to 1000. */
const PAGE_SIZE = 1000;

export default defineCollector({
  resourceType: 'AWS::EC2::Instance',
  service: 'ec2',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeInstances',
      iamAction: 'ec2:DescribeInstances',
      fills: [
        'instanceId',
        'instanceType',
        'state',
        'publicIpAddress',
        'privateIpAddress',
        'metadataOptions',
        'securityGroupIds',
        'iamInstanceProfileArn',
        'launchTime',
        'vpcId',
        'subnetId',
        'rootDeviceType',
        'name',
        'tags',
      ],
      required: true,
      lists: true,
    },
    { operation: 'DescribeInstanceTypes', iamAction: 'ec2:DescribeInstanceTypes', fills: ['instanceStorage'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new DescribeInstancesCommand({ MaxResults: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.Reservations?.flatMap((reservation) => reservation.Instances ?? []),
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'ec2', operation: 'DescribeInstances', region: ctx.region };
    const instances = listedOnce(ctx, call, listed.items, (item) => item.InstanceId, 'InstanceId');
    const storageOf = await instanceStorageByType(
      ctx,
      instances.flatMap((instance) => (instance.InstanceType !== undefined ? [instance.InstanceType] : [])),
    );
    for (const instance of instances) emitInstance(ctx, instance, call, storageOf);
  },
});

function metadataOptions(ctx: Ctx, call: CallRef, instance: Instance, ref: ResourceRef): Ec2InstanceConfig['metadataOptions'] {
  const options = instance.MetadataOptions;
  if (options === undefined) return missing(ctx, call, 'MetadataOptions', ref);
  const { HttpTokens: httpTokens, HttpEndpoint: httpEndpoint, HttpPutResponseHopLimit: httpPutResponseHopLimit } = options;
  if (httpTokens !== 'required' && httpTokens !== 'optional') {
    return ctx.unreadable(call, UNEXPECTED_RESPONSE, `MetadataOptions.HttpTokens is ${String(httpTokens)}`, ref);
  }
  if (httpEndpoint !== 'enabled' && httpEndpoint !== 'disabled') {
    return ctx.unreadable(call, UNEXPECTED_RESPONSE, `MetadataOptions.HttpEndpoint is ${String(httpEndpoint)}`, ref);
  }
  if (httpPutResponseHopLimit === undefined) return missing(ctx, call, 'MetadataOptions.HttpPutResponseHopLimit', ref);
  return { httpTokens, httpEndpoint, httpPutResponseHopLimit };
}

function rootDeviceType(ctx: Ctx, call: CallRef, instance: Instance, ref: ResourceRef): Ec2InstanceConfig['rootDeviceType'] {
  const type = instance.RootDeviceType;
  if (type === undefined) return missing(ctx, call, 'RootDeviceType', ref);
  if (type !== 'ebs' && type !== 'instance-store') return ctx.unreadable(call, UNEXPECTED_RESPONSE, `RootDeviceType is ${String(type)}`, ref);
  return type;
}

function emitInstance(ctx: Ctx, instance: Instance, call: CallRef, storageOf: StorageOfType): void {
  const instanceId = instance.InstanceId;
  if (instanceId === undefined) return;
  const arn = arnFor('AWS::EC2::Instance', ctx.accountId, ctx.region, instanceId, ctx.partition);
  const ref: ResourceRef = { arn };
  const instanceType: Maybe<string> = reported(ctx, call, instance.InstanceType, 'InstanceType', ref);
  const tags = ec2Tags(instance.Tags);

  const resource = ctx.resource({
    arn,
    id: instanceId,
    name: nameTagOrId(tags, instanceId),
    tags,
    config: {
      instanceId,
      instanceType,
      state: reported(ctx, call, instance.State?.Name, 'State.Name', ref),
      publicIpAddress: instance.PublicIpAddress ?? null,
      privateIpAddress: instance.PrivateIpAddress ?? null,
      metadataOptions: metadataOptions(ctx, call, instance, ref),
      securityGroupIds: (instance.SecurityGroups ?? []).flatMap((group) => (group.GroupId !== undefined ? [group.GroupId] : [])),
      iamInstanceProfileArn: instance.IamInstanceProfile?.Arn ?? null,
      launchTime: reported(ctx, call, isoDate(instance.LaunchTime) ?? undefined, 'LaunchTime', ref),
      vpcId: instance.VpcId ?? null,
      subnetId: instance.SubnetId ?? null,
      rootDeviceType: rootDeviceType(ctx, call, instance, ref),
      // The instance store of an instance of unknown type is as unknown as its type.
      instanceStorage: isUnknown(instanceType) ? instanceType : storageOf(instanceType),
    },
  });
  ctx.emit(resource);
}
