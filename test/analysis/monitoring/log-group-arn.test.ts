import { describe, expect, it } from 'vitest';
import { parseLogGroupArn } from '../../../src/analysis/monitoring/log-group-arn.js';

describe('parseLogGroupArn', () => {
  it('reads CloudTrail’s CloudWatchLogsLogGroupArn, with :*, and the logGroupArn without it', () => {
    const where = { accountId: '111122223333', region: 'eu-west-1', name: 'aws-cloudtrail-logs-111122223333-org' };
    expect(parseLogGroupArn('arn:aws:logs:eu-west-1:111122223333:log-group:aws-cloudtrail-logs-111122223333-org:*')).toEqual(where);
    expect(parseLogGroupArn('arn:aws:logs:eu-west-1:111122223333:log-group:aws-cloudtrail-logs-111122223333-org')).toEqual(where);
  });

  it('keeps slashes, dots and hashes of the name; reads other partitions', () => {
    expect(parseLogGroupArn('arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/aws/rds/instance/ledger.v2/audit#1:*')).toEqual({
      accountId: '111122223333',
      region: 'us-gov-west-1',
      name: '/aws/rds/instance/ledger.v2/audit#1',
    });
  });

  it('refuses what is no log group ARN', () => {
    for (const arn of [
      'arn:aws:s3:::bucket',
      'arn:aws:logs:eu-west-1:111122223333:destination:d',
      'arn:aws:logs:eu-west-1:1111:log-group:x',
      'log-group:x',
      '',
    ]) {
      expect(parseLogGroupArn(arn), arn).toBeUndefined();
    }
  });
});
