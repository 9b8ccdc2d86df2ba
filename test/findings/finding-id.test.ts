import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findingId, findingSubject } from '../../src/findings/finding.js';

describe('finding ids', () => {
  it('are a hash of insight id and ARN: stable, distinct per insight, resource and parameter variant', () => {
    const arn = 'arn:aws:s3:::trade-records';
    expect(findingId('s3-bucket-versioning', arn)).toBe(createHash('sha256').update(`s3-bucket-versioning\u0000${arn}`).digest('hex').slice(0, 32));
    expect(findingId('s3-bucket-versioning', arn)).toBe(findingId('s3-bucket-versioning', arn));
    expect(findingId('s3-bucket-versioning', arn)).not.toBe(findingId('s3-bucket-public', arn));
    expect(findingId('s3-bucket-versioning', arn)).not.toBe(findingId('s3-bucket-versioning', `${arn}-2`));
    expect(findingId('s3-bucket-versioning', arn, '{"a":1}')).not.toBe(findingId('s3-bucket-versioning', arn));
    expect(findingId('x', arn)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('name an AWS-owned resource (one ARN in every account) by its ARN in the account, any other by its ARN', () => {
    const managed = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const a = findingId('iam-policy-admin-star', findingSubject({ arn: managed, accountId: '111111111111' }));
    const b = findingId('iam-policy-admin-star', findingSubject({ arn: managed, accountId: '222222222222' }));
    expect(a).not.toBe(b);
    const bucket = { arn: 'arn:aws:s3:::trade-records', accountId: '111111111111' };
    expect(findingSubject(bucket)).toBe(bucket.arn);
    const role = { arn: 'arn:aws:iam::111111111111:role/deployer', accountId: '111111111111' };
    expect(findingSubject(role)).toBe(role.arn);
  });
});
