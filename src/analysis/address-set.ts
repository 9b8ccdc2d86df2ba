/**
 * Sets of IP addresses, IPv4 and IPv6 apart, held as sorted, disjoint, inclusive ranges: built from
 * CIDRs, combined (union, intersection, difference, complement), compared, and read back as the
 * fewest CIDRs that cover them. Rules that decide traffic in order (network ACL entries, WAF rules)
 * follow the addresses each rule still decides with these; two lists of CIDRs are the same
 * addresses however they are split (`10.0.0.0/24` = `10.0.0.0/25` + `10.0.0.128/25`).
 */
import { formatCidr, type Cidr, type IpFamily } from './network.js';

/** Sorted, disjoint, inclusive address ranges of one family. */
export type Ranges = readonly (readonly [bigint, bigint])[];

/** Addresses of both families. */
export interface AddressSet {
  readonly 4: Ranges;
  readonly 6: Ranges;
}

export const FAMILIES: readonly IpFamily[] = [4, 6];

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

/** Every address of the family. */
export function wholeFamily(family: IpFamily): Ranges {
  return [[0n, (1n << BigInt(BITS[family])) - 1n]];
}

export const NO_ADDRESSES: AddressSet = { 4: [], 6: [] };
export const EVERY_ADDRESS: AddressSet = { 4: wholeFamily(4), 6: wholeFamily(6) };

/** The addresses of one CIDR. */
export function rangesOfCidr(cidr: Cidr): Ranges {
  return [[cidr.first, cidr.last]];
}

/** The ranges sorted, with overlapping and adjacent ones merged. */
function merged(ranges: readonly (readonly [bigint, bigint])[]): Ranges {
  const sorted = [...ranges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [first, last] of sorted) {
    const previous = out.at(-1);
    if (previous !== undefined && first <= previous[1] + 1n) {
      if (last > previous[1]) previous[1] = last;
    } else {
      out.push([first, last]);
    }
  }
  return out;
}

export function unionRanges(a: Ranges, b: Ranges): Ranges {
  return merged([...a, ...b]);
}

export function intersectRanges(a: Ranges, b: Ranges): Ranges {
  const out: (readonly [bigint, bigint])[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFirst, aLast] = a[i]!;
    const [bFirst, bLast] = b[j]!;
    const first = aFirst > bFirst ? aFirst : bFirst;
    const last = aLast < bLast ? aLast : bLast;
    if (first <= last) out.push([first, last]);
    if (aLast < bLast) i++;
    else j++;
  }
  return out;
}

/** The addresses of `a` that are not in `b`. */
export function subtractRanges(a: Ranges, b: Ranges): Ranges {
  const out: (readonly [bigint, bigint])[] = [];
  let j = 0;
  for (const [first, last] of a) {
    let from = first;
    while (j < b.length && b[j]![1] < from) j++;
    let k = j;
    while (from <= last && k < b.length && b[k]![0] <= last) {
      const [bFirst, bLast] = b[k]!;
      if (bFirst > from) out.push([from, bFirst - 1n]);
      if (bLast >= from) from = bLast + 1n;
      k++;
    }
    if (from <= last) out.push([from, last]);
  }
  return out;
}

/** How many addresses the ranges hold. */
export function rangesSize(ranges: Ranges): bigint {
  return ranges.reduce((sum, [first, last]) => sum + (last - first + 1n), 0n);
}

function each(a: AddressSet, b: AddressSet, op: (x: Ranges, y: Ranges) => Ranges): AddressSet {
  return { 4: op(a[4], b[4]), 6: op(a[6], b[6]) };
}

/** The addresses of the CIDRs, whatever their order, overlaps or family. */
export function addressSetOf(cidrs: readonly Cidr[]): AddressSet {
  return {
    4: merged(cidrs.filter((c) => c.family === 4).map((c) => [c.first, c.last] as const)),
    6: merged(cidrs.filter((c) => c.family === 6).map((c) => [c.first, c.last] as const)),
  };
}

export const union = (a: AddressSet, b: AddressSet): AddressSet => each(a, b, unionRanges);
export const intersection = (a: AddressSet, b: AddressSet): AddressSet => each(a, b, intersectRanges);
/** The addresses of `a` that are not in `b`. */
export const difference = (a: AddressSet, b: AddressSet): AddressSet => each(a, b, subtractRanges);
export const complement = (a: AddressSet): AddressSet => difference(EVERY_ADDRESS, a);

export function isEmpty(set: AddressSet): boolean {
  return set[4].length === 0 && set[6].length === 0;
}

/** Whether the two sets hold the same addresses (ranges are kept merged, so equal sets have equal ranges). */
export function sameAddresses(a: AddressSet, b: AddressSet): boolean {
  return FAMILIES.every(
    (family) => a[family].length === b[family].length && a[family].every(([first, last], i) => first === b[family][i]![0] && last === b[family][i]![1]),
  );
}

/** Whether every address of `inner` is in `outer`. */
export function containsAll(outer: AddressSet, inner: AddressSet): boolean {
  return isEmpty(difference(inner, outer));
}

/** The fewest CIDRs that hold exactly the set's addresses, IPv4 first, each in ascending order. */
export function cidrsOf(set: AddressSet): string[] {
  const out: string[] = [];
  for (const family of FAMILIES) {
    const bits = BITS[family];
    for (const [first, last] of set[family]) {
      let from = first;
      while (from <= last) {
        // The largest block that starts at `from` (aligned to its size) and ends within the range.
        let hostBits = 0;
        while (hostBits < bits && from % (1n << BigInt(hostBits + 1)) === 0n && from + (1n << BigInt(hostBits + 1)) - 1n <= last) hostBits++;
        out.push(formatCidr({ family, first: from, prefix: bits - hostBits }));
        from += 1n << BigInt(hostBits);
      }
    }
  }
  return out;
}
