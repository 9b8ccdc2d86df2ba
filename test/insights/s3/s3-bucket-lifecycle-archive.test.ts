import lifecycleArchive from '../../../insights/s3/s3-bucket-lifecycle-archive.js';
import { s3Bucket } from '../../../src/model/builders.js';
import type { LifecycleRule } from '../../../src/model/types/s3/bucket.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const rule = (overrides: Partial<LifecycleRule>): LifecycleRule => ({
  id: 'archive',
  status: 'Enabled',
  prefix: '',
  transitions: [{ days: 92, date: null, storageClass: 'GLACIER' }],
  noncurrentVersionTransitions: [],
  expirationDays: null,
  ...overrides,
});
const withRules = (...rules: LifecycleRule[]) => s3Bucket({ lifecycleRules: rules });

testInsight(lifecycleArchive, [
  { name: 'archives to GLACIER after 90 days', resource: s3Bucket(), status: 'pass', reason: /GLACIER after 90 days/ },
  { name: 'archives after exactly 92 days', resource: withRules(rule({})), status: 'pass' },
  {
    name: 'archives after 93 days',
    resource: withRules(rule({ transitions: [{ days: 93, date: null, storageClass: 'GLACIER' }] })),
    status: 'fail',
    reason: /after 93 days, later than 92/,
  },
  { name: 'DEEP_ARCHIVE', resource: withRules(rule({ transitions: [{ days: 30, date: null, storageClass: 'DEEP_ARCHIVE' }] })), status: 'pass' },
  {
    name: 'STANDARD_IA first, then GLACIER_IR in time',
    resource: withRules(
      rule({
        transitions: [
          { days: 30, date: null, storageClass: 'STANDARD_IA' },
          { days: 60, date: null, storageClass: 'GLACIER_IR' },
        ],
      }),
    ),
    status: 'pass',
    reason: /GLACIER_IR after 60 days/,
  },
  {
    name: 'only STANDARD_IA',
    resource: withRules(rule({ transitions: [{ days: 30, date: null, storageClass: 'STANDARD_IA' }] })),
    status: 'fail',
    reason: /no lifecycle rule transitions current objects/,
  },
  { name: 'a rule limited to a prefix', resource: withRules(rule({ prefix: 'reports/' })), status: 'fail', reason: /only covers objects under "reports\/"/ },
  { name: 'a disabled rule', resource: withRules(rule({ status: 'Disabled' })), status: 'fail', reason: /is disabled/ },
  {
    name: 'only noncurrent versions archived',
    resource: withRules(rule({ id: 'old-versions', transitions: [], noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: 'GLACIER' }] })),
    status: 'fail',
    reason: /rule "old-versions" archives only noncurrent versions/,
  },
  {
    name: 'a good rule beside a prefix rule',
    resource: withRules(rule({ id: null, prefix: 'tmp/' }), rule({ id: 'all' })),
    status: 'pass',
    reason: /rule "all"/,
  },
  {
    name: 'a transition date already past',
    resource: withRules(rule({ transitions: [{ days: null, date: '2025-01-01T00:00:00.000Z', storageClass: 'GLACIER' }] })),
    status: 'pass',
    reason: /after 0 days/,
  },
  {
    name: 'a transition date in the future',
    resource: withRules(rule({ transitions: [{ days: null, date: '2027-01-01T00:00:00.000Z', storageClass: 'GLACIER' }] })),
    status: 'fail',
    reason: /only starts on 2027/,
  },
  { name: 'a tightened maximum', resource: s3Bucket(), params: { maxDays: 30 }, status: 'fail', reason: /later than 30/ },
  { name: 'no lifecycle configuration', resource: s3Bucket({ lifecycleRules: null }), status: 'fail', reason: /no lifecycle rules/ },
  {
    name: 'lifecycle configuration unreadable',
    resource: s3Bucket({ lifecycleRules: unknown('AccessDenied: s3:GetLifecycleConfiguration') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'bucket outside the tag selector',
    resource: s3Bucket({ lifecycleRules: null }),
    params: { bucketTags: { 'data-class': 'regulated' } },
    status: 'not-applicable',
  },
]);
