/**
 * What an insight decides about one resource. Every verdict carries a sentence a human can read
 * in the report; a fail carries the evidence.
 */
import type { Unknown } from '../model/unknown.js';

export type VerdictStatus = 'pass' | 'fail' | 'error' | 'not-applicable';

export type Evidence = Readonly<Record<string, unknown>>;

export interface Verdict {
  readonly status: VerdictStatus;
  readonly reason: string;
  readonly evidence?: Evidence;
}

export interface VerdictFactory {
  pass(reason: string, evidence?: Evidence): Verdict;
  fail(reason: string, evidence?: Evidence): Verdict;
  /** Could not decide: unparsable data, an unsupported construct. */
  error(reason: string, evidence?: Evidence): Verdict;
  notApplicable(reason: string): Verdict;
  /** An error verdict for a field the collector could not read: unknown is never a pass. */
  unreadable(field: string, value: Unknown): Verdict;
}

function make(status: VerdictStatus, reason: string, evidence: Evidence | undefined): Verdict {
  return evidence === undefined ? { status, reason } : { status, reason, evidence };
}

export const verdict: VerdictFactory = {
  pass: (reason, evidence) => make('pass', reason, evidence),
  fail: (reason, evidence) => make('fail', reason, evidence),
  error: (reason, evidence) => make('error', reason, evidence),
  notApplicable: (reason) => make('not-applicable', reason, undefined),
  unreadable: (field, value) => make('error', `${field} could not be read (${value.$unknown})`, { unreadable: field, cause: value.$unknown }),
};
