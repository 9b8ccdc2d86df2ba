import { describe, expect, it } from 'vitest';
import type { LifecycleState } from '../../src/store/database.js';
import { nextLifecycle, type Observed } from '../../src/store/lifecycle.js';

// [state before, what the scan saw, state after, transition recorded]
const table: [LifecycleState | null, Observed, LifecycleState | null, LifecycleState | undefined][] = [
  [null, 'fail', 'open', 'open'],
  [null, 'exempt', 'exempt', 'exempt'],
  [null, 'error', null, undefined],
  [null, 'pass', null, undefined],
  [null, 'not-applicable', null, undefined],
  [null, 'absent', null, undefined],
  ['open', 'fail', 'open', undefined],
  ['open', 'error', 'open', undefined],
  ['open', 'exempt', 'exempt', 'exempt'],
  ['open', 'pass', 'resolved', 'resolved'],
  ['open', 'not-applicable', 'resolved', 'resolved'],
  ['open', 'absent', 'resolved', 'resolved'],
  ['reopened', 'fail', 'reopened', undefined],
  ['reopened', 'error', 'reopened', undefined],
  ['reopened', 'absent', 'resolved', 'resolved'],
  ['exempt', 'exempt', 'exempt', undefined],
  ['exempt', 'fail', 'open', 'open'],
  ['exempt', 'error', 'exempt', undefined],
  ['exempt', 'absent', 'resolved', 'resolved'],
  ['resolved', 'fail', 'reopened', 'reopened'],
  ['resolved', 'exempt', 'exempt', 'exempt'],
  ['resolved', 'error', 'resolved', undefined],
  ['resolved', 'pass', 'resolved', undefined],
  ['resolved', 'absent', 'resolved', undefined],
  ['remediated', 'fail', 'reopened', 'reopened'],
  ['remediated', 'error', 'remediated', undefined],
  ['remediated', 'absent', 'remediated', undefined],
];

describe('the finding lifecycle', () => {
  it.each(table)('%s, then %s: %s', (before, observed, after, transition) => {
    expect(nextLifecycle(before, observed)).toEqual({ state: after, transition });
  });

  it('an error verdict never opens nor resolves, whatever the state', () => {
    for (const state of [null, 'open', 'reopened', 'resolved', 'remediated', 'exempt'] as const) {
      expect(nextLifecycle(state, 'error')).toEqual({ state, transition: undefined });
    }
  });
});
