import efsEncrypted from '../../../insights/efs/efs-encrypted.js';
import { efsFileSystem } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const key = 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555';

testInsight(efsEncrypted, [
  { name: 'encrypted with a customer key', resource: efsFileSystem({ encrypted: true, kmsKeyId: key }), status: 'pass', reason: /key\/1111/ },
  {
    name: 'encrypted, no key named',
    resource: efsFileSystem({ encrypted: true, kmsKeyId: null }),
    status: 'pass',
    reason: /^the file system is encrypted at rest$/,
  },
  { name: 'encrypted while still being created', resource: efsFileSystem({ lifeCycleState: 'creating' }), status: 'pass' },
  {
    name: 'unencrypted',
    resource: efsFileSystem({ encrypted: false, kmsKeyId: null }),
    status: 'fail',
    evidence: { encrypted: false, lifeCycleState: 'available' },
  },
  { name: 'unencrypted and in error', resource: efsFileSystem({ encrypted: false, kmsKeyId: null, lifeCycleState: 'error' }), status: 'fail' },
  { name: 'encryption not reported', resource: efsFileSystem({ encrypted: unknown('UnexpectedResponse: efs:DescribeFileSystems') }), status: 'error' },
  { name: 'being deleted', resource: efsFileSystem({ encrypted: false, lifeCycleState: 'deleting' }), status: 'not-applicable' },
  { name: 'deleted', resource: efsFileSystem({ encrypted: false, lifeCycleState: 'deleted' }), status: 'not-applicable' },
]);
