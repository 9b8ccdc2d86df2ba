import { describe, expect, it } from 'vitest';
import { allPaths, anyPath, chainVerdict, missingLink, through, unreadLink, type ChainSearch } from '../../../src/analysis/monitoring/chain-search.js';
import { verdict } from '../../../src/engine/verdict.js';

const found = (name: string): ChainSearch => ({ found: true, chain: [{ kind: 'alarm', name }] });

describe('anyPath', () => {
  it('a proven chain wins over unread and missing paths', () => {
    expect(anyPath([unreadLink('topic t unread'), missingLink('alarm a disabled'), found('good')])).toEqual(found('good'));
  });

  it('without one, keeps every missing and unread link, each once', () => {
    expect(anyPath([missingLink('a'), unreadLink('b'), missingLink('a')])).toEqual({ found: false, missing: ['a'], unread: ['b'] });
    expect(anyPath([])).toEqual({ found: false, missing: [], unread: [] });
  });
});

describe('allPaths', () => {
  it('joins the chains when every search proves one', () => {
    expect(allPaths([found('a'), found('b')])).toEqual({
      found: true,
      chain: [
        { kind: 'alarm', name: 'a' },
        { kind: 'alarm', name: 'b' },
      ],
    });
  });

  it('fails on a search proven broken, whatever another could not read', () => {
    expect(allPaths([found('a'), missingLink('b broken'), unreadLink('c unread')])).toEqual({ found: false, missing: ['b broken'], unread: [] });
  });

  it('is undecided when a search is unread (even with a missing path beside it) and none is proven broken', () => {
    expect(allPaths([found('a'), anyPath([missingLink('b1 broken'), unreadLink('b2 unread')])])).toEqual({
      found: false,
      missing: ['b1 broken'],
      unread: ['b2 unread'],
    });
  });
});

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
