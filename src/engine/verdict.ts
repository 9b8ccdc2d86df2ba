/**
 * What an insight decides about one resource. Every verdict carries a sentence a human can read
 * in the report; a fail carries the evidence.
 *
 * A scan writes fail, error and exempt findings, and pass and not-applicable ones only with
 * `--all`: most verdicts of a scan are passes nobody reads. The engine hands insights the factory
 * that matches (`verdictFactory`), and a pass or not-applicable reason or evidence that is costly
 * to build (a join, a chain described link by link) may be given as a function, which the factory
 * calls only when the verdict is written.
 */
import type { Unknown } from '../model/unknown.js';

export type VerdictStatus = 'pass' | 'fail' | 'error' | 'not-applicable';

export type Evidence = Readonly<Record<string, unknown>>;

export interface Verdict {
  readonly status: VerdictStatus;
  readonly reason: string;
  readonly evidence?: Evidence;
}

/** A reason, or how to write it when the verdict is written. */
export type Reason = string | (() => string);

export interface VerdictFactory {
  pass(reason: Reason, evidence?: Evidence | (() => Evidence)): Verdict;
  fail(reason: string, evidence?: Evidence): Verdict;
  /** Could not decide: unparsable data, an unsupported construct. */
  error(reason: string, evidence?: Evidence): Verdict;
  notApplicable(reason: Reason): Verdict;
  /** An error verdict for a field the collector could not read: unknown is never a pass. */
  unreadable(field: string, value: Unknown): Verdict;
}

function make(status: VerdictStatus, reason: string, evidence: Evidence | undefined): Verdict {
  return evidence === undefined ? { status, reason } : { status, reason, evidence };
}

const written = (reason: Reason): string => (typeof reason === 'string' ? reason : reason());

/** Fail and error verdicts are always written: the same in both factories. */
const fail: VerdictFactory['fail'] = (reason, evidence) => make('fail', reason, evidence);
const error: VerdictFactory['error'] = (reason, evidence) => make('error', reason, evidence);
const unreadable: VerdictFactory['unreadable'] = (field, value) =>
  make('error', `${field} could not be read (${value.$unknown})`, { unreadable: field, cause: value.$unknown });

/** Every verdict with its reason and evidence: for `--all`, tests and anything that shows passes. */
export const verdict: VerdictFactory = {
  pass: (reason, evidence) => make('pass', written(reason), typeof evidence === 'function' ? evidence() : evidence),
  fail,
  error,
  notApplicable: (reason) => make('not-applicable', written(reason), undefined),
  unreadable,
};

// What a scan that drops passing and not-applicable verdicts keeps of them: the status.
const PASS: Verdict = Object.freeze({ status: 'pass', reason: '' });
const NOT_APPLICABLE: Verdict = Object.freeze({ status: 'not-applicable', reason: '' });

/** Pass and not-applicable verdicts without reason or evidence, for a scan that does not write them. */
const statusOnly: VerdictFactory = {
  pass: () => PASS,
  fail,
  error,
  notApplicable: () => NOT_APPLICABLE,
  unreadable,
};

/** The factory for a scan that writes pass and not-applicable findings (`keepAll`) or does not. */
export function verdictFactory(options: { readonly keepAll: boolean }): VerdictFactory {
  return options.keepAll ? verdict : statusOnly;
}
