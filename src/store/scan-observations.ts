/**
 * What a scan saw of each finding, kept small while the scan runs. A listed finding (fail,
 * error, exempt): id, verdict, and a digest of the finding as written, to tell a changed finding
 * from an unchanged one without storing it. A passing or not-applicable one (a scan with --all):
 * its id only — it matters only if the store holds it open. The findings themselves stay in a
 * spool; the recorder reads back only those it writes.
 */
import { hash } from 'node:crypto';
import type { Finding } from '../findings/finding.js';

export interface ObservedFinding {
  readonly id: string;
  readonly accountId: string;
  readonly status: 'fail' | 'error' | 'exempt';
  readonly digest: string;
}

export class ScanObservations {
  readonly listed: ObservedFinding[] = [];
  readonly passed: string[] = [];
  readonly notApplicable: string[] = [];

  /**
   * @param line the finding as the scan wrote it (JSON).
   * @returns whether it is listed (its content may be written).
   */
  add(finding: Finding, line: string): boolean {
    const { status } = finding;
    if (status === 'pass') this.passed.push(finding.id);
    else if (status === 'not-applicable') this.notApplicable.push(finding.id);
    else {
      this.listed.push({ id: finding.id, accountId: finding.resource.accountId, status, digest: findingDigest(line) });
      return true;
    }
    return false;
  }

  get size(): number {
    return this.listed.length + this.passed.length + this.notApplicable.length;
  }
}

export function findingDigest(json: string): string {
  return hash('sha1', json, 'base64');
}
