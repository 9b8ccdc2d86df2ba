import multiRegion from '../../../insights/account/cloudtrail-multi-region.js';
import { accountRegion, cloudTrail } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const orgTrail = cloudTrail();
const regional = cloudTrail({ isMultiRegionTrail: false }, { id: 'regional-trail', region: 'us-east-1' });
const readOnly = cloudTrail({ managementEvents: 'ReadOnly' }, { id: 'read-only-trail' });
const writeOnly = cloudTrail({ managementEvents: 'WriteOnly' }, { id: 'write-only-trail' });
const stopped = cloudTrail({ isLogging: false }, { id: 'stopped-trail' });
const memberOrgTrail = cloudTrail({ isOrganizationTrail: true }, { id: 'org-trail', accountId: '999999999999', region: 'us-east-1' });

/** The us-east-1 settings of the default account, logged by the given trails. */
function usEast1(...trails: { arn: string }[]) {
  return accountRegion({ trailArns: trails.map((t) => t.arn) }, { region: 'us-east-1' });
}

testInsight(multiRegion, [
  { name: 'multi-region trail from another home region', resource: usEast1(orgTrail), inventory: [orgTrail], status: 'pass', reason: /organization-trail/ },
  {
    name: 'a single-region trail beside a good multi-region one',
    resource: usEast1(regional, orgTrail),
    inventory: [regional, orgTrail],
    status: 'pass',
  },
  {
    name: 'organization trail of the management account',
    resource: usEast1(memberOrgTrail),
    inventory: [memberOrgTrail],
    status: 'pass',
  },
  {
    name: 'only a single-region trail',
    resource: usEast1(regional),
    inventory: [regional],
    status: 'fail',
    reason: /single-region/,
    evidence: { trails: [{ arn: regional.arn, outcome: 'falls-short', shortfalls: ['single-region'] }] },
  },
  { name: 'read-only management events', resource: usEast1(readOnly), inventory: [readOnly], status: 'fail', reason: /ReadOnly management events only/ },
  { name: 'write-only management events', resource: usEast1(writeOnly), inventory: [writeOnly], status: 'fail', reason: /WriteOnly/ },
  {
    name: 'no management events',
    resource: usEast1(cloudTrail({ managementEvents: 'None' })),
    inventory: [cloudTrail({ managementEvents: 'None' })],
    status: 'fail',
    reason: /no management events/,
  },
  { name: 'multi-region trail not logging', resource: usEast1(stopped), inventory: [stopped], status: 'fail', reason: /not logging/ },
  { name: 'no trail at all', resource: usEast1(), status: 'fail', evidence: { trails: [] } },
  {
    name: 'trail that falls short even with an unreadable status',
    resource: usEast1(regional),
    inventory: [
      cloudTrail({ isMultiRegionTrail: false, isLogging: unknown('AccessDenied: cloudtrail:GetTrailStatus') }, { id: 'regional-trail', region: 'us-east-1' }),
    ],
    status: 'fail',
  },
  {
    name: 'good trail wins over an unreadable one',
    resource: usEast1(stopped, orgTrail),
    inventory: [cloudTrail({ isLogging: unknown('AccessDenied: cloudtrail:GetTrailStatus') }, { id: 'stopped-trail' }), orgTrail],
    status: 'pass',
  },
  {
    name: 'logging status unreadable',
    resource: usEast1(orgTrail),
    inventory: [cloudTrail({ isLogging: unknown('AccessDenied: cloudtrail:GetTrailStatus') })],
    status: 'error',
    reason: /logging status \(AccessDenied/,
  },
  {
    name: 'event selectors unreadable',
    resource: usEast1(orgTrail),
    inventory: [cloudTrail({ managementEvents: unknown('AccessDenied: cloudtrail:GetEventSelectors') })],
    status: 'error',
  },
  {
    name: 'organization trail of an account that was not scanned',
    resource: usEast1(memberOrgTrail),
    status: 'error',
    reason: /not in the inventory: it belongs to account 999999999999 .*event selectors can be read only there; add account 999999999999 to the scan/,
  },
  { name: 'trail list unreadable', resource: accountRegion({ trailArns: unknown('AccessDenied: cloudtrail:DescribeTrails') }), status: 'error' },
  {
    name: 'region outside the allowed regions',
    resource: usEast1(),
    settings: { allowedRegions: ['eu-west-1'] },
    params: { onlyAllowedRegions: true },
    status: 'not-applicable',
  },
  {
    name: 'allowed region without a trail',
    resource: accountRegion({ trailArns: [] }, { region: 'eu-west-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    status: 'fail',
  },
]);
