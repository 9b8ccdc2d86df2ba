import regionAllowed from '../../../insights/organisation/region-allowed.js';
import { account, accountRegion, iamUser, rdsInstance, s3Bucket } from '../../../src/model/builders.js';
import { testInsight } from '../../support/insight-tester.js';

const allowed = { allowedRegions: ['us-east-1', 'eu-west-1'] };

testInsight(
  regionAllowed,
  [
    { name: 'bucket in an allowed region', resource: s3Bucket({}, { region: 'eu-west-1' }), settings: allowed, status: 'pass' },
    {
      name: 'database in a third region',
      resource: rdsInstance({}, { region: 'ap-southeast-2' }),
      settings: allowed,
      status: 'fail',
      reason: /ap-southeast-2/,
      evidence: { region: 'ap-southeast-2' },
    },
    { name: 'no allowed regions configured', resource: s3Bucket({}, { region: 'ap-southeast-2' }), status: 'not-applicable' },
    { name: 'global IAM user', resource: iamUser(), settings: allowed, status: 'not-applicable' },
    { name: 'account settings', resource: account(), settings: allowed, status: 'not-applicable' },
    { name: 'region settings of a disallowed region', resource: accountRegion({}, { region: 'ap-southeast-2' }), settings: allowed, status: 'not-applicable' },
  ],
  { neverErrors: 'it reads only the region of the resource, which every resource has' },
);
