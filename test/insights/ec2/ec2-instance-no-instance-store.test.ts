import noInstanceStore from '../../../insights/ec2/ec2-instance-no-instance-store.js';
import { ec2Instance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const nvme = { totalSizeGiB: 118, disks: 1, nvme: 'required' };
const legacyDisk = { totalSizeGiB: 4, disks: 1, nvme: 'unsupported' };
const denied = unknown('UnauthorizedOperation: ec2:DescribeInstanceTypes');
const restricted = { tags: { 'data-class': 'restricted' } };

testInsight(noInstanceStore, [
  { name: 'EBS root, type without instance storage', resource: ec2Instance(), status: 'pass', reason: /boots from EBS.*m7g\.large has no instance storage/ },
  { name: 'stopped instance on EBS only', resource: ec2Instance({ state: 'stopped' }), status: 'pass' },
  {
    name: 'type with NVMe instance storage',
    resource: ec2Instance({ instanceType: 'm6id.large', instanceStorage: nvme }),
    status: 'fail',
    reason:
      /m6id\.large comes with 118 GB on 1 disk of instance storage: data on it is lost when the instance stops, hibernates.*Nitro hardware.*not with the bank’s KMS key/,
    evidence: { instanceType: 'm6id.large', rootDeviceType: 'ebs', instanceStorage: nvme },
  },
  {
    name: 'type with several non-NVMe disks',
    resource: ec2Instance({ instanceType: 'd2.xlarge', instanceStorage: { totalSizeGiB: 6000, disks: 3, nvme: 'unsupported' } }),
    status: 'fail',
    reason: /6000 GB on 3 disks.*not NVMe, so not even the hardware encrypts it/,
  },
  {
    name: 'instance-store root',
    resource: ec2Instance({ instanceType: 'm3.medium', rootDeviceType: 'instance-store', instanceStorage: legacyDisk }),
    status: 'fail',
    reason: /instance-store root volume \(m3\.medium: 4 GB on 1 disk\)/,
  },
  {
    name: 'instance-store root, storage of the type unreadable: the root alone fails it',
    resource: ec2Instance({ instanceType: 'm3.medium', rootDeviceType: 'instance-store', instanceStorage: denied }),
    status: 'fail',
    reason: /^the instance boots from an instance-store root volume: /,
  },
  {
    name: 'stopped instance with instance storage',
    resource: ec2Instance({ state: 'stopped', instanceType: 'm6id.large', instanceStorage: nvme }),
    status: 'fail',
  },
  {
    name: 'instance storage unreadable',
    resource: ec2Instance({ instanceStorage: denied }),
    status: 'error',
    reason: /instance storage of m7g\.large could not be read \(UnauthorizedOperation/,
  },
  { name: 'instance storage not collected', resource: ec2Instance({ instanceStorage: unknown('NotCollected: ec2:DescribeInstanceTypes') }), status: 'error' },
  {
    name: 'root device type unreadable',
    resource: ec2Instance({ rootDeviceType: unknown('UnexpectedResponse: ec2:DescribeInstances') }),
    status: 'error',
    reason: /root device type/,
  },
  {
    name: 'root device type unreadable but the type has instance storage',
    resource: ec2Instance({ rootDeviceType: unknown('UnexpectedResponse: ec2:DescribeInstances'), instanceType: 'm6id.large', instanceStorage: nvme }),
    status: 'fail',
  },
  { name: 'terminated instance', resource: ec2Instance({ state: 'terminated', instanceType: 'm6id.large', instanceStorage: nvme }), status: 'not-applicable' },
  { name: 'instance shutting down', resource: ec2Instance({ state: 'shutting-down', instanceStorage: denied }), status: 'not-applicable' },
  {
    name: 'instance outside the tag selector',
    resource: ec2Instance({ instanceType: 'm6id.large', instanceStorage: nvme }, { tags: { 'data-class': 'internal' } }),
    params: { instanceTags: { 'data-class': 'restricted' } },
    status: 'not-applicable',
  },
  {
    name: 'restricted-data instance with instance storage',
    resource: ec2Instance({ instanceType: 'm6id.large', instanceStorage: nvme }, restricted),
    params: { instanceTags: { 'data-class': 'restricted' } },
    status: 'fail',
  },
  {
    name: 'restricted-data instance on EBS only',
    resource: ec2Instance({}, restricted),
    params: { instanceTags: { 'data-class': ['restricted', 'confidential'] } },
    status: 'pass',
  },
  {
    name: 'tags unreadable while a selector decides the scope',
    resource: ec2Instance({ instanceType: 'm6id.large', instanceStorage: nvme }, { tags: unknown('UnauthorizedOperation: ec2:DescribeInstances') }),
    params: { instanceTags: { 'data-class': 'restricted' } },
    status: 'error',
  },
]);
