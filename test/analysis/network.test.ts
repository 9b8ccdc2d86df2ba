import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  coversAddressSpace,
  internetReach,
  normaliseProtocol,
  parseCidr,
  portRangeLabel,
  ruleReachesPort,
  type Cidr,
  type IngressRule,
} from '../../src/analysis/network.js';

function cidrs(...texts: string[]): Cidr[] {
  return texts.map((text) => {
    const cidr = parseCidr(text);
    if (cidr === undefined) throw new Error(`bad test CIDR ${text}`);
    return cidr;
  });
}

function rule(overrides: Partial<IngressRule>): IngressRule {
  return { protocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], ...overrides };
}

describe('parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 4, 0n, 0xffffffffn, 0],
    ['10.0.0.0/8', 4, 0x0a000000n, 0x0affffffn, 8],
    ['192.168.1.7/32', 4, 0xc0a80107n, 0xc0a80107n, 32],
    ['192.168.1.7', 4, 0xc0a80107n, 0xc0a80107n, 32],
    ['10.1.2.3/8', 4, 0x0a000000n, 0x0affffffn, 8],
    ['::/0', 6, 0n, (1n << 128n) - 1n, 0],
    ['2001:db8::/32', 6, 0x20010db8n << 96n, (0x20010db8n << 96n) + (1n << 96n) - 1n, 32],
    ['::1/128', 6, 1n, 1n, 128],
    ['::ffff:10.0.0.1/128', 6, 0xffff0a000001n, 0xffff0a000001n, 128],
    ['1:2:3:4:5:6:7:8/64', 6, 0x0001000200030004n << 64n, (0x0001000200030004n << 64n) + (1n << 64n) - 1n, 64],
    ['1:2:3:4:5:6:7::/128', 6, 0x00010002000300040005000600070000n, 0x00010002000300040005000600070000n, 128],
  ])('%s', (text, family, first, last, prefix) => {
    expect(parseCidr(text)).toEqual({ family, first, last, prefix });
  });

  it.each([
    '',
    '10.0.0.0/33',
    '10.0.0/8',
    '256.0.0.0/8',
    '10.0.0.0/8/1',
    '10.0.0.0/-1',
    '::/129',
    '1::2::3/64',
    ':::/0',
    '1:2:3:4:5:6:7:8:9/64',
    'g::/16',
    '1.2.3.4::/64',
    'anywhere',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('cidrContains', () => {
  it('contains smaller blocks and addresses of the same family', () => {
    expect(cidrContains('10.0.0.0/8', '10.20.0.0/16')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '10.255.255.255')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '11.0.0.0')).toBe(false);
    expect(cidrContains('10.0.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(cidrContains('::/0', '10.0.0.0/8')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '203.0.113.9')).toBe(true);
  });

  it('is undefined for a malformed block', () => {
    expect(cidrContains('10.0.0.0/40', '10.0.0.1')).toBeUndefined();
  });
});

describe('coversAddressSpace', () => {
  it('is true for the whole space and for pieces that add up to it', () => {
    expect(coversAddressSpace(cidrs('0.0.0.0/0'), 4)).toBe(true);
    expect(coversAddressSpace(cidrs('128.0.0.0/1', '0.0.0.0/1'), 4)).toBe(true);
    expect(coversAddressSpace(cidrs('0.0.0.0/1', '64.0.0.0/2', '128.0.0.0/1', '10.0.0.0/8'), 4)).toBe(true);
    expect(coversAddressSpace(cidrs('::/1', '8000::/1'), 6)).toBe(true);
  });

  it('is false with a gap, for the other family, or for nothing', () => {
    expect(coversAddressSpace(cidrs('0.0.0.0/1', '128.0.0.0/2', '224.0.0.0/3'), 4)).toBe(false);
    expect(coversAddressSpace(cidrs('0.0.0.0/1'), 4)).toBe(false);
    expect(coversAddressSpace(cidrs('::/0'), 4)).toBe(false);
    expect(coversAddressSpace(cidrs('0.0.0.0/0'), 6)).toBe(false);
    expect(coversAddressSpace([], 4)).toBe(false);
  });
});

describe('protocols and ports', () => {
  it('normalises EC2 protocol spellings', () => {
    expect(normaliseProtocol('-1')).toBe('all');
    expect(normaliseProtocol('6')).toBe('tcp');
    expect(normaliseProtocol('TCP')).toBe('tcp');
    expect(normaliseProtocol('17')).toBe('udp');
    expect(normaliseProtocol('1')).toBe('icmp');
    expect(normaliseProtocol('58')).toBe('icmpv6');
    expect(normaliseProtocol('50')).toBe('50');
  });

  it.each([
    ['all traffic', rule({ protocol: '-1', fromPort: null, toPort: null }), true],
    ['all traffic with stray ports', rule({ protocol: '-1', fromPort: 80, toPort: 80 }), true],
    ['tcp exact port', rule({ protocol: 'tcp', fromPort: 22, toPort: 22 }), true],
    ['tcp by number', rule({ protocol: '6', fromPort: 22, toPort: 22 }), true],
    ['tcp range that includes it', rule({ protocol: 'tcp', fromPort: 0, toPort: 1024 }), true],
    ['tcp range ending on it', rule({ protocol: 'tcp', fromPort: 20, toPort: 22 }), true],
    ['tcp without ports', rule({ protocol: 'tcp', fromPort: null, toPort: null }), true],
    ['tcp range just above', rule({ protocol: 'tcp', fromPort: 23, toPort: 80 }), false],
    ['tcp range just below', rule({ protocol: 'tcp', fromPort: 1, toPort: 21 }), false],
    ['udp same port', rule({ protocol: 'udp', fromPort: 22, toPort: 22 }), false],
    ['udp by number', rule({ protocol: '17', fromPort: 0, toPort: 65535 }), false],
    ['icmp', rule({ protocol: 'icmp', fromPort: -1, toPort: -1 }), false],
    ['another protocol number', rule({ protocol: '50', fromPort: null, toPort: null }), false],
  ])('tcp 22 and %s', (_name, r, expected) => {
    expect(ruleReachesPort(r, 'tcp', 22)).toBe(expected);
  });

  it('udp rules reach udp ports', () => {
    expect(ruleReachesPort(rule({ protocol: 'udp', fromPort: 500, toPort: 500 }), 'udp', 500)).toBe(true);
    expect(ruleReachesPort(rule({ protocol: 'tcp', fromPort: 500, toPort: 500 }), 'udp', 500)).toBe(false);
  });

  it('labels port ranges', () => {
    expect(portRangeLabel(rule({}))).toBe('22');
    expect(portRangeLabel(rule({ fromPort: 0, toPort: 65535 }))).toBe('0-65535');
    expect(portRangeLabel(rule({ protocol: '-1', fromPort: null, toPort: null }))).toBe('all');
  });
});

describe('internetReach', () => {
  it('finds ports the whole IPv4 or IPv6 space reaches', () => {
    const reach = internetReach([rule({ ipv4Ranges: ['0.0.0.0/0'] }), rule({ fromPort: 3389, toPort: 3389, ipv6Ranges: ['::/0'] })], 'tcp', [22, 3389, 443]);
    expect(reach.exposed).toEqual([
      { port: 22, families: [4], rules: [{ protocol: 'tcp', ports: '22', sources: ['0.0.0.0/0'] }] },
      { port: 3389, families: [6], rules: [{ protocol: 'tcp', ports: '3389', sources: ['::/0'] }] },
    ]);
  });

  it('merges sources across rules reaching the same port', () => {
    const reach = internetReach([rule({ fromPort: 0, toPort: 1000, ipv4Ranges: ['0.0.0.0/1'] }), rule({ ipv4Ranges: ['128.0.0.0/1'] })], 'tcp', [22]);
    expect(reach.exposed.map((e) => e.port)).toEqual([22]);
  });

  it('ignores private sources, other ports and other protocols', () => {
    const reach = internetReach(
      [
        rule({ ipv4Ranges: ['10.0.0.0/8'] }),
        rule({ protocol: 'udp', ipv4Ranges: ['0.0.0.0/0'] }),
        rule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }),
      ],
      'tcp',
      [22],
    );
    expect(reach.exposed).toEqual([]);
  });

  it('reports prefix lists and malformed CIDRs on reaching rules only', () => {
    const reach = internetReach(
      [rule({ prefixListIds: ['pl-0b'], ipv4Ranges: ['10.0.0/8'] }), rule({ fromPort: 443, toPort: 443, prefixListIds: ['pl-0a'], ipv4Ranges: ['bad'] })],
      'tcp',
      [22],
    );
    expect(reach).toEqual({ exposed: [], prefixListIds: ['pl-0b'], malformed: ['10.0.0/8'] });
  });
});
