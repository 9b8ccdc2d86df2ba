import { describe, expect, it } from 'vitest';
import { pacedReader } from '../../../src/bots/runtime/paced-reader.js';

describe('pacedReader', () => {
  it('spaces a paced call per account, region and operation on the clock it is given; unpaced calls go at once', async () => {
    let clock = 1_000;
    const sent: [string, string, number][] = [];
    const read = pacedReader(
      {
        send: (target, call) => {
          sent.push([`${target.accountId}/${target.region}`, call.operation, clock]);
          return Promise.resolve({});
        },
      },
      { now: () => clock, sleep: (ms) => Promise.resolve(void (clock += ms)) },
    );
    const lookup = { service: 'cloudtrail' as const, operation: 'LookupEvents', input: {}, permission: 'cloudtrail:LookupEvents', perSecond: 2 };
    const here = { accountId: '111111111111', region: 'eu-west-1' };
    await read(here, lookup);
    await read(here, lookup);
    await read({ ...here, region: 'us-east-1' }, lookup);
    await read(here, { service: 'rds', operation: 'DescribeDBSnapshots', input: {}, permission: 'rds:DescribeDBSnapshots' });
    await read(here, lookup);
    expect(sent).toEqual([
      ['111111111111/eu-west-1', 'LookupEvents', 1_000],
      ['111111111111/eu-west-1', 'LookupEvents', 1_500],
      ['111111111111/us-east-1', 'LookupEvents', 1_500],
      ['111111111111/eu-west-1', 'DescribeDBSnapshots', 1_500],
      ['111111111111/eu-west-1', 'LookupEvents', 2_000],
    ]);
  });
});
