/**
 * The cases s3-bucket-object-read-events and s3-bucket-object-write-events share: the same rule,
 * each for its kind of S3 data events. A "trail" records `kind` with the scope given and, for the
 * other kind, nothing — so that no case passes on the wrong kind.
 */
import type { InsightCase } from '../../support/insight-tester.js';
import { accountRegion, cloudTrail, DEFAULT_ACCOUNT, s3Bucket } from '../../../src/model/builders.js';
import { arnFor } from '../../../src/model/arn.js';
import type { S3DataEventScope } from '../../../src/model/types/cloudtrail/trail.js';
import { unknown } from '../../../src/model/unknown.js';

export type Kind = 'read' | 'write';

const NONE: S3DataEventScope = { buckets: 'none' };
const EVERY: S3DataEventScope = { buckets: 'all', exceptArnPrefixes: [] };

export function recording(kind: Kind, scope: S3DataEventScope, other: S3DataEventScope = NONE) {
  return kind === 'read' ? { read: scope, write: other } : { read: other, write: scope };
}

const BUCKET = 'trade-records';
const bucket = (envelope: Parameters<typeof s3Bucket>[1] = {}) => s3Bucket({}, { id: BUCKET, ...envelope });
const trailArn = (name: string, account = DEFAULT_ACCOUNT) => arnFor('AWS::CloudTrail::Trail', account, 'eu-west-1', name);
/** eu-west-1 of the default account, logged by the given trails. */
const region = (...trails: string[]) => accountRegion({ trailArns: trails });

export function objectEventCases(kind: Kind): InsightCase[] {
  const trail = (scope: S3DataEventScope, id = 'organization-trail', more: Parameters<typeof cloudTrail>[0] = {}) =>
    cloudTrail({ s3DataEvents: recording(kind, scope), ...more }, { id });
  const org = trailArn('organization-trail');
  return [
    {
      name: 'a trail records the events of every bucket',
      resource: bucket(),
      inventory: [region(org), trail(EVERY)],
      status: 'pass',
      reason: /organization-trail .*every bucket/,
    },
    {
      name: 'a trail records the events of the whole bucket',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::payroll/', 'arn:aws:s3:::trade-records/'] })],
      status: 'pass',
    },
    {
      name: 'a trail records every bucket but the log bucket',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::cloudtrail-logs/'] })],
      status: 'pass',
      reason: /every bucket but arn:aws:s3:::cloudtrail-logs\//,
    },
    {
      name: 'a trail records every bucket but this one',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade-records/'] })],
      status: 'fail',
      evidence: { trails: [{ arn: org, outcome: 'falls-short' }] },
    },
    {
      name: 'a trail records every bucket but a key prefix of this one',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade-records/tmp/'] })],
      status: 'fail',
    },
    {
      name: 'an excluded name prefix takes in this bucket',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade'] })],
      status: 'fail',
    },
    {
      name: 'a trail records a key prefix of the bucket only',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade-records/2026/'] })],
      status: 'fail',
      reason: /only arn:aws:s3:::trade-records\/2026\//,
    },
    {
      name: 'a trail records another bucket whose name starts like this one',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade-records-archive/'] })],
      status: 'fail',
    },
    {
      name: 'a name prefix takes in the whole bucket',
      resource: bucket(),
      inventory: [region(org), trail({ buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade'] })],
      status: 'pass',
    },
    {
      name: `the trail records the other kind only`,
      resource: bucket(),
      inventory: [region(org), cloudTrail({ s3DataEvents: recording(kind, NONE, EVERY) })],
      status: 'fail',
      reason: new RegExp(`records S3 object ${kind} events of no bucket`),
    },
    {
      name: 'the trail that records every bucket is not logging',
      resource: bucket(),
      inventory: [region(org), trail(EVERY, 'organization-trail', { isLogging: false })],
      status: 'fail',
      reason: /is not logging/,
    },
    {
      name: 'one trail falls short, another records the bucket',
      resource: bucket(),
      inventory: [region(org, trailArn('data-events')), trail(NONE), trail(EVERY, 'data-events')],
      status: 'pass',
      reason: /data-events/,
    },
    { name: 'no trail logs the region', resource: bucket(), inventory: [region()], status: 'fail', evidence: { trails: [] } },
    {
      name: 'event selectors unreadable',
      resource: bucket(),
      inventory: [region(org), cloudTrail({ s3DataEvents: unknown('AccessDeniedException: cloudtrail:GetEventSelectors') })],
      status: 'error',
      reason: /AccessDeniedException/,
    },
    {
      name: 'logging status unreadable on the trail that records every bucket',
      resource: bucket(),
      inventory: [region(org), trail(EVERY, 'organization-trail', { isLogging: unknown('AccessDeniedException: cloudtrail:GetTrailStatus') })],
      status: 'error',
    },
    {
      name: 'a trail that is not logging falls short whatever its selectors',
      resource: bucket(),
      inventory: [region(org), cloudTrail({ isLogging: false, s3DataEvents: unknown('AccessDeniedException: cloudtrail:GetEventSelectors') })],
      status: 'fail',
    },
    {
      name: 'the organization trail of an account not scanned',
      resource: bucket({ accountId: '222222222222' }),
      inventory: [accountRegion({ trailArns: [trailArn('org-trail', '999999999999')] }, { accountId: '222222222222' })],
      status: 'error',
      reason: /not in the inventory/,
    },
    {
      name: 'trails of the region unreadable',
      resource: bucket(),
      inventory: [accountRegion({ trailArns: unknown('AccessDeniedException: cloudtrail:DescribeTrails') }), trail(EVERY)],
      status: 'error',
      reason: /AccessDeniedException/,
    },
    { name: 'region settings not collected', resource: bucket(), inventory: [trail(EVERY)], status: 'error', reason: /not in the inventory/ },
    {
      name: "the bucket's own region decides, not the trail's",
      resource: bucket({ region: 'us-east-1' }),
      inventory: [region(org), accountRegion({ trailArns: [] }, { region: 'us-east-1' }), trail(EVERY)],
      status: 'fail',
    },
    {
      name: 'a multi-region trail listed in the bucket region',
      resource: bucket({ region: 'us-east-1' }),
      inventory: [accountRegion({ trailArns: [org] }, { region: 'us-east-1' }), trail(EVERY)],
      status: 'pass',
    },
    {
      name: 'bucket outside the tag selector',
      resource: bucket({ tags: { 'data-class': 'public' } }),
      params: { bucketTags: { 'data-class': 'regulated' } },
      inventory: [region(org), trail(NONE)],
      status: 'not-applicable',
    },
    {
      name: 'bucket inside the tag selector',
      resource: bucket({ tags: { 'data-class': 'regulated' } }),
      params: { bucketTags: { 'data-class': 'regulated' } },
      inventory: [region(org), trail(NONE)],
      status: 'fail',
    },
    {
      name: 'tags unreadable with a tag selector',
      resource: bucket({ tags: unknown('AccessDenied: s3:GetBucketTagging') }),
      params: { bucketTags: { 'data-class': 'regulated' } },
      inventory: [region(org), trail(EVERY)],
      status: 'error',
    },
  ];
}
