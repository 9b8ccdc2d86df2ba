import accessAnalyzerEnabled from '../../../insights/account/access-analyzer-enabled.js';
import { accountRegion } from '../../../src/model/builders.js';
import type { AccessAnalyzer } from '../../../src/model/types/account/account-region.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function analyzer(overrides: Partial<AccessAnalyzer> = {}): AccessAnalyzer {
  return { name: 'ConsoleAnalyzer', type: 'ACCOUNT', status: 'ACTIVE', ...overrides };
}

testInsight(accessAnalyzerEnabled, [
  { name: 'active account analyzer', resource: accountRegion({ accessAnalyzers: [analyzer()] }), status: 'pass', reason: /ConsoleAnalyzer \(ACCOUNT\)/ },
  {
    name: 'active organization analyzer',
    resource: accountRegion({ accessAnalyzers: [analyzer({ name: 'org', type: 'ORGANIZATION' })] }),
    status: 'pass',
    reason: /org \(ORGANIZATION\)/,
  },
  {
    name: 'an active one beside a failed one',
    resource: accountRegion({ accessAnalyzers: [analyzer({ name: 'old', status: 'FAILED' }), analyzer({ name: 'new' })] }),
    status: 'pass',
    reason: /new/,
  },
  { name: 'no analyzer', resource: accountRegion({ accessAnalyzers: [] }), status: 'fail', evidence: { accessAnalyzers: [] } },
  {
    name: 'only an unused-access analyzer',
    resource: accountRegion({ accessAnalyzers: [analyzer({ name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS' })] }),
    status: 'fail',
    reason: /no external-access analyzer in eu-west-1; only unused \(ACCOUNT_UNUSED_ACCESS, ACTIVE\)/,
  },
  {
    name: 'only an organization unused-access analyzer and an internal-access one',
    resource: accountRegion({
      accessAnalyzers: [analyzer({ name: 'unused-org', type: 'ORGANIZATION_UNUSED_ACCESS' }), analyzer({ name: 'internal', type: 'ACCOUNT_INTERNAL_ACCESS' })],
    }),
    status: 'fail',
  },
  {
    name: 'external-access analyzer being created',
    resource: accountRegion({ accessAnalyzers: [analyzer({ status: 'CREATING' })] }),
    status: 'fail',
    reason: /no external-access analyzer is active in eu-west-1: ConsoleAnalyzer \(ACCOUNT, CREATING\)/,
  },
  {
    name: 'external-access analyzer disabled',
    resource: accountRegion({ accessAnalyzers: [analyzer({ type: 'ORGANIZATION', status: 'DISABLED' })] }),
    status: 'fail',
  },
  {
    name: 'region outside the allowed regions',
    resource: accountRegion({ accessAnalyzers: [] }, { region: 'sa-east-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    params: { onlyAllowedRegions: true },
    status: 'not-applicable',
  },
  {
    name: 'no analyzer in a region outside the allowed regions fails by default (CIS: every region)',
    resource: accountRegion({ accessAnalyzers: [] }, { region: 'sa-east-1' }),
    settings: { allowedRegions: ['eu-west-1'] },
    status: 'fail',
  },
  {
    name: 'analyzers unreadable',
    resource: accountRegion({ accessAnalyzers: unknown('AccessDeniedException: accessanalyzer:ListAnalyzers') }),
    status: 'error',
  },
]);
