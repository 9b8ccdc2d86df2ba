import { describe, expect, it } from 'vitest';
import { aclInternetReach, type AclEntry } from '../../src/analysis/network-acl.js';

function entry(ruleNumber: number, ruleAction: 'allow' | 'deny', overrides: Partial<AclEntry> = {}): AclEntry {
  return { ruleNumber, egress: false, protocol: '6', ruleAction, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: 22, toPort: 22, ...overrides };
}

const ALL = { protocol: '-1', fromPort: null, toPort: null } as const;

describe('aclInternetReach', () => {
  it('evaluates entries by ascending rule number, whatever order EC2 lists them in', () => {
    const reach = aclInternetReach([entry(200, 'allow'), entry(100, 'deny')], [22]);
    expect(reach.exposed).toEqual([]);
    expect(reach.shadowed).toEqual([{ protocol: 'tcp', port: 22, ruleNumber: 200 }]);
  });

  it('denies what no entry matches (the final * entry)', () => {
    expect(aclInternetReach([], [22, 3389])).toEqual({ exposed: [], malformed: [], undecided: [], shadowed: [] });
  });

  it('follows addresses as sets: a partial deny leaves the rest of the internet reaching the allow', () => {
    const reach = aclInternetReach([entry(10, 'deny', { cidrBlock: '0.0.0.0/1' }), entry(20, 'allow')], [22]);
    expect(reach.exposed).toEqual([
      { protocol: 'tcp', port: 22, internet: '0.0.0.0/0', allows: [{ ruleNumber: 20, protocol: '6', ports: '22', source: '0.0.0.0/0' }], partialDenies: [10] },
    ]);
  });

  it('counts allows that together cover a family, and not those that leave a gap', () => {
    const halves = [entry(10, 'allow', { cidrBlock: '0.0.0.0/1' }), entry(20, 'allow', { cidrBlock: '128.0.0.0/1' })];
    expect(aclInternetReach(halves, [22]).exposed).toHaveLength(1);
    const gap = [entry(5, 'deny', { cidrBlock: '192.0.2.1/32' }), ...halves];
    expect(aclInternetReach(gap, [22]).exposed).toEqual([]);
  });

  it('reads protocols as EC2 numbers them: 6 and -1 reach TCP, 17 and 1 do not', () => {
    expect(aclInternetReach([entry(10, 'allow', { protocol: '17' })], [22]).exposed).toEqual([]);
    expect(aclInternetReach([entry(10, 'allow', { protocol: '1', fromPort: null, toPort: null })], [22]).exposed).toEqual([]);
    expect(aclInternetReach([entry(10, 'allow', ALL)], [22]).exposed.map((e) => e.internet)).toEqual(['0.0.0.0/0']);
    expect(aclInternetReach([entry(10, 'allow', { fromPort: 1024, toPort: 65535 })], [22]).exposed).toEqual([]);
  });

  it('keeps IPv4 and IPv6 apart: a deny of 0.0.0.0/0 does not shadow an allow of ::/0', () => {
    const reach = aclInternetReach([entry(10, 'deny', ALL), entry(20, 'allow', { cidrBlock: null, ipv6CidrBlock: '::/0' })], [22]);
    expect(reach.exposed.map((e) => e.internet)).toEqual(['::/0']);
  });

  it('ignores egress entries', () => {
    expect(aclInternetReach([entry(10, 'allow', { ...ALL, egress: true })], [22]).exposed).toEqual([]);
  });

  it('stops at a malformed entry that could match: undecided unless an exposure came first', () => {
    const before = aclInternetReach([entry(10, 'deny', { cidrBlock: 'nonsense' }), entry(20, 'allow')], [22]);
    expect(before.undecided).toEqual(['tcp 22']);
    expect(before.malformed).toEqual([{ ruleNumber: 10, problem: "the source 'nonsense' is not a valid CIDR" }]);
    const after = aclInternetReach([entry(10, 'allow'), entry(20, 'deny', { cidrBlock: null })], [22]);
    expect(after.exposed).toHaveLength(1);
    // Once every address is decided, a malformed entry cannot change anything.
    const decided = aclInternetReach(
      [entry(10, 'deny', ALL), entry(15, 'deny', { ...ALL, cidrBlock: null, ipv6CidrBlock: '::/0' }), entry(20, 'deny', { cidrBlock: 'x' })],
      [22],
    );
    expect(decided).toEqual({ exposed: [], malformed: [], undecided: [], shadowed: [] });
  });
});

describe('aclInternetReach evidence', () => {
  it('names the internet-wide allow, not a narrower one decided before it', () => {
    const reach = aclInternetReach(
      [entry(90, 'allow', { cidrBlock: '203.0.113.0/24' }), entry(100, 'allow', { protocol: '-1', fromPort: null, toPort: null })],
      [22],
    );
    expect(reach.exposed).toEqual([
      { protocol: 'tcp', port: 22, internet: '0.0.0.0/0', allows: [{ ruleNumber: 100, protocol: '-1', ports: 'all', source: '0.0.0.0/0' }], partialDenies: [] },
    ]);
  });
});

describe('aclInternetReach over UDP', () => {
  it('judges each protocol on its own: a TCP deny does not stop UDP reaching the allow of all traffic', () => {
    const reach = aclInternetReach([entry(100, 'deny'), entry(200, 'allow', ALL)], [22], ['tcp', 'udp']);
    expect(reach.exposed.map((e) => `${e.protocol} ${e.port} ${e.allows.map((a) => a.ruleNumber).join(',')}`)).toEqual(['udp 22 200']);
    expect(reach.shadowed).toEqual([{ protocol: 'tcp', port: 22, ruleNumber: 200 }]);
  });

  it('matches a UDP entry only for UDP, by its port range', () => {
    const udp = entry(10, 'allow', { protocol: '17', fromPort: 3000, toPort: 3400 });
    expect(aclInternetReach([udp], [3389], ['tcp']).exposed).toEqual([]);
    expect(aclInternetReach([udp], [3389], ['udp']).exposed.map((e) => e.protocol)).toEqual(['udp']);
    expect(aclInternetReach([udp], [22], ['udp']).exposed).toEqual([]);
  });
});
