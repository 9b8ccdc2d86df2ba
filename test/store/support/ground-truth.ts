/**
 * The world the parallel writers scan: accounts of buckets that fail `s3-bucket-public` or not at
 * each moment, decided by a hash — so every writer scanning an account at a moment sees the same,
 * and the test knows what each finding's history must be.
 */
import { hash } from 'node:crypto';
import type { ScanToRecord } from '../../../src/store/record-scan.js';
import { REGION, testScan } from './scans.js';

export const WORLD_ACCOUNTS = ['100000000001', '100000000002', '100000000003', '100000000004'];
export const BUCKETS = 30;
export const MOMENTS = Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i, 6)).toISOString());
export const INSIGHT = 's3-bucket-public';

export function bucket(account: string, index: number): string {
  return `b${index}-${account}`;
}

export function failing(account: string, index: number, at: string): boolean {
  return hash('sha256', `${account}/${index}/${at}`, 'hex').charCodeAt(0) % 5 < 2;
}

export function worldScan(id: string, at: string, accounts: readonly string[]): ScanToRecord {
  const findings = accounts.flatMap((account) =>
    Array.from({ length: BUCKETS }, (_, i) => i)
      .filter((i) => failing(account, i, at))
      .map((i) => ({ insight: INSIGHT, resource: bucket(account, i), account, status: 'fail' as const })),
  );
  return testScan({ id, at, accounts: Object.fromEntries(accounts.map((account) => [account, [REGION]])), insights: [INSIGHT], findings });
}
