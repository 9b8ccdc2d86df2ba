import objectLock from '../../../insights/s3/s3-bucket-object-lock.js';
import { s3Bucket } from '../../../src/model/builders.js';
import type { ObjectLock } from '../../../src/model/types/s3/bucket.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const lock = (retention: Partial<NonNullable<ObjectLock['defaultRetention']>>): ObjectLock => ({
  enabled: true,
  defaultRetention: { mode: 'COMPLIANCE', days: null, years: null, ...retention },
});

testInsight(objectLock, [
  { name: 'COMPLIANCE for 6 years', resource: s3Bucket(), status: 'pass', reason: /6 years \(2190 days\)/ },
  { name: 'COMPLIANCE for exactly 2190 days', resource: s3Bucket({ objectLock: lock({ days: 2190 }) }), status: 'pass' },
  {
    name: 'COMPLIANCE for 2189 days',
    resource: s3Bucket({ objectLock: lock({ days: 2189 }) }),
    status: 'fail',
    reason: /2189 days is shorter than the required 2190/,
  },
  { name: 'COMPLIANCE for 5 years', resource: s3Bucket({ objectLock: lock({ years: 5 }) }), status: 'fail', reason: /5 years \(1825 days\)/ },
  { name: 'a tightened minimum met by one year', resource: s3Bucket({ objectLock: lock({ years: 1 }) }), params: { minRetentionDays: 365 }, status: 'pass' },
  { name: 'GOVERNANCE mode', resource: s3Bucket({ objectLock: lock({ mode: 'GOVERNANCE', years: 10 }) }), status: 'fail', reason: /GOVERNANCE/ },
  {
    name: 'no default retention',
    resource: s3Bucket({ objectLock: { enabled: true, defaultRetention: null } }),
    status: 'fail',
    reason: /without a default retention/,
  },
  { name: 'Object Lock never enabled', resource: s3Bucket({ objectLock: null }), status: 'fail', reason: /not enabled/ },
  { name: 'Object Lock configuration not enabled', resource: s3Bucket({ objectLock: { enabled: false, defaultRetention: null } }), status: 'fail' },
  { name: 'retention with neither days nor years', resource: s3Bucket({ objectLock: lock({}) }), status: 'error' },
  {
    name: 'configuration unreadable',
    resource: s3Bucket({ objectLock: unknown('AccessDenied: s3:GetBucketObjectLockConfiguration') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'bucket outside the tag selector',
    resource: s3Bucket({ objectLock: null }, { tags: { 'data-class': 'internal' } }),
    params: { bucketTags: { 'data-class': 'regulated' } },
    status: 'not-applicable',
  },
  {
    name: 'bucket with the selected tag key and any value',
    resource: s3Bucket({ objectLock: null }, { tags: { 'retention-policy': 'sec-17a-4' } }),
    params: { bucketTags: { 'retention-policy': '*' } },
    status: 'fail',
  },
]);
