import defaultRestrictsAll from '../../../insights/ec2/ec2-sg-default-restricts-all.js';
import { securityGroup } from '../../../src/model/builders.js';
import type { SecurityGroupRule } from '../../../src/model/types/ec2/security-group.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const rule = (overrides: Partial<SecurityGroupRule>): SecurityGroupRule => ({
  protocol: '-1',
  fromPort: null,
  toPort: null,
  ipv4Ranges: [],
  ipv6Ranges: [],
  prefixListIds: [],
  referencedGroupIds: [],
  ...overrides,
});
const selfReference = rule({ referencedGroupIds: ['sg-0123456789abcdef0'] });
const allOut = rule({ ipv4Ranges: ['0.0.0.0/0'] });

testInsight(defaultRestrictsAll, [
  { name: 'default group with no rules', resource: securityGroup({ groupName: 'default', ingress: [], egress: [] }), status: 'pass' },
  {
    name: 'default group as AWS creates it (members reach each other, all traffic out)',
    resource: securityGroup({ groupName: 'default', ingress: [selfReference], egress: [allOut] }),
    status: 'fail',
    reason: /1 inbound and 1 outbound/,
    evidence: { inboundRules: 1, outboundRules: 1 },
  },
  { name: 'default group with only an outbound rule', resource: securityGroup({ groupName: 'default', ingress: [], egress: [allOut] }), status: 'fail' },
  {
    name: 'a purpose-built group',
    resource: securityGroup({ groupName: 'app', ingress: [rule({ protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: ['10.0.0.0/8'] })] }),
    status: 'not-applicable',
  },
  {
    name: 'default group shared from another account',
    resource: securityGroup({ groupName: 'default', ownerId: '222222222222', ingress: [selfReference], egress: [allOut] }),
    status: 'not-applicable',
    reason: /222222222222/,
  },
  {
    name: 'inbound rules unreadable',
    resource: securityGroup({ groupName: 'default', ingress: unknown('UnauthorizedOperation: ec2:DescribeSecurityGroups'), egress: [] }),
    status: 'error',
  },
  {
    name: 'outbound rules unreadable',
    resource: securityGroup({ groupName: 'default', ingress: [], egress: unknown('UnauthorizedOperation: ec2:DescribeSecurityGroups') }),
    status: 'error',
  },
]);
