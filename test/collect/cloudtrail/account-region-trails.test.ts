/**
 * The trails that log a region (`AWS::Account::Region` trailArns), from DescribeTrails with shadow
 * trails, against a mocked CloudTrail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { AccessDeniedException, CloudTrailClient, DescribeTrailsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import accountRegionTrails from '../../../src/collect/collectors/cloudtrail/account-region-trails.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, expectValid, regionOf, runSettings } from '../support/harness.js';

const REGION = 'eu-west-1';
const MANAGEMENT_ACCOUNT = '999988887777';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const arn = (name: string, region: string, account = ACCOUNT) => `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;

function trail(name: string, region: string, overrides: Partial<Trail> = {}, account = ACCOUNT): Trail {
  return {
    Name: name,
    S3BucketName: 'cloudtrail-logs',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: false,
    HomeRegion: region,
    TrailARN: arn(name, region, account),
    LogFileValidationEnabled: true,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
    ...overrides,
  };
}

const cloudtrail = mockClient(CloudTrailClient);

afterEach(() => {
  cloudtrail.reset();
});

describe('the trails that log a region', () => {
  it('counts the region’s own trails, multi-region shadows and another account’s organization trail', async () => {
    let sentTo = '';
    cloudtrail.on(DescribeTrailsCommand, { includeShadowTrails: true }).callsFake(async (_input: unknown, getClient: () => unknown) => {
      sentTo = await regionOf(getClient);
      return {
        trailList: [
          trail('local-debug', REGION),
          trail('global-trail', 'us-east-1', { IsMultiRegionTrail: true }),
          // The management account's organization trail, as a member account sees it.
          trail('org-trail', 'us-east-1', { IsMultiRegionTrail: true, IsOrganizationTrail: true }, MANAGEMENT_ACCOUNT),
          // A single-region organization trail of another region does not log this one.
          trail('org-single', 'us-west-2', { IsOrganizationTrail: true }, MANAGEMENT_ACCOUNT),
        ],
        $metadata,
      };
    });
    const { settings, coverage } = await runSettings(accountRegionTrails, { homeRegion: REGION });
    expect(sentTo).toBe(REGION);
    expect(settings).toEqual({
      trailArns: [arn('global-trail', 'us-east-1'), arn('local-debug', REGION), arn('org-trail', 'us-east-1', MANAGEMENT_ACCOUNT)].sort(),
    });
    expect(coverage).toEqual([]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('no trail at all is an empty list: nothing logs the region', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [], $metadata });
    const { settings, coverage } = await runSettings(accountRegionTrails, { homeRegion: REGION });
    expect(settings).toEqual({ trailArns: [] });
    expect(coverage).toEqual([]);
  });

  it('AccessDenied is unknown and in coverage', async () => {
    cloudtrail
      .on(DescribeTrailsCommand)
      .rejects(new AccessDeniedException({ message: 'User is not authorized to perform: cloudtrail:DescribeTrails', $metadata: { httpStatusCode: 400 } }));
    const { settings, coverage } = await runSettings(accountRegionTrails, { homeRegion: REGION });
    expect(settings).toEqual({ trailArns: unknown('AccessDeniedException: cloudtrail:DescribeTrails') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'cloudtrail',
        operation: 'DescribeTrails',
        resourceType: 'AWS::Account::Region',
        resourceArn: `arn:aws::${REGION}:${ACCOUNT}`,
        error: { code: 'AccessDeniedException', message: 'User is not authorized to perform: cloudtrail:DescribeTrails' },
        count: 1,
      },
    ]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('a trail it cannot place makes the list unknown rather than short', async () => {
    const { HomeRegion: _dropped, ...unplaced } = trail('mystery', 'us-east-1', { IsMultiRegionTrail: true });
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('local', REGION), unplaced], $metadata });
    const { settings, coverage } = await runSettings(accountRegionTrails, { homeRegion: REGION });
    expect(settings).toEqual({ trailArns: unknown('UnexpectedResponse: cloudtrail:DescribeTrails') });
    expect(coverage).toEqual([expect.objectContaining({ error: { code: 'UnexpectedResponse', message: expect.stringContaining('mystery') } })]);
  });

  it('is not read when no selected insight needs it', async () => {
    const { settings } = await runSettings(accountRegionTrails, { fields: ['configRecorders'] });
    expect(settings).toEqual({ trailArns: unknown('NotCollected: cloudtrail:DescribeTrails') });
    expect(cloudtrail.send.callCount).toBe(0);
  });
});
