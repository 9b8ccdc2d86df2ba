/**
 * A finding's lifecycle, as a function of its state and what a scan saw:
 *  - fail opens it (reopens it when it had been resolved or remediated; a reopened finding keeps
 *    its first seen);
 *  - exempt (a fail an exemption covers) makes it exempt; a fail once the exemption lapses opens it;
 *  - pass, not applicable, or absent from a scan that covered it resolves it;
 *  - error changes nothing: it neither opens nor resolves.
 * Whether an absent finding was covered is the recorder's question (scan-scope.ts), not this one's.
 */
import type { LifecycleState } from './database.js';

export type Observed = 'pass' | 'fail' | 'error' | 'not-applicable' | 'exempt' | 'absent';

export interface LifecycleStep {
  readonly state: LifecycleState | null;
  /** The transition to record, if the state changed. */
  readonly transition: LifecycleState | undefined;
}

export function nextLifecycle(current: LifecycleState | null, observed: Observed): LifecycleStep {
  if (observed === 'error') return same(current);
  if (observed === 'fail') {
    if (current === 'open' || current === 'reopened') return same(current);
    return to(current === 'resolved' || current === 'remediated' ? 'reopened' : 'open');
  }
  if (observed === 'exempt') return current === 'exempt' ? same(current) : to('exempt');
  // pass, not applicable or absent
  return current === 'open' || current === 'reopened' || current === 'exempt' ? to('resolved') : same(current);
}

/** States a finding is in while a scan still lists it. */
export function isActive(state: LifecycleState | null): boolean {
  return state === 'open' || state === 'reopened' || state === 'exempt';
}

/** Open in the sense of a diff or a count of what fails: open or reopened. */
export function isOpen(state: LifecycleState | null | undefined): boolean {
  return state === 'open' || state === 'reopened';
}

function same(state: LifecycleState | null): LifecycleStep {
  return { state, transition: undefined };
}

function to(state: LifecycleState): LifecycleStep {
  return { state, transition: state };
}
