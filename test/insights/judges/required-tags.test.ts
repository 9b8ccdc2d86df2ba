import { describe, expect, it } from 'vitest';
import { evaluateRequiredTags, requiredTagKeys } from '../../../insights/judges/required-tags.js';
import { account, accountRegion, ebsVolume, iamPolicy, kmsKey, s3Bucket } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { verdict } from '../../../src/engine/verdict.js';

const settings = { requiredTags: { '*': ['owner', 'cost-center'], 'AWS::S3::Bucket': ['data-classification', 'owner'] } };

describe('requiredTagKeys', () => {
  it('joins the keys of all types with those of the type, without duplicates', () => {
    expect(requiredTagKeys('AWS::S3::Bucket', settings.requiredTags)).toEqual(['owner', 'cost-center', 'data-classification']);
    expect(requiredTagKeys('AWS::EC2::Volume', settings.requiredTags)).toEqual(['owner', 'cost-center']);
    expect(requiredTagKeys('AWS::EC2::Volume', { 'AWS::S3::Bucket': ['owner'] })).toEqual([]);
  });
});

describe('evaluateRequiredTags', () => {
  it('passes a resource carrying every required key', () => {
    const bucket = s3Bucket({}, { tags: { owner: 'data-team', 'cost-center': '42', 'data-classification': 'confidential' } });
    expect(evaluateRequiredTags(bucket, settings, verdict)).toMatchObject({ status: 'pass' });
  });

  it('fails on missing keys and on keys with empty values', () => {
    const bucket = s3Bucket({}, { tags: { owner: ' ', 'cost-center': '42' } });
    expect(evaluateRequiredTags(bucket, settings, verdict)).toMatchObject({
      status: 'fail',
      evidence: { missing: ['owner', 'data-classification'], required: ['owner', 'cost-center', 'data-classification'] },
    });
  });

  it('is an error when the tags could not be read', () => {
    const volume = ebsVolume({}, { tags: unknown('AccessDenied: ec2:DescribeTags') });
    expect(evaluateRequiredTags(volume, settings, verdict)).toMatchObject({ status: 'error', reason: /AccessDenied/ });
  });

  it('is not applicable when no tags are required of the type', () => {
    expect(evaluateRequiredTags(ebsVolume(), { requiredTags: { 'AWS::S3::Bucket': ['owner'] } }, verdict)).toMatchObject({ status: 'not-applicable' });
  });

  it('is not applicable to resources that cannot be tagged', () => {
    expect(evaluateRequiredTags(kmsKey({ manager: 'AWS' }), settings, verdict)).toMatchObject({ status: 'not-applicable' });
    expect(evaluateRequiredTags(iamPolicy({ awsManaged: true }), settings, verdict)).toMatchObject({ status: 'not-applicable' });
    expect(evaluateRequiredTags(accountRegion(), settings, verdict)).toMatchObject({ status: 'not-applicable' });
  });

  it('judges customer-managed keys and policies', () => {
    expect(evaluateRequiredTags(kmsKey(), settings, verdict)).toMatchObject({ status: 'fail' });
    expect(evaluateRequiredTags(iamPolicy(), settings, verdict)).toMatchObject({ status: 'fail' });
  });

  it('judges accounts only when AWS::Account is named', () => {
    expect(evaluateRequiredTags(account(), settings, verdict)).toMatchObject({ status: 'not-applicable' });
    const named = { requiredTags: { ...settings.requiredTags, 'AWS::Account': ['environment'] } };
    expect(evaluateRequiredTags(account({}, { tags: { environment: 'prod' } }), named, verdict)).toMatchObject({
      status: 'fail',
      evidence: { missing: ['owner', 'cost-center'] },
    });
  });
});
