import { describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import type { CoverageEntry } from '../../src/snapshot/coverage.js';
import type { ResourceType } from '../../src/model/resource-types.js';
import { covers, scanScope, scopeKey } from '../../src/store/scan-scope.js';

const A = '111111111111';
const B = '222222222222';
const entry = (over: Partial<CoverageEntry>): CoverageEntry => ({
  accountId: A,
  region: 'us-east-1',
  service: 's3',
  operation: 'ListBuckets',
  error: { code: 'AccessDenied', message: 'denied' },
  ...over,
});

describe('what a scan covered', () => {
  const coverage = [
    entry({ resourceType: 'AWS::S3::Bucket' }),
    entry({ accountId: B, resourceType: 'AWS::KMS::Key', resourceArn: 'arn:aws:kms:us-east-1:222222222222:key/k', operation: 'GetKeyRotationStatus' }),
    entry({ accountId: B, service: 'organizations', operation: 'ListOrganizationsFeatures' }),
    entry({ accountId: B, region: 'eu-west-1', resourceType: 'AWS::RDS::DBInstance', operation: 'DescribeDBInstances' }),
  ];
  const scope = scanScope({
    accounts: [
      { id: A, regions: ['us-east-1', 'eu-west-1'] },
      { id: B, regions: ['eu-west-1'] },
      { id: '333333333333', regions: ['eu-west-1'], scanned: false },
    ],
    coverage,
    insights: [
      { insight: 's3-bucket-public', variant: '' },
      { insight: 'kms-key-rotation', variant: '{"maxRotationPeriodDays":180}' },
    ],
  });
  const cell = (over: Partial<Parameters<typeof covers>[1]>) => ({
    accountId: B,
    region: 'eu-west-1',
    resourceType: 'AWS::S3::Bucket',
    insight: 's3-bucket-public',
    variant: '',
    ...over,
  });

  it('covers the collected account-regions, global included, not an account that could not be scanned', () => {
    expect(covers(scope, cell({}))).toBe(true);
    expect(covers(scope, cell({ region: 'global' }))).toBe(true);
    expect(covers(scope, cell({ region: 'us-east-1' }))).toBe(false);
    expect(covers(scope, cell({ accountId: '333333333333' }))).toBe(false);
  });

  it('covers the insights that ran, with the same parameter variant', () => {
    expect(covers(scope, cell({ insight: 'kms-key-rotation', resourceType: 'AWS::KMS::Key', variant: '{"maxRotationPeriodDays":180}' }))).toBe(true);
    expect(covers(scope, cell({ insight: 'kms-key-rotation', resourceType: 'AWS::KMS::Key', variant: '' }))).toBe(false);
    expect(covers(scope, cell({ insight: 'iam-user-mfa' }))).toBe(false);
  });

  it("reads listing gaps as the engine's inventory does, for the type in the whole account", () => {
    const inventory = new InMemoryInventory(['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::RDS::DBInstance']);
    inventory.noteCoverage(coverage);
    for (const [account, type] of [
      [A, 'AWS::S3::Bucket'],
      [B, 'AWS::KMS::Key'],
      [B, 'AWS::RDS::DBInstance'],
      [B, 'AWS::S3::Bucket'],
    ] as [string, ResourceType][]) {
      const gap = inventory.listingGap(type, account) !== undefined;
      for (const region of ['us-east-1', 'eu-west-1', 'global']) {
        const covered = covers(
          {
            ...scope,
            regions: new Map([
              [A, new Set([region])],
              [B, new Set([region])],
            ]),
          },
          cell({ accountId: account, resourceType: type, region }),
        );
        expect(covered, `${account} ${type} ${region}`).toBe(!gap);
      }
    }
  });

  it('keys scans of the same accounts, regions and insights alike', () => {
    const again = scanScope({
      accounts: [
        { id: B, regions: ['eu-west-1'] },
        { id: A, regions: ['eu-west-1', 'us-east-1'] },
      ],
      coverage: [],
      insights: [
        { insight: 'kms-key-rotation', variant: '{"maxRotationPeriodDays":180}' },
        { insight: 's3-bucket-public', variant: '' },
      ],
    });
    expect(scopeKey(again)).toBe(scopeKey(scope));
    expect(scopeKey({ ...again, insights: new Set(['s3-bucket-public']) })).not.toBe(scopeKey(scope));
  });
});
