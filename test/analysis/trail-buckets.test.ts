import { describe, expect, it } from 'vitest';
import { trailsDeliveringTo } from '../../src/analysis/trail-buckets.js';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { cloudTrail, s3Bucket } from '../../src/model/builders.js';

describe('trailsDeliveringTo', () => {
  const logs = s3Bucket({}, { id: 'cloudtrail-logs', accountId: '222222222222' });

  it('finds the trails of any scanned account that name the bucket, once each', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    const org = cloudTrail({ isOrganizationTrail: true });
    const local = cloudTrail({}, { id: 'local', accountId: '333333333333', region: 'us-east-1' });
    inventory.add(org);
    inventory.add(local);
    inventory.add(cloudTrail({ s3BucketName: 'elsewhere' }, { id: 'other' }));
    inventory.add(cloudTrail({ s3BucketName: null }, { id: 'no-bucket' }));
    expect(trailsDeliveringTo(logs, inventory).map((t) => t.arn)).toEqual([org.arn, local.arn]);
    expect(trailsDeliveringTo(s3Bucket({}, { id: 'elsewhere' }), inventory).map((t) => t.id)).toEqual(['other']);
    expect(trailsDeliveringTo(s3Bucket({}, { id: 'unrelated' }), inventory)).toEqual([]);
  });

  it('indexes once per scan, and again when trails were added since', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    expect(trailsDeliveringTo(logs, inventory)).toEqual([]);
    const trail = cloudTrail();
    inventory.add(trail);
    expect(trailsDeliveringTo(logs, inventory)).toEqual([trail]);
    expect(trailsDeliveringTo(logs, inventory)).toBe(trailsDeliveringTo(logs, inventory));
  });

  it('matches the partition of the trail', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    inventory.add(cloudTrail({}, { arn: 'arn:aws-cn:cloudtrail:cn-north-1:111111111111:trail/organization-trail', region: 'cn-north-1' }));
    expect(trailsDeliveringTo(logs, inventory)).toEqual([]);
    expect(trailsDeliveringTo({ arn: 'arn:aws-cn:s3:::cloudtrail-logs' }, inventory)).toHaveLength(1);
  });
});
