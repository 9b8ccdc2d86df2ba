import { describe, expect, it } from 'vitest';
import { anyPath, missingLink, through, unreadLink, type ChainSearch } from '../../../src/analysis/monitoring/chain-search.js';
import { verdict } from '../../../src/engine/verdict.js';
import { chainVerdict } from '../../../insights/judges/chain-verdict.js';

const found = (name: string): ChainSearch => ({ found: true, chain: [{ kind: 'alarm', name }] });

describe('chainVerdict', () => {
  it('passes with the chain, errors on unread paths, fails naming each broken one', () => {
    expect(chainVerdict(through({ kind: 'trail', name: 't' }, found('a')), verdict, 'monitoring')).toEqual({
      status: 'pass',
      reason: 'monitoring: trail t → alarm a',
      evidence: {
        chain: [
          { kind: 'trail', name: 't' },
          { kind: 'alarm', name: 'a' },
        ],
      },
    });
    expect(chainVerdict(anyPath([missingLink('m'), unreadLink('u')]), verdict, 'monitoring')).toMatchObject({
      status: 'error',
      evidence: { missing: ['m'], unread: ['u'] },
    });
    expect(chainVerdict(missingLink('m'), verdict, 'monitoring')).toEqual({ status: 'fail', reason: 'no monitoring chain: m', evidence: { missing: ['m'] } });
  });

  it('keeps the reason to the first path, clipped, and every path in the evidence', () => {
    const paths = Array.from({ length: 40 }, (_, i) => `log group g${i} has no metric filter matching the CIS pattern: ${'f: it lacks a term; '.repeat(30)}`);
    const failed = chainVerdict(anyPath(paths.map(missingLink)), verdict, 'monitoring');
    expect(failed.status).toBe('fail');
    expect(failed.reason.length).toBeLessThan(320);
    expect(failed.reason).toMatch(/^no monitoring chain: log group g0 .*… \(and 39 other paths: see the evidence\)$/);
    expect(failed.evidence).toEqual({ missing: paths });
    const undecided = chainVerdict(anyPath([missingLink('m'), unreadLink('u1'), unreadLink('u2')]), verdict, 'monitoring');
    expect(undecided.reason).toBe('no monitoring chain is proven, and 2 paths could not be followed: u1 (and 1 other path: see the evidence)');
  });
});
