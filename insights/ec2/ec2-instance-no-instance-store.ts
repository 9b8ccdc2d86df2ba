import { Type } from '@sinclair/typebox';
import { isInstanceGone } from '../../src/analysis/instance-state.js';
import { outsideTagScope, TagSelectorParam } from '../judges/tag-scope.js';
import { defineInsight } from '../../src/engine/define-insight.js';
import type { Ec2InstanceConfig } from '../../src/model/types/ec2/instance.js';
import { isUnknown, type Unknown } from '../../src/model/unknown.js';

type InstanceStorage = NonNullable<Exclude<Ec2InstanceConfig['instanceStorage'], Unknown>>;

const LOST = 'data on it is lost when the instance stops, hibernates or terminates, or its host fails';

/** What protects the storage at rest: Nitro encrypts NVMe instance store in hardware, with a key no one can manage. */
function protection(storage: InstanceStorage): string {
  return storage.nvme === 'unsupported'
    ? 'it is not NVMe, so not even the hardware encrypts it, and no KMS key of the bank protects it'
    : 'it is encrypted by the Nitro hardware with a key AWS holds, not with the bank’s KMS key';
}

function describe(storage: InstanceStorage): string {
  return `${storage.totalSizeGiB} GB on ${storage.disks} ${storage.disks === 1 ? 'disk' : 'disks'}`;
}

export default defineInsight({
  id: 'ec2-instance-no-instance-store',
  title: 'EC2 instances keep no data on instance store',
  resourceType: 'AWS::EC2::Instance',
  severity: 'medium',
  description:
    'Checks that the instance boots from an EBS root volume and that its instance type comes without instance store volumes (ephemeral disks), on the instances the tag selector picks. Stopped instances are judged; terminated instances and those shutting down are not applicable.',
  rationale:
    'Instance store lives on the physical host: its data is gone when the instance stops, hibernates or its hardware fails, it cannot be snapshotted or backed up by AWS Backup, and it is never encrypted with a customer-managed KMS key — on Nitro types the hardware encrypts it with a key AWS holds and destroys, on older types not at all. Bank data must stay on EBS volumes encrypted with the bank’s key, so that it survives, can be restored and can be made unreadable by revoking the key.',
  remediation: {
    cli: 'aws ec2 stop-instances --instance-ids <instance-id> && aws ec2 modify-instance-attribute --instance-id <instance-id> --instance-type Value=<type-without-instance-store> && aws ec2 start-instances --instance-ids <instance-id>',
    console:
      'EC2 console > Instances > the instance > Instance state > Stop, then Actions > Instance settings > Change instance type: pick a type without a "d" (no instance storage), then Start. An instance with an instance-store root cannot be stopped: create an EBS-backed AMI, launch a replacement from it with encrypted EBS volumes and terminate the old instance.',
  },
  reads: { self: ['state', 'tags', 'instanceType', 'rootDeviceType', 'instanceStorage'] },
  params: Type.Object(
    {
      instanceTags: TagSelectorParam(
        'Tags (key → accepted value or values, "*" for any value) of the instances that must keep no data on instance store; {} selects every instance.',
      ),
    },
    { additionalProperties: false },
  ),
  evaluate(instance, { params, verdict }) {
    const { state, instanceType, rootDeviceType, instanceStorage } = instance.config;
    if (isInstanceGone(state)) return verdict.notApplicable(`the instance is ${state}`);
    const outside = outsideTagScope(instance.tags, params.instanceTags, 'instanceTags', verdict);
    if (outside !== undefined) return outside;
    const evidence = { instanceType, rootDeviceType, instanceStorage };
    if (rootDeviceType === 'instance-store') {
      const size = isUnknown(instanceStorage) || instanceStorage === null ? '' : ` (${instanceType}: ${describe(instanceStorage)})`;
      return verdict.fail(`the instance boots from an instance-store root volume${size}: ${LOST}, and no KMS key of the bank protects it`, evidence);
    }
    if (!isUnknown(instanceStorage) && instanceStorage !== null) {
      return verdict.fail(
        `the instance type ${instanceType} comes with ${describe(instanceStorage)} of instance storage: ${LOST}, and ${protection(instanceStorage)}`,
        evidence,
      );
    }
    if (isUnknown(instanceStorage)) return verdict.unreadable(`the instance storage of ${instanceType}`, instanceStorage);
    if (isUnknown(rootDeviceType)) return verdict.unreadable('the root device type', rootDeviceType);
    return verdict.pass(`the instance boots from EBS and its type ${instanceType} has no instance storage`);
  },
});
