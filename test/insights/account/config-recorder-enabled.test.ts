import recorderEnabled from '../../../insights/account/config-recorder-enabled.js';
import { accountRegion } from '../../../src/model/builders.js';
import type { ConfigRecorder } from '../../../src/model/types/account/account-region.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function recorder(overrides: Partial<ConfigRecorder> = {}): ConfigRecorder {
  return { name: 'default', recording: true, allSupported: true, includeGlobalResourceTypes: false, lastStatus: 'SUCCESS', ...overrides };
}

testInsight(recorderEnabled, [
  { name: 'recording all types', resource: accountRegion({ configRecorders: [recorder()] }), status: 'pass', reason: /default/ },
  { name: 'first delivery pending', resource: accountRegion({ configRecorders: [recorder({ lastStatus: 'PENDING' })] }), status: 'pass' },
  { name: 'never delivered yet', resource: accountRegion({ configRecorders: [recorder({ lastStatus: null })] }), status: 'pass' },
  { name: 'no recorder', resource: accountRegion({ configRecorders: [] }), status: 'fail', evidence: { configRecorders: [] } },
  { name: 'recorder stopped', resource: accountRegion({ configRecorders: [recorder({ recording: false })] }), status: 'fail', reason: /not recording/ },
  {
    name: 'selected resource types only',
    resource: accountRegion({ configRecorders: [recorder({ allSupported: false })] }),
    status: 'fail',
    reason: /selected resource types/,
  },
  { name: 'last delivery failed', resource: accountRegion({ configRecorders: [recorder({ lastStatus: 'FAILURE' })] }), status: 'fail', reason: /failed/ },
  {
    name: 'a failing recorder beside a good one',
    resource: accountRegion({ configRecorders: [recorder({ name: 'old', recording: false }), recorder({ name: 'main' })] }),
    status: 'pass',
    reason: /main/,
  },
  {
    name: 'region outside the allowed regions',
    resource: accountRegion({ configRecorders: [] }, { region: 'sa-east-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    params: { onlyAllowedRegions: true },
    status: 'not-applicable',
  },
  {
    name: 'recorders unreadable',
    resource: accountRegion({ configRecorders: unknown('AccessDenied: config:DescribeConfigurationRecorderStatus') }),
    status: 'error',
  },
  {
    name: 'no recorder in a region outside the allowed regions fails by default (CIS: every region)',
    resource: accountRegion({ configRecorders: [] }, { region: 'sa-east-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    status: 'fail',
  },
]);
