import cifsOpen from '../../../insights/ec2/ec2-sg-cifs-open.js';
import { securityGroup } from '../../../src/model/builders.js';
import type { SecurityGroupRule } from '../../../src/model/types/ec2/security-group.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function rule(overrides: Partial<SecurityGroupRule>): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: 445, toPort: 445, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [], ...overrides };
}

function group(...ingress: SecurityGroupRule[]) {
  return securityGroup({ ingress });
}

testInsight(cifsOpen, [
  { name: 'no inbound rules', resource: group(), status: 'pass', reason: /TCP 445/ },
  { name: 'smb from the office network', resource: group(rule({ ipv4Ranges: ['10.20.0.0/16'] })), status: 'pass' },
  { name: 'smb from another security group', resource: group(rule({ referencedGroupIds: ['sg-0fileclients'] })), status: 'pass' },
  { name: 'ssh from anywhere is not CIFS', resource: group(rule({ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] })), status: 'pass' },
  { name: 'udp 445 from anywhere', resource: group(rule({ protocol: 'udp', ipv4Ranges: ['0.0.0.0/0'] })), status: 'pass' },
  {
    name: 'smb from 0.0.0.0/0',
    resource: group(rule({ ipv4Ranges: ['0.0.0.0/0'] })),
    status: 'fail',
    reason: /TCP 445 from 0\.0\.0\.0\/0/,
    evidence: { exposed: [{ port: 445, families: [4], rules: [{ protocol: 'tcp', ports: '445', sources: ['0.0.0.0/0'] }] }] },
  },
  { name: 'smb from ::/0', resource: group(rule({ ipv6Ranges: ['::/0'] })), status: 'fail', reason: /445 from ::\/0/ },
  {
    name: 'all traffic from anywhere',
    resource: group(rule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'] })),
    status: 'fail',
    reason: /445 from 0\.0\.0\.0\/0 and ::\/0/,
  },
  { name: 'port range spanning 445', resource: group(rule({ fromPort: 400, toPort: 500, ipv4Ranges: ['0.0.0.0/0'] })), status: 'fail' },
  {
    name: 'internet split over two CIDRs',
    resource: group(rule({ ipv4Ranges: ['0.0.0.0/1', '128.0.0.0/1'] })),
    status: 'fail',
  },
  {
    name: 'NetBIOS added to the ports',
    resource: group(rule({ fromPort: 139, toPort: 139, ipv4Ranges: ['0.0.0.0/0'] })),
    params: { ports: [139, 445] },
    status: 'fail',
    reason: /139/,
  },
  {
    name: 'smb through a prefix list is named, not judged',
    resource: group(rule({ prefixListIds: ['pl-0branches'] })),
    status: 'pass',
    reason: /pl-0branches were not judged/,
  },
  { name: 'malformed source CIDR', resource: group(rule({ ipv4Ranges: ['0.0.0.0/33'] })), status: 'error', reason: /not valid CIDRs/ },
  { name: 'inbound rules unreadable', resource: securityGroup({ ingress: unknown('UnauthorizedOperation: ec2:DescribeSecurityGroups') }), status: 'error' },
  {
    name: 'group shared from the VPC owner account',
    resource: securityGroup({ ownerId: '222222222222', ingress: [rule({ ipv4Ranges: ['0.0.0.0/0'] })] }),
    status: 'not-applicable',
    reason: /222222222222/,
  },
]);
