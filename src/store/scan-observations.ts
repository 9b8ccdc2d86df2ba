/**
 * What a scan saw of each finding, kept small while the scan runs: id, verdict and a digest of the
 * finding as written (to tell a changed finding from an unchanged one without storing it). The
 * findings themselves stay in the scan's spool; the recorder reads back only those it writes.
 */
import { hash } from 'node:crypto';
import type { Finding, FindingStatus } from '../findings/finding.js';

export interface ObservedFinding {
  readonly id: string;
  readonly status: FindingStatus;
  /** Digest of the finding's JSON; not taken for pass and not-applicable, which are never stored as such. */
  readonly digest: string | undefined;
}

export class ScanObservations {
  private readonly seen: ObservedFinding[] = [];

  /** @param line the finding as the scan wrote it (JSON). */
  add(finding: Finding, line: string): void {
    const passing = finding.status === 'pass' || finding.status === 'not-applicable';
    this.seen.push({ id: finding.id, status: finding.status, digest: passing ? undefined : findingDigest(line) });
  }

  get list(): readonly ObservedFinding[] {
    return this.seen;
  }
}

export function findingDigest(json: string): string {
  return hash('sha1', json, 'base64');
}
