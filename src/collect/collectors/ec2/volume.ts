/**
 * `AWS::EC2::Volume`, per region: every page of DescribeVolumes, whose volumes carry their
 * encryption, key, attachments and tags.
 */
import { DescribeVolumesCommand, type Volume, type VolumeAttachment } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { Ec2VolumeConfig } from '../../../model/types/ec2/volume.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { ec2Tags, nameTagOrId } from './tags.js';
import { reported } from '../../contract/reported.js';

type Ctx = CollectContext<'AWS::EC2::Volume'>;

/** DescribeVolumes pages of up to 500 (the documented ceiling of its MaxResults, lower than other EC2 lists). */
const PAGE_SIZE = 500;

/**
 * An attachment as the model holds it. A volume attached to an ECS or Fargate task names the task
 * (`AssociatedResource`) instead of an instance: the model has no field for it, so the task ARN
 * stands in the instance id rather than the attachment going missing.
 */
function attachment(entry: VolumeAttachment): Ec2VolumeConfig['attachments'][number] | undefined {
  const instanceId = entry.InstanceId ?? entry.AssociatedResource;
  if (instanceId === undefined) return undefined;
  return { instanceId, device: entry.Device ?? '', state: entry.State ?? '' };
}

export default defineCollector({
  resourceType: 'AWS::EC2::Volume',
  service: 'ec2',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeVolumes',
      iamAction: 'ec2:DescribeVolumes',
      fills: ['volumeId', 'state', 'sizeGiB', 'volumeType', 'encrypted', 'kmsKeyId', 'attachments', 'name', 'tags', 'createdAt'],
      required: true,
      lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new DescribeVolumesCommand({ MaxResults: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.Volumes,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'ec2', operation: 'DescribeVolumes', region: ctx.region };
    for (const volume of listedOnce(ctx, call, listed.items, (item) => item.VolumeId, 'VolumeId')) emitVolume(ctx, volume, call);
  },
});

function emitVolume(ctx: Ctx, volume: Volume, call: CallRef): void {
  const volumeId = volume.VolumeId;
  if (volumeId === undefined) return;
  const arn = volume.VolumeArn ?? arnFor('AWS::EC2::Volume', ctx.accountId, ctx.region, volumeId, ctx.partition);
  const ref: ResourceRef = { arn };
  const tags = ec2Tags(volume.Tags);

  const created = isoDate(volume.CreateTime);
  const resource = ctx.resource({
    arn,
    id: volumeId,
    name: nameTagOrId(tags, volumeId),
    tags,
    config: {
      volumeId,
      state: reported(ctx, call, volume.State, 'State', ref),
      sizeGiB: reported(ctx, call, volume.Size, 'Size', ref),
      volumeType: reported(ctx, call, volume.VolumeType, 'VolumeType', ref),
      encrypted: reported(ctx, call, volume.Encrypted, 'Encrypted', ref),
      // EC2 names a key for encrypted volumes only.
      kmsKeyId: volume.KmsKeyId ?? null,
      attachments: (volume.Attachments ?? []).flatMap((entry) => {
        const normalised = attachment(entry);
        return normalised !== undefined ? [normalised] : [];
      }),
    },
    createdAt: created,
  });
  ctx.emit(resource);
}
