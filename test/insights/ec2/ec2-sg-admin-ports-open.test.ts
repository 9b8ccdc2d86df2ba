import adminPortsOpen from '../../../insights/ec2/ec2-sg-admin-ports-open.js';
import { securityGroup } from '../../../src/model/builders.js';
import type { SecurityGroupRule } from '../../../src/model/types/ec2/security-group.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function rule(overrides: Partial<SecurityGroupRule>): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [], ...overrides };
}

function group(...ingress: SecurityGroupRule[]) {
  return securityGroup({ ingress });
}

testInsight(adminPortsOpen, [
  { name: 'no inbound rules', resource: group(), status: 'pass' },
  { name: 'ssh from the office only', resource: group(rule({ ipv4Ranges: ['203.0.113.0/24'] })), status: 'pass' },
  { name: 'https from anywhere', resource: group(rule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'] })), status: 'pass' },
  { name: 'ssh from another security group', resource: group(rule({ referencedGroupIds: ['sg-0bastion'] })), status: 'pass' },
  // CIS 6.3/6.4 count UDP: RDP has a UDP transport on 3389.
  {
    name: 'udp 22 from anywhere',
    resource: group(rule({ protocol: 'udp', ipv4Ranges: ['0.0.0.0/0'] })),
    status: 'fail',
    reason: /^the internet can reach UDP 22 from 0\.0\.0\.0\/0$/,
  },
  {
    name: 'udp 3389 from anywhere (RDP UDP transport)',
    resource: group(rule({ protocol: '17', fromPort: 3389, toPort: 3389, ipv4Ranges: ['0.0.0.0/0'] })),
    status: 'fail',
    reason: /UDP 3389/,
  },
  {
    name: 'udp 3389 from anywhere, with the pack counting TCP only',
    resource: group(rule({ protocol: '17', fromPort: 3389, toPort: 3389, ipv4Ranges: ['0.0.0.0/0'] })),
    params: { protocols: ['tcp'] },
    status: 'pass',
    reason: /opens TCP 22, 3389/,
  },
  { name: 'icmp from anywhere', resource: group(rule({ protocol: 'icmp', fromPort: -1, toPort: -1, ipv4Ranges: ['0.0.0.0/0'] })), status: 'pass' },
  { name: 'range just above ssh', resource: group(rule({ fromPort: 23, toPort: 3388, ipv4Ranges: ['0.0.0.0/0'] })), status: 'pass' },
  { name: 'half of the internet is not all of it', resource: group(rule({ ipv4Ranges: ['0.0.0.0/1'] })), status: 'pass' },
  {
    name: 'ssh from 0.0.0.0/0',
    resource: group(rule({ ipv4Ranges: ['0.0.0.0/0'] })),
    status: 'fail',
    reason: /TCP 22 from 0\.0\.0\.0\/0/,
    evidence: { exposed: [{ port: 22, families: [4], rules: [{ protocol: 'tcp', ports: '22', sources: ['0.0.0.0/0'] }] }] },
  },
  { name: 'rdp from ::/0', resource: group(rule({ fromPort: 3389, toPort: 3389, ipv6Ranges: ['::/0'] })), status: 'fail', reason: /3389 from ::\/0/ },
  { name: 'tcp by protocol number', resource: group(rule({ protocol: '6', ipv4Ranges: ['0.0.0.0/0'] })), status: 'fail' },
  {
    name: 'all traffic from anywhere',
    resource: group(rule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] })),
    status: 'fail',
    reason: /TCP 22 from 0\.0\.0\.0\/0; TCP 3389 from 0\.0\.0\.0\/0; UDP 22 from 0\.0\.0\.0\/0; UDP 3389/,
  },
  { name: 'all tcp ports from anywhere', resource: group(rule({ fromPort: 0, toPort: 65535, ipv6Ranges: ['::/0'] })), status: 'fail' },
  { name: 'range ending on 22', resource: group(rule({ fromPort: 20, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] })), status: 'fail' },
  {
    name: 'internet split over two rules',
    resource: group(rule({ ipv4Ranges: ['0.0.0.0/1'] }), rule({ fromPort: 1, toPort: 1024, ipv4Ranges: ['128.0.0.0/1'] })),
    status: 'fail',
  },
  {
    name: 'tunable ports: postgres',
    resource: group(rule({ fromPort: 5432, toPort: 5432, ipv4Ranges: ['0.0.0.0/0'] })),
    params: { ports: [22, 3389, 5432] },
    status: 'fail',
    reason: /5432/,
  },
  {
    name: 'ssh through a prefix list is named, not judged',
    resource: group(rule({ prefixListIds: ['pl-0office'] })),
    status: 'pass',
    reason: /pl-0office were not judged/,
  },
  { name: 'malformed source CIDR', resource: group(rule({ ipv4Ranges: ['0.0.0/0'] })), status: 'error', reason: /not valid CIDRs/ },
  {
    name: 'group shared from the VPC owner account',
    resource: securityGroup({ ownerId: '222222222222', ingress: [rule({ ipv4Ranges: ['0.0.0.0/0'] })] }),
    status: 'not-applicable',
    reason: /222222222222/,
  },
  { name: 'inbound rules unreadable', resource: securityGroup({ ingress: unknown('UnauthorizedOperation: ec2:DescribeSecurityGroups') }), status: 'error' },
]);
