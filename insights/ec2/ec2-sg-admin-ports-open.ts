import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { portsParam, protocolsParam } from '../../src/analysis/ports-param.js';
import { judgeSecurityGroupPorts } from '../judges/security-group-exposure.js';

export default defineInsight({
  id: 'ec2-sg-admin-ports-open',
  title: 'Security groups do not open remote administration ports to the internet',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  description:
    'Checks that no ingress rule lets the whole IPv4 (0.0.0.0/0) or IPv6 (::/0) internet reach a remote administration port (22 and 3389 by default) over TCP or UDP, as CIS counts them: all-traffic rules and TCP or UDP port ranges that include the port count. Sources split over several CIDRs that add up to the whole internet count too. Groups shared from another account are judged in the owner account.',
  rationale:
    'SSH and RDP exposed to the internet are scanned within minutes and brute-forced, and their vulnerabilities give a remote shell; administration should go through Session Manager, a VPN or a bastion restricted to known addresses (CIS AWS 6.3 and 6.4).',
  remediation: {
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]  # likewise IpProtocol=udp, Ipv6Ranges=[{CidrIpv6=::/0}] and port 3389',
    console:
      'EC2 console > Security Groups > the group > Inbound rules > Edit inbound rules: delete the rules from 0.0.0.0/0 or ::/0 that reach port 22 or 3389, or narrow their source.',
  },
  reads: { self: ['ownerId', 'ingress'] },
  params: Type.Object(
    {
      ports: portsParam([22, 3389], 'Ports of remote administration services'),
      // CIS counts UDP too: RDP has a UDP transport on 3389, and a UDP range over 22 is no safer.
      protocols: protocolsParam(['tcp', 'udp'], 'Protocols whose traffic to the ports counts (CIS 6.3/6.4: TCP and UDP)'),
    },
    { additionalProperties: false },
  ),
  evaluate(group, context) {
    return judgeSecurityGroupPorts(group, context.params.ports, context.params.protocols, context);
  },
});
