import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { portsParam } from '../../src/analysis/ports-param.js';
import { judgeSecurityGroupTcpPorts } from '../../src/analysis/security-group-exposure.js';

export default defineInsight({
  id: 'ec2-sg-admin-ports-open',
  title: 'Security groups do not open remote administration ports to the internet',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  description:
    'Checks that no ingress rule lets the whole IPv4 (0.0.0.0/0) or IPv6 (::/0) internet reach a remote administration TCP port (22 and 3389 by default): all-traffic rules and TCP port ranges that include the port count; UDP rules do not. Sources split over several CIDRs that add up to the whole internet count too. Groups shared from another account are judged in the owner account.',
  rationale:
    'SSH and RDP exposed to the internet are scanned within minutes and brute-forced, and their vulnerabilities give a remote shell; administration should go through Session Manager, a VPN or a bastion restricted to known addresses (CIS AWS 6.3 and 6.4).',
  remediation: {
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]  # likewise Ipv6Ranges=[{CidrIpv6=::/0}] and port 3389',
    console: 'EC2 console > Security Groups > the group > Inbound rules > Edit inbound rules: delete the rules from 0.0.0.0/0 or ::/0 that reach port 22 or 3389, or narrow their source.',
  },
  reads: { self: ['ownerId', 'ingress'] },
  params: Type.Object({ ports: portsParam([22, 3389], 'TCP ports of remote administration services') }, { additionalProperties: false }),
  evaluate(group, { params, verdict }) {
    return judgeSecurityGroupTcpPorts(group, params.ports, verdict);
  },
});
