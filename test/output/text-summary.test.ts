import { describe, expect, it } from 'vitest';
import type { ScanInfo, ScanSummary } from '../../src/findings/scan-output.js';
import { textSummary } from '../../src/output/text-summary.js';
import type { CoverageEntry } from '../../src/snapshot/coverage.js';

const counts = { pass: 0, fail: 0, error: 0, exempt: 0, notApplicable: 0 };
const summary: ScanSummary = { packs: [], failingBySeverity: {}, ...counts, includesPassing: false, byAccount: [], byTenant: [], byEnvironment: [] };

function scanWith(coverage: CoverageEntry[]): ScanInfo {
  return {
    id: 'scan',
    startedAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T00:00:01.000Z',
    source: { kind: 'snapshot', file: 's.jsonl', collectedAt: '2026-12-01T00:00:00.000Z', collector: 'vigil' },
    accounts: [],
    coverage,
    resources: 0,
    evaluations: 0,
    packs: [],
    insights: [],
  };
}

const gap = (accountId: string, service: string, operation: string, code: string, count?: number): CoverageEntry => ({
  accountId,
  region: 'eu-west-1',
  service,
  operation,
  error: { code, message: `${code} on ${operation}` },
  ...(count !== undefined && { count }),
});

describe('textSummary coverage gaps', () => {
  it('groups the gaps by service and error, counting occurrences and accounts', () => {
    const text = textSummary(
      scanWith([
        gap('111111111111', 'kms', 'GetKeyPolicy', 'AccessDeniedException', 3),
        gap('222222222222', 'kms', 'ListGrants', 'AccessDeniedException'),
        gap('111111111111', 's3', 'GetBucketPolicy', 'AccessDenied'),
      ]),
      summary,
    );
    expect(text).toContain(
      [
        'Could not read (3 coverage gaps in 2 groups; affected checks are errors, never passes):',
        '  kms AccessDeniedException ×4 in 2 accounts: GetKeyPolicy, ListGrants',
        '  s3 AccessDenied ×1 in 1 account: GetBucketPolicy',
        '  Every gap, with its region, resource and message: scan.coverage in --format json.',
      ].join('\n'),
    );
  });

  it('says how many groups it leaves out and where to see them', () => {
    const gaps = Array.from({ length: 20 }, (_, i) => gap('111111111111', `service${String(i).padStart(2, '0')}`, 'Describe', 'AccessDenied'));
    const text = textSummary(scanWith(gaps), summary);
    expect(text).toContain('service14 AccessDenied');
    expect(text).not.toContain('service15 AccessDenied');
    expect(text).toContain('  … and 5 more groups\n  Every gap, with its region, resource and message: scan.coverage in --format json.');
  });
});
