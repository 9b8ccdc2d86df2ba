/** The verdict factories: everything for --all and tests, only the status of passes a scan drops. */
import { describe, expect, it } from 'vitest';
import { verdict, verdictFactory } from '../../src/engine/verdict.js';
import { unknown } from '../../src/model/unknown.js';

describe('verdict factories', () => {
  it('write reasons and evidence, given as text or as functions, when every verdict is kept', () => {
    expect(verdictFactory({ keepAll: true })).toBe(verdict);
    expect(
      verdict.pass(
        () => 'rotates every 90 days',
        () => ({ days: 90 }),
      ),
    ).toEqual({ status: 'pass', reason: 'rotates every 90 days', evidence: { days: 90 } });
    expect(verdict.notApplicable(() => 'AWS-managed key')).toEqual({ status: 'not-applicable', reason: 'AWS-managed key' });
  });

  it('build no pass or not-applicable reason when those are not written, and keep fails and errors whole', () => {
    const statusOnly = verdictFactory({ keepAll: false });
    const never = () => {
      throw new Error('built a reason nobody reads');
    };
    expect(statusOnly.pass(never, never).status).toBe('pass');
    expect(statusOnly.notApplicable(never).status).toBe('not-applicable');
    expect(statusOnly.fail('rotation is off', { rotation: null })).toEqual(verdict.fail('rotation is off', { rotation: null }));
    expect(statusOnly.error('unparsable', { at: 1 })).toEqual(verdict.error('unparsable', { at: 1 }));
    expect(statusOnly.unreadable('rotation status', unknown('AccessDenied'))).toEqual(verdict.unreadable('rotation status', unknown('AccessDenied')));
  });
});
