import versioning from '../../../insights/s3/s3-bucket-versioning.js';
import { s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const regulated = { bucketTags: { 'data-class': ['regulated', 'confidential'] } };

testInsight(versioning, [
  { name: 'versioning enabled', resource: s3Bucket(), status: 'pass' },
  { name: 'versioning with MFA delete', resource: s3Bucket({ versioning: { status: 'Enabled', mfaDelete: 'Enabled' } }), status: 'pass', reason: /MFA delete/ },
  { name: 'versioning suspended', resource: s3Bucket({ versioning: { status: 'Suspended', mfaDelete: 'Disabled' } }), status: 'fail', reason: /suspended/ },
  { name: 'versioning never enabled', resource: s3Bucket({ versioning: { status: null, mfaDelete: null } }), status: 'fail', reason: /never enabled/ },
  {
    name: 'versioning unreadable',
    resource: s3Bucket({ versioning: unknown('AccessDenied: s3:GetBucketVersioning') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'bucket outside the tag selector',
    resource: s3Bucket({ versioning: { status: null, mfaDelete: null } }, { tags: { 'data-class': 'public' } }),
    params: regulated,
    status: 'not-applicable',
  },
  {
    name: 'bucket inside the tag selector',
    resource: s3Bucket({ versioning: { status: null, mfaDelete: null } }, { tags: { 'data-class': 'confidential' } }),
    params: regulated,
    status: 'fail',
  },
  {
    name: 'tags unreadable with a selector',
    resource: s3Bucket({}, { tags: unknown('AccessDenied: s3:GetBucketTagging') }),
    params: regulated,
    status: 'error',
    reason: /tags, which decide whether the resource is in scope/,
  },
  { name: 'tags unreadable without a selector', resource: s3Bucket({}, { tags: unknown('AccessDenied: s3:GetBucketTagging') }), status: 'pass' },
]);
