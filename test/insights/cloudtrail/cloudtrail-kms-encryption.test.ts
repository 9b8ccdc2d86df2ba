import kmsEncryption from '../../../insights/cloudtrail/cloudtrail-kms-encryption.js';
import { cloudTrail } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(kmsEncryption, [
  { name: 'encrypted with a KMS key', resource: cloudTrail(), status: 'pass', reason: /arn:aws:kms/ },
  { name: 'no KMS key (SSE-S3 only)', resource: cloudTrail({ kmsKeyId: null }), status: 'fail', evidence: { kmsKeyId: null } },
  { name: 'key unreadable', resource: cloudTrail({ kmsKeyId: unknown('AccessDeniedException: cloudtrail:DescribeTrails') }), status: 'error' },
  {
    name: 'trail of another account',
    resource: cloudTrail({ kmsKeyId: null }, { arn: 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/org' }),
    status: 'not-applicable',
  },
]);
