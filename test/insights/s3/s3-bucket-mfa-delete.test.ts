import mfaDelete from '../../../insights/s3/s3-bucket-mfa-delete.js';
import { s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(mfaDelete, [
  { name: 'versioning with MFA delete', resource: s3Bucket({ versioning: { status: 'Enabled', mfaDelete: 'Enabled' } }), status: 'pass' },
  {
    name: 'versioning without MFA delete',
    resource: s3Bucket({ versioning: { status: 'Enabled', mfaDelete: 'Disabled' } }),
    status: 'fail',
    reason: /without MFA delete/,
  },
  { name: 'versioning suspended', resource: s3Bucket({ versioning: { status: 'Suspended', mfaDelete: 'Enabled' } }), status: 'fail', reason: /not enabled/ },
  { name: 'versioning never enabled', resource: s3Bucket({ versioning: { status: null, mfaDelete: null } }), status: 'fail' },
  { name: 'versioning unreadable', resource: s3Bucket({ versioning: unknown('AccessDenied: s3:GetBucketVersioning') }), status: 'error' },
  {
    name: 'bucket outside the scope',
    resource: s3Bucket({ versioning: { status: 'Enabled', mfaDelete: 'Disabled' } }, { tags: { purpose: 'scratch' } }),
    params: { bucketTags: { purpose: 'trade-records' } },
    status: 'not-applicable',
  },
]);
