/**
 * Records what collection could not read. Every failed call that is not a documented "not
 * configured" answer becomes a coverage entry (account, region, service, operation, error), and the
 * fields that call would have filled become `unknown('<Code>: <service>:<Operation>')` — never
 * absent, never a default an insight could pass. The same failure on many resources is one entry
 * with a count, so a denied `GetBucketPolicy` on 3,000 buckets is one line of the header.
 */
import type { CoverageEntry } from '../../snapshot/coverage.js';
import { unknown, type Unknown } from '../../model/unknown.js';

export interface CoverageFailure {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly operation: string;
  readonly code: string;
  readonly message: string;
  readonly resourceType?: string;
  readonly resourceArn?: string;
}

/** The reason an unknown field carries: `AccessDenied: s3:GetBucketPolicy`. */
export function unknownReason(code: string, service: string, operation: string): string {
  return `${code}: ${service}:${operation}`;
}

export class CoverageRecorder {
  private readonly entries = new Map<string, CoverageEntry>();

  /** Records the failure and returns the unknown value for the fields it leaves unread. */
  record(failure: CoverageFailure): Unknown {
    const key = [failure.accountId, failure.region, failure.service, failure.operation, failure.code, failure.resourceType ?? ''].join('|');
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      existing.count = (existing.count ?? 1) + 1;
      // One entry for many resources names none of them rather than the first one only.
      if (existing.resourceArn !== undefined && existing.resourceArn !== failure.resourceArn) delete existing.resourceArn;
    } else {
      const entry: CoverageEntry = {
        accountId: failure.accountId,
        region: failure.region,
        service: failure.service,
        operation: failure.operation,
        error: { code: failure.code, message: failure.message },
        count: 1,
      };
      if (failure.resourceType !== undefined) entry.resourceType = failure.resourceType;
      if (failure.resourceArn !== undefined) entry.resourceArn = failure.resourceArn;
      this.entries.set(key, entry);
    }
    return unknown(unknownReason(failure.code, failure.service, failure.operation));
  }

  /** Every entry, in a stable order. */
  list(): CoverageEntry[] {
    return [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => ({ ...entry, error: { ...entry.error } }));
  }

  get size(): number {
    return this.entries.size;
  }
}
