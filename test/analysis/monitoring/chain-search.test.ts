import { describe, expect, it } from 'vitest';
import { allPaths, anyPath, missingLink, unreadLink, type ChainSearch } from '../../../src/analysis/monitoring/chain-search.js';

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
