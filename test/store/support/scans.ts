/** Scans to record in store tests, stated by what matters to each test: accounts, insights, verdicts. */
import { randomUUID } from 'node:crypto';
import { findingId, type Finding, type FindingStatus } from '../../../src/findings/finding.js';
import type { CoverageEntry } from '../../../src/snapshot/coverage.js';
import type { RollupCounts } from '../../../src/store/daily-rollups.js';
import type { ScanToRecord } from '../../../src/store/record-scan.js';
import { ScanObservations } from '../../../src/store/scan-observations.js';
import { scanScope } from '../../../src/store/scan-scope.js';

export const ACCOUNT_A = '111111111111';
export const ACCOUNT_B = '222222222222';
export const REGION = 'eu-west-1';

export interface TestFinding {
  readonly insight: string;
  /** Bucket name (the ARN is made from it) or a full ARN. */
  readonly resource: string;
  readonly status: FindingStatus;
  readonly account?: string;
  readonly region?: string;
  readonly type?: string;
  readonly variant?: string;
  readonly reason?: string;
  readonly severity?: Finding['severity'];
  readonly controls?: Finding['controls'];
  readonly exemption?: Finding['exemption'];
}

export function testFinding(f: TestFinding): Finding {
  const arn = f.resource.startsWith('arn:') ? f.resource : `arn:aws:s3:::${f.resource}`;
  const finding: Finding = {
    id: findingId(f.insight, arn, f.variant ?? ''),
    insight: f.insight,
    title: `title of ${f.insight}`,
    severity: f.severity ?? 'high',
    status: f.status,
    resource: { arn, type: f.type ?? 'AWS::S3::Bucket', accountId: f.account ?? ACCOUNT_A, region: f.region ?? REGION, name: arn.split(':').pop()! },
    reason: f.reason ?? `${f.status} reason`,
    evidence: null,
    controls: f.controls ?? [{ pack: 'cis-aws', control: '2.1.1' }],
  };
  if (f.exemption !== undefined) finding.exemption = f.exemption;
  return finding;
}

export interface TestScan {
  readonly id?: string;
  /** When its inventory was collected. */
  readonly at: string;
  /** Accounts collected, with their regions (default: both test accounts in REGION). */
  readonly accounts?: Readonly<Record<string, readonly string[]>>;
  /** Accounts that could not be collected (`scanned: false`). */
  readonly unreachable?: readonly string[];
  /** Insights that ran (`id` or `id@variant`). */
  readonly insights: readonly string[];
  readonly coverage?: readonly Partial<CoverageEntry>[];
  readonly findings: readonly TestFinding[];
  readonly status?: 'complete' | 'degraded';
  readonly keepScansDays?: number;
  readonly rollups?: readonly RollupCounts[];
}

export function testScan(scan: TestScan): ScanToRecord {
  const findings = scan.findings.map(testFinding);
  const variants = new Map(scan.findings.map((f, i) => [findingsId(findings, i), f.variant ?? '']));
  const observations = new ScanObservations();
  for (const finding of findings) observations.add(finding, JSON.stringify(finding));
  const accounts = scan.accounts ?? { [ACCOUNT_A]: [REGION], [ACCOUNT_B]: [REGION] };
  const coverage: CoverageEntry[] = (scan.coverage ?? []).map((entry) => ({
    accountId: ACCOUNT_A,
    region: REGION,
    service: 's3',
    operation: 'ListBuckets',
    error: { code: 'AccessDenied', message: 'denied' },
    ...entry,
  }));
  return {
    id: scan.id ?? randomUUID(),
    observedAt: scan.at,
    startedAt: scan.at,
    finishedAt: scan.at,
    status: scan.status ?? ((scan.unreachable ?? []).length > 0 ? 'degraded' : 'complete'),
    source: 'snapshot',
    sourceFile: null,
    scope: scanScope({
      accounts: [
        ...Object.entries(accounts).map(([id, regions]) => ({ id, regions })),
        ...(scan.unreachable ?? []).map((id) => ({ id, regions: [REGION], scanned: false })),
      ],
      coverage,
      insights: scan.insights.map((key) => {
        const [insight, variant = ''] = key.split('@');
        return { insight: insight!, variant };
      }),
    }),
    packs: ['cis-aws'],
    resources: findings.length,
    evaluations: findings.length,
    listed: observations.listed,
    passed: observations.passed,
    notApplicable: observations.notApplicable,
    findingsOf: async function* (ids) {
      for (const finding of findings) if (ids.has(finding.id) && finding.status !== 'pass' && finding.status !== 'not-applicable') yield finding;
    },
    variantOf: (finding) => variants.get(finding.id) ?? '',
    rollups: scan.rollups ?? [],
    recordedAt: scan.at,
    keepScansDays: scan.keepScansDays ?? 90,
  };
}

function findingsId(findings: readonly Finding[], index: number): string {
  return findings[index]!.id;
}

/** The id the store gives the finding of this insight on this bucket (or ARN). */
export function idOf(insight: string, resource: string, variant = ''): string {
  return findingId(insight, resource.startsWith('arn:') ? resource : `arn:aws:s3:::${resource}`, variant);
}

export const day = (n: number, hour = 6): string => new Date(Date.UTC(2026, 10, n, hour)).toISOString();
