import { describe, expect, it } from 'vitest';
import { describeAwsError } from '../../../src/collect/aws/aws-error.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { validatorFor } from '../../../src/schemas/ajv.js';
import { SnapshotHeader } from '../../../src/snapshot/snapshot-header.js';
import { S3ServiceException } from '@aws-sdk/client-s3';

const failure = {
  accountId: '111122223333',
  region: 'eu-west-1',
  service: 's3',
  operation: 'GetBucketPolicy',
  code: 'AccessDenied',
  message: 'Access Denied',
  resourceType: 'AWS::S3::Bucket',
};

describe('CoverageRecorder', () => {
  it('returns the unknown value an insight reports, and one entry per failure with a count', () => {
    const coverage = new CoverageRecorder();
    expect(coverage.record({ ...failure, resourceArn: 'arn:aws:s3:::a' })).toEqual({ $unknown: 'AccessDenied: s3:GetBucketPolicy' });
    expect(coverage.list()).toEqual([
      {
        accountId: '111122223333',
        region: 'eu-west-1',
        service: 's3',
        operation: 'GetBucketPolicy',
        resourceType: 'AWS::S3::Bucket',
        resourceArn: 'arn:aws:s3:::a',
        error: { code: 'AccessDenied', message: 'Access Denied' },
        count: 1,
      },
    ]);
    coverage.record({ ...failure, resourceArn: 'arn:aws:s3:::b' });
    coverage.record({ ...failure, resourceArn: 'arn:aws:s3:::a' });
    coverage.record({ ...failure, region: 'us-east-1', resourceArn: 'arn:aws:s3:::c' });
    const entries = coverage.list();
    expect(entries).toHaveLength(2);
    const eu = entries.find((e) => e.region === 'eu-west-1')!;
    expect(eu.count).toBe(3);
    expect(eu).not.toHaveProperty('resourceArn');
    expect(entries.find((e) => e.region === 'us-east-1')).toMatchObject({ count: 1, resourceArn: 'arn:aws:s3:::c' });
  });

  it('writes entries the snapshot header accepts', () => {
    const coverage = new CoverageRecorder();
    coverage.record({ ...failure, resourceArn: 'arn:aws:s3:::a' });
    coverage.record({
      accountId: '111122223333',
      region: 'eu-west-1',
      service: 'kms',
      operation: 'ListKeys',
      code: 'ThrottlingException',
      message: 'Rate exceeded',
    });
    const header = {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: '2026-03-01T09:00:00.000Z',
      collector: { tool: 'vigil', version: '0.1.0', source: 'api' },
      accounts: [{ id: '111122223333', regions: ['eu-west-1'] }],
      coverage: coverage.list(),
    };
    const validate = validatorFor(SnapshotHeader);
    expect(validate(header) ? [] : validate.errors).toEqual([]);
  });
});

describe('describeAwsError', () => {
  it('reads the code of service exceptions, network errors and anything else', () => {
    expect(
      describeAwsError(
        new S3ServiceException({ name: 'SlowDown', $fault: 'server', $metadata: { httpStatusCode: 503 }, message: 'Please reduce your request rate.' }),
      ),
    ).toEqual({ code: 'SlowDown', message: 'Please reduce your request rate.', status: 503 });
    expect(describeAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }))).toEqual({
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED 127.0.0.1:4566',
    });
    expect(describeAwsError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }))).toMatchObject({
      code: 'CredentialsProviderError',
    });
    expect(describeAwsError('weird')).toEqual({ code: 'Error', message: 'weird' });
    expect(describeAwsError(new Error('x'.repeat(600))).message).toHaveLength(501);
  });
});
