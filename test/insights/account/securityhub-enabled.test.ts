import securityHubEnabled from '../../../insights/account/securityhub-enabled.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const HUB = { hubArn: 'arn:aws:securityhub:eu-west-1:111122223333:hub/default', subscribedAt: '2024-11-19T23:15:10.046Z', autoEnableControls: false };

testInsight(securityHubEnabled, [
  { name: 'subscribed', resource: accountRegion({ securityHub: HUB }), status: 'pass', reason: /hub\/default/ },
  { name: 'not subscribed', resource: accountRegion({ securityHub: null }), status: 'fail', evidence: { securityHub: null } },
  {
    name: 'region outside the allowed regions',
    resource: accountRegion({ securityHub: null }, { region: 'sa-east-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    params: { onlyAllowedRegions: true },
    status: 'not-applicable',
  },
  {
    name: 'not subscribed in a region outside the allowed regions fails by default (CIS: every region)',
    resource: accountRegion({ securityHub: null }, { region: 'sa-east-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    status: 'fail',
  },
  {
    name: 'access denied',
    resource: accountRegion({ securityHub: unknown('AccessDeniedException: securityhub:DescribeHub') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  { name: 'not collected', resource: accountRegion({ securityHub: unknown('NotCollected: securityhub:DescribeHub') }), status: 'error' },
]);
