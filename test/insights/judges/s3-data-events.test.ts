import { describe, expect, it } from 'vitest';
import { coversBucket, describeScope } from '../../../insights/judges/s3-data-events.js';
import type { S3DataEventScope } from '../../../src/model/types/cloudtrail/trail.js';

const BUCKET = 'arn:aws:s3:::trade-records';

describe('coversBucket', () => {
  const cases: [string, S3DataEventScope, boolean][] = [
    ['every bucket', { buckets: 'all', exceptArnPrefixes: [] }, true],
    ['every bucket but another', { buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade-records-archive/'] }, true],
    ['every bucket but this one', { buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade-records/'] }, false],
    ['every bucket but a key prefix of this one', { buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade-records/tmp/'] }, false],
    ['every bucket but those starting "trade"', { buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::trade'] }, false],
    ['this bucket', { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade-records/'] }, true],
    ['buckets starting "trade"', { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade'] }, true],
    ['a key prefix of this bucket', { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade-records/2026/'] }, false],
    ['a bucket whose name extends this one', { buckets: 'prefixes', arnPrefixes: ['arn:aws:s3:::trade-records-archive/'] }, false],
    ['no bucket', { buckets: 'none' }, false],
  ];
  for (const [name, scope, covered] of cases) {
    it(`${name}: ${covered ? 'covers' : 'does not cover'} the bucket`, () => {
      expect(coversBucket(scope, BUCKET)).toBe(covered);
    });
  }

  it('says what a scope records', () => {
    expect(describeScope({ buckets: 'all', exceptArnPrefixes: ['arn:aws:s3:::logs/'] })).toBe('every bucket but arn:aws:s3:::logs/');
    expect(describeScope({ buckets: 'none' })).toBe('no bucket');
  });
});
