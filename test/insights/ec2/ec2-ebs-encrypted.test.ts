import ebsEncrypted from '../../../insights/ec2/ec2-ebs-encrypted.js';
import { ebsVolume } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const key = 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555';

testInsight(ebsEncrypted, [
  { name: 'encrypted with the default key', resource: ebsVolume({ encrypted: true, kmsKeyId: null }), status: 'pass' },
  { name: 'encrypted with a customer key', resource: ebsVolume({ encrypted: true, kmsKeyId: key }), status: 'pass', reason: /key\/1111/ },
  { name: 'unencrypted volume in use', resource: ebsVolume({ encrypted: false }), status: 'fail', evidence: { encrypted: false, state: 'in-use' } },
  { name: 'unencrypted detached volume', resource: ebsVolume({ encrypted: false, state: 'available' }), status: 'fail' },
  { name: 'volume being deleted', resource: ebsVolume({ encrypted: false, state: 'deleting' }), status: 'not-applicable' },
  { name: 'deleted volume', resource: ebsVolume({ encrypted: false, state: 'deleted' }), status: 'not-applicable' },
  { name: 'encryption status unreadable', resource: ebsVolume({ encrypted: unknown('UnauthorizedOperation: ec2:DescribeVolumes') }), status: 'error' },
]);
