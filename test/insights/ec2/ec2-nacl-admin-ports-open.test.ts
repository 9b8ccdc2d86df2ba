import naclAdminPortsOpen from '../../../insights/ec2/ec2-nacl-admin-ports-open.js';
import { networkAcl } from '../../../src/model/builders.js';
import type { NetworkAclEntry } from '../../../src/model/types/ec2/network-acl.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

/** An inbound entry; `'*'` entries are numbered as EC2 lists them (32767, and 32768 for IPv6). */
function entry(ruleNumber: number, ruleAction: 'allow' | 'deny', overrides: Partial<NetworkAclEntry> = {}): NetworkAclEntry {
  return { ruleNumber, egress: false, protocol: '6', ruleAction, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: 22, toPort: 22, ...overrides };
}

const ALL = { protocol: '-1', fromPort: null, toPort: null } as const;
const V6 = { cidrBlock: null, ipv6CidrBlock: '::/0' } as const;
/** The final `*` entries EC2 adds to every NACL. */
const FINAL = [entry(32767, 'deny', ALL), entry(32768, 'deny', { ...ALL, ...V6 })];

function acl(...entries: NetworkAclEntry[]) {
  return networkAcl({ entries: [...entries, ...FINAL, entry(100, 'allow', { ...ALL, egress: true }), entry(32767, 'deny', { ...ALL, egress: true })] });
}

testInsight(naclAdminPortsOpen, [
  { name: 'https only, then the final deny', resource: acl(entry(100, 'allow', { fromPort: 443, toPort: 443 })), status: 'pass', reason: /TCP\/UDP 22, 3389/ },
  { name: 'only the final * entries', resource: acl(), status: 'pass' },
  { name: 'ssh from the office only', resource: acl(entry(100, 'allow', { cidrBlock: '203.0.113.0/24' })), status: 'pass' },
  // CIS 6.2 counts protocols -1, 6 and 17.
  {
    name: 'udp 22 from anywhere',
    resource: acl(entry(100, 'allow', { protocol: '17' })),
    status: 'fail',
    reason: /^the internet can reach UDP 22 from 0\.0\.0\.0\/0 through rule 100$/,
  },
  {
    name: 'udp 22 from anywhere, with the pack counting TCP only',
    resource: acl(entry(100, 'allow', { protocol: '17' })),
    params: { protocols: ['tcp'] },
    status: 'pass',
    reason: /reach TCP 22, 3389/,
  },
  {
    name: 'a UDP entry without a port range',
    resource: acl(entry(100, 'allow', { protocol: '17', fromPort: null, toPort: null })),
    status: 'error',
    reason: /udp 22, udp 3389 cannot be told: rule 100: a UDP entry without a port range/,
  },
  { name: 'icmp from anywhere', resource: acl(entry(100, 'allow', { protocol: '1', fromPort: null, toPort: null })), status: 'pass' },
  {
    name: 'egress allow of all traffic to anywhere is not inbound',
    resource: networkAcl({ entries: [entry(100, 'allow', { ...ALL, egress: true }), ...FINAL] }),
    status: 'pass',
  },
  {
    // Where other tools are wrong: rule 100 denies the internet on 22 and 3389 before rule 200 allows everything.
    name: 'lower-numbered denies shadow a later allow of all traffic',
    resource: acl(
      entry(200, 'allow', ALL),
      entry(100, 'deny'),
      entry(110, 'deny', { fromPort: 3389, toPort: 3389 }),
      entry(115, 'deny', { protocol: '17', fromPort: 22, toPort: 3389 }),
      entry(120, 'deny', { ...V6, ...ALL }),
    ),
    status: 'pass',
    reason: /earlier denies shadow the internet-wide allow of rule 200/,
  },
  {
    name: 'a deny of all traffic from the internet split in two halves shadows the allow',
    resource: acl(entry(10, 'deny', { ...ALL, cidrBlock: '0.0.0.0/1' }), entry(20, 'deny', { ...ALL, cidrBlock: '128.0.0.0/1' }), entry(100, 'allow')),
    status: 'pass',
  },
  {
    name: 'ssh from 0.0.0.0/0',
    resource: acl(entry(100, 'allow')),
    status: 'fail',
    reason: /TCP 22 from 0\.0\.0\.0\/0 through rule 100/,
    evidence: {
      exposed: [
        { protocol: 'tcp', port: 22, internet: '0.0.0.0/0', allows: [{ ruleNumber: 100, protocol: '6', ports: '22', source: '0.0.0.0/0' }], partialDenies: [] },
      ],
    },
  },
  { name: 'rdp from ::/0', resource: acl(entry(100, 'allow', { ...V6, fromPort: 3389, toPort: 3389 })), status: 'fail', reason: /3389 from ::\/0/ },
  {
    name: 'all traffic from anywhere, as the default NACL has it',
    resource: acl(entry(100, 'allow', ALL), entry(101, 'allow', { ...ALL, ...V6 })),
    status: 'fail',
    reason:
      /TCP 22 from 0\.0\.0\.0\/0 through rule 100; TCP 22 from ::\/0 through rule 101; TCP 3389 from 0\.0\.0\.0\/0.*UDP 22 from 0\.0\.0\.0\/0 through rule 100/,
  },
  {
    name: 'the deny comes after the allow, so it never matches',
    resource: acl(entry(100, 'allow', { fromPort: 0, toPort: 65535 }), entry(200, 'deny')),
    status: 'fail',
    reason: /through rule 100/,
  },
  {
    name: 'a deny of part of the internet leaves the rest reaching the allow',
    resource: acl(entry(50, 'deny', { cidrBlock: '10.0.0.0/8' }), entry(100, 'allow')),
    status: 'fail',
    evidence: { exposed: [{ port: 22, internet: '0.0.0.0/0', partialDenies: [50] }] },
  },
  {
    name: 'a deny for ssh only leaves rdp open through the allow of all traffic',
    resource: acl(entry(100, 'deny'), entry(200, 'allow', ALL)),
    params: { protocols: ['tcp'] },
    status: 'fail',
    reason: /^the internet can reach TCP 3389 from 0\.0\.0\.0\/0 through rule 200$/,
  },
  {
    name: 'the internet allowed in two halves',
    resource: acl(entry(100, 'allow', { cidrBlock: '0.0.0.0/1' }), entry(110, 'allow', { cidrBlock: '128.0.0.0/1' })),
    status: 'fail',
    reason: /through rule 100, 110/,
  },
  {
    name: 'tunable ports: postgres',
    resource: acl(entry(100, 'allow', { fromPort: 5432, toPort: 5432 })),
    params: { ports: [22, 3389, 5432] },
    status: 'fail',
    reason: /5432/,
  },
  {
    name: 'an allow decided before a malformed entry still fails',
    resource: acl(entry(100, 'allow'), entry(200, 'deny', { cidrBlock: '0.0.0/0' })),
    status: 'fail',
  },
  {
    name: 'a malformed entry before the allow leaves the verdict open',
    resource: acl(entry(50, 'deny', { cidrBlock: '0.0.0/0' }), entry(100, 'allow')),
    status: 'error',
    reason: /rule 50: the source '0\.0\.0\/0' is not a valid CIDR/,
  },
  {
    name: 'a TCP entry without a port range',
    resource: acl(entry(50, 'deny', { fromPort: null, toPort: null }), entry(100, 'allow')),
    status: 'error',
    reason: /without a port range/,
  },
  {
    name: 'entries unreadable',
    resource: networkAcl({ entries: unknown('UnexpectedResponse: ec2:DescribeNetworkAcls') }),
    status: 'error',
    reason: /entries could not be read/,
  },
  {
    name: 'associated with no subnet',
    resource: networkAcl({ subnetIds: [], entries: [entry(100, 'allow', ALL), ...FINAL] }),
    status: 'not-applicable',
    reason: /associated with no subnet/,
  },
  {
    name: 'NACL of a VPC shared from the network account',
    resource: networkAcl({ ownerId: '222222222222', entries: [entry(100, 'allow', ALL), ...FINAL] }),
    status: 'not-applicable',
    reason: /222222222222/,
  },
]);
