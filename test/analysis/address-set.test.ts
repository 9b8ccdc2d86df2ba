import { describe, expect, it } from 'vitest';
import {
  addressSetOf,
  cidrsOf,
  complement,
  containsAll,
  difference,
  EVERY_ADDRESS,
  intersection,
  isEmpty,
  NO_ADDRESSES,
  sameAddresses,
  subtractRanges,
  union,
  type AddressSet,
} from '../../src/analysis/address-set.js';
import { formatCidr, parseCidr, type Cidr } from '../../src/analysis/network.js';

function set(...texts: string[]): AddressSet {
  return addressSetOf(
    texts.map((text): Cidr => {
      const cidr = parseCidr(text);
      if (cidr === undefined) throw new Error(`bad test CIDR ${text}`);
      return cidr;
    }),
  );
}

describe('formatCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['203.0.113.7/32', '203.0.113.7/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['::/0', '::/0'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0000/32', '2001:db8::/32'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['2001:db8:0:1:1:1:1:1/128', '2001:db8:0:1:1:1:1:1/128'],
    ['1:0:0:2:0:0:0:3/128', '1:0:0:2::3/128'],
    ['::1/128', '::1/128'],
    ['fe80::/10', 'fe80::/10'],
  ])('%s reads %s', (text, formatted) => {
    const cidr = parseCidr(text);
    expect(cidr).toBeDefined();
    expect(formatCidr(cidr!)).toBe(formatted);
  });
});

describe('address sets', () => {
  it('are the same addresses however the CIDRs are split, ordered or repeated', () => {
    expect(sameAddresses(set('10.0.0.0/24'), set('10.0.0.128/25', '10.0.0.0/25', '10.0.0.7/32'))).toBe(true);
    expect(sameAddresses(set('2001:db8::/47'), set('2001:db8:1::/48', '2001:db8::/48'))).toBe(true);
    expect(sameAddresses(set('10.0.0.0/24'), set('10.0.0.0/25'))).toBe(false);
    // The same numbers in another family are other addresses.
    expect(sameAddresses(set('0.0.0.0/0'), set('::/96'))).toBe(false);
  });

  it('combine as sets, family by family', () => {
    const a = set('10.0.0.0/16', '2001:db8::/32');
    const b = set('10.0.128.0/17', '192.0.2.0/24');
    expect(cidrsOf(union(a, b))).toEqual(['10.0.0.0/16', '192.0.2.0/24', '2001:db8::/32']);
    expect(cidrsOf(intersection(a, b))).toEqual(['10.0.128.0/17']);
    expect(cidrsOf(difference(a, b))).toEqual(['10.0.0.0/17', '2001:db8::/32']);
    expect(cidrsOf(difference(b, a))).toEqual(['192.0.2.0/24']);
    expect(isEmpty(intersection(set('10.0.0.0/8'), set('11.0.0.0/8')))).toBe(true);
    expect(containsAll(a, set('10.0.3.0/24'))).toBe(true);
    expect(containsAll(a, set('10.0.3.0/24', '10.1.0.0/24'))).toBe(false);
  });

  it('complement to every address of both families', () => {
    expect(cidrsOf(complement(NO_ADDRESSES))).toEqual(['0.0.0.0/0', '::/0']);
    expect(isEmpty(complement(EVERY_ADDRESS))).toBe(true);
    expect(cidrsOf(complement(set('128.0.0.0/1', '::/1')))).toEqual(['0.0.0.0/1', '8000::/1']);
    expect(sameAddresses(complement(complement(set('198.51.100.0/24'))), set('198.51.100.0/24'))).toBe(true);
  });

  it('read back as the fewest CIDRs that cover them exactly', () => {
    expect(cidrsOf(difference(set('10.0.0.0/24'), set('10.0.0.0/32')))).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/30',
      '10.0.0.8/29',
      '10.0.0.16/28',
      '10.0.0.32/27',
      '10.0.0.64/26',
      '10.0.0.128/25',
    ]);
    expect(cidrsOf(set('10.0.0.1/32', '10.0.0.2/32'))).toEqual(['10.0.0.1/32', '10.0.0.2/32']);
    expect(cidrsOf(set('10.0.0.2/32', '10.0.0.3/32'))).toEqual(['10.0.0.2/31']);
  });

  it('subtract ranges that straddle, contain or touch each other', () => {
    expect(
      subtractRanges(
        [[0n, 100n]],
        [
          [10n, 20n],
          [30n, 40n],
          [95n, 200n],
        ],
      ),
    ).toEqual([
      [0n, 9n],
      [21n, 29n],
      [41n, 94n],
    ]);
    expect(
      subtractRanges(
        [
          [10n, 20n],
          [30n, 40n],
        ],
        [[0n, 35n]],
      ),
    ).toEqual([[36n, 40n]]);
    expect(subtractRanges([[10n, 20n]], [[21n, 30n]])).toEqual([[10n, 20n]]);
    expect(subtractRanges([[10n, 20n]], [[10n, 20n]])).toEqual([]);
  });
});
