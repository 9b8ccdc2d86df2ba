/**
 * The standard scenarios of `testCollector` and `testSettingsCollector`, run for every registered
 * collector against the fake AWS: whatever fails — a call denied, a later page, a field left out, a resource deleted
 * mid-collection — every listed resource stays in the collection or coverage says why, and what is
 * kept fits the model.
 */
import { describe, expect, it } from 'vitest';
import type { AnyResourceCollector } from '../../src/collect/contract/collector.js';
import { resourceCollectors, settingsCollectors } from '../../src/collect/collectors/index.js';
import { iamCollectors } from '../../src/collect/collectors/iam/index.js';
import type { ResourceType } from '../../src/model/resource-types.js';
import { syntheticAccount } from '../fakes/aws/index.js';
import { ACCOUNT_LISTS, type CollectorWorld } from './support/collector-world.js';
import { testCollector } from './support/test-collector.js';
import { testSettingsCollector } from './support/test-settings-collector.js';

const REGION = 'us-east-1';

const world: CollectorWorld = {
  region: REGION,
  // The bank's key a tenant account is contracted to use.
  contractedKeyArns: ['arn:aws:kms:us-east-1:999988887777:key/0f6c1d5e-2b7a-4c1e-9a3d-5e8f7a6b4c21'],
  account: syntheticAccount({
    accountId: '111122223333',
    resources: 60,
    regions: [REGION],
    now: '2026-06-01T12:00:00.000Z',
    counts: {
      'AWS::S3::Bucket': 2,
      'AWS::KMS::Key': 2,
      'AWS::RDS::DBInstance': 2,
      'AWS::RDS::DBSnapshot': 2,
      'AWS::IAM::User': 2,
      'AWS::IAM::Group': 1,
      'AWS::IAM::Role': 2,
      'AWS::IAM::Policy': 3,
      'AWS::EC2::Instance': 2,
      'AWS::EC2::Volume': 2,
      'AWS::EC2::SecurityGroup': 2,
      'AWS::EC2::VPC': 1,
      'AWS::EC2::NetworkAcl': 1,
      'AWS::EFS::FileSystem': 2,
      'AWS::Logs::LogGroup': 1,
      'AWS::CloudWatch::Alarm': 2,
      'AWS::SNS::Topic': 1,
      'AWS::SageMaker::NotebookInstance': 2,
      'AWS::CloudFormation::Stack': 2,
      'AWS::StepFunctions::StateMachine': 2,
      // One of each design; the second is a CloudFront web ACL.
      'AWS::WAFv2::WebACL': 3,
    },
  }),
};

/** IAM's collectors share one read of the authorization details per set: a fresh set per run. */
const IAM_FRESH: Partial<Record<ResourceType, () => AnyResourceCollector>> = {
  'AWS::IAM::User': () => iamCollectors().user,
  'AWS::IAM::Group': () => iamCollectors().group,
  'AWS::IAM::Role': () => iamCollectors().role,
  'AWS::IAM::Policy': () => iamCollectors().policy,
};

/** Declared calls this world gives no cause for; each collector's own tests send them. */
const UNCALLED_IN_WORLD: Partial<Record<ResourceType, readonly string[]>> = {
  // The report exists already.
  'AWS::IAM::User': ['GenerateCredentialReport'],
  // The bank's key is not in this world: DescribeKey answers NotFound and nothing more is asked.
  'AWS::KMS::SharedKey': ['GenerateDataKey', 'ListGrants'],
  // ListBuckets names each region, the Tagging API answers the tags, ACLs are off, no bucket is versioned (Object Lock needs it).
  'AWS::S3::Bucket': ['GetBucketAcl', 'GetBucketLocation', 'GetBucketTagging', 'GetObjectLockConfiguration'],
  // ListSubscriptions answers every topic's subscriptions.
  'AWS::SNS::Topic': ['ListSubscriptionsByTopic'],
};

describe('every resource collector', () => {
  it('declares the one call that lists its resources, and the world knows where it holds them', () => {
    for (const collector of resourceCollectors) {
      const listing = collector.operations.filter((op) => op.lists === true);
      // The bank's shared key is known from the configuration, not from a listing.
      const configured = collector.resourceType === 'AWS::KMS::SharedKey';
      expect(listing.length, `${collector.resourceType} listing calls`).toBe(configured ? 0 : 1);
      expect(collector.resourceType in ACCOUNT_LISTS, `${collector.resourceType} in ACCOUNT_LISTS`).toBe(!configured);
    }
    expect(new Set(resourceCollectors.map((c) => c.resourceType)).size).toBe(resourceCollectors.length);
  });
});

for (const collector of resourceCollectors) {
  const fresh = IAM_FRESH[collector.resourceType];
  // DescribeTrails answers every trail at once: it has no pages.
  const listingPages = collector.resourceType !== 'AWS::CloudTrail::Trail';
  const uncalledInWorld = UNCALLED_IN_WORLD[collector.resourceType] ?? [];
  testCollector(collector, { world, standard: true, listingPages, uncalledInWorld, ...(fresh !== undefined && { fresh }) });
}

/** Declared calls this world gives a settings collector no cause for; each collector's own tests send them. */
const SETTINGS_UNCALLED_IN_WORLD: Partial<Record<ResourceType, readonly string[]>> = {
  // The credential report exists already, and ListOrganizationsFeatures answered, so the organisation is not described.
  'AWS::Account': ['DescribeOrganization', 'GenerateCredentialReport'],
};

for (const collector of settingsCollectors)
  testSettingsCollector(collector, { world, uncalledInWorld: SETTINGS_UNCALLED_IN_WORLD[collector.resourceType] ?? [] });
