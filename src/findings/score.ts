/**
 * The one definition of a score, used by scan summaries now and the scorecard and reports later:
 * score = passing / (passing + failing) over applicable evaluations; error, exempt and manual are
 * counted apart; coverage = evaluated without error / applicable.
 */
import { Type, type Static } from '@sinclair/typebox';

export interface Counts {
  pass: number;
  fail: number;
  error: number;
  exempt: number;
  notApplicable: number;
}

export function emptyCounts(): Counts {
  return { pass: 0, fail: 0, error: 0, exempt: 0, notApplicable: 0 };
}

export function addCounts(into: Counts, from: Counts): void {
  into.pass += from.pass;
  into.fail += from.fail;
  into.error += from.error;
  into.exempt += from.exempt;
  into.notApplicable += from.notApplicable;
}

/** null when nothing applicable passed or failed: no score rather than a fake 100 %. */
export function score(counts: Counts): number | null {
  const decided = counts.pass + counts.fail;
  return decided === 0 ? null : round(counts.pass / decided);
}

/** Evaluated without error / applicable (pass + fail + exempt + error); null when nothing applied. */
export function coverage(counts: Counts): number | null {
  const applicable = counts.pass + counts.fail + counts.exempt + counts.error;
  return applicable === 0 ? null : round((applicable - counts.error) / applicable);
}

export const ControlStatus = Type.Union([
  Type.Literal('pass'),
  Type.Literal('fail'),
  Type.Literal('error'),
  Type.Literal('exempt'),
  Type.Literal('not-applicable'),
  Type.Literal('manual'),
]);
export type ControlStatus = Static<typeof ControlStatus>;

/**
 * A control fails when any evaluation fails; otherwise an error makes it undecided (never a pass);
 * it passes only when something passed and nothing failed or errored.
 */
export function controlStatus(counts: Counts, manual: boolean): ControlStatus {
  if (manual) return 'manual';
  if (counts.fail > 0) return 'fail';
  if (counts.error > 0) return 'error';
  if (counts.pass > 0) return 'pass';
  if (counts.exempt > 0) return 'exempt';
  return 'not-applicable';
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
