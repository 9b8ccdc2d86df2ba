import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { portsParam } from '../../src/analysis/ports-param.js';
import { judgeSecurityGroupPorts } from '../judges/security-group-exposure.js';

const TCP = ['tcp'] as const;

export default defineInsight({
  id: 'ec2-sg-cifs-open',
  title: 'Security groups do not open CIFS (SMB) to the internet',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  description:
    'Checks that no ingress rule lets the whole IPv4 (0.0.0.0/0) or IPv6 (::/0) internet reach the CIFS/SMB port, TCP 445 by default (add 139 for NetBIOS session service): all-traffic rules and TCP port ranges that include the port count; UDP rules do not. Sources split over several CIDRs that add up to the whole internet count too. Groups shared from another account are judged in the owner account.',
  rationale:
    'SMB exposed to the internet is how ransomware worms such as WannaCry spread, and file shares reachable from anywhere leak data and credentials; CIFS should be reachable only from trusted networks (CIS AWS 6.1.2).',
  remediation: {
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=445,ToPort=445,IpRanges=[{CidrIp=0.0.0.0/0}]  # likewise Ipv6Ranges=[{CidrIpv6=::/0}], and any all-traffic rule from anywhere',
    console:
      'EC2 console > Security Groups > the group > Inbound rules > Edit inbound rules: delete the rules from 0.0.0.0/0 or ::/0 that reach port 445, or narrow their source to trusted networks.',
  },
  reads: { self: ['ownerId', 'ingress'] },
  params: Type.Object({ ports: portsParam([445], 'TCP ports of CIFS/SMB file sharing') }, { additionalProperties: false }),
  evaluate(group, context) {
    return judgeSecurityGroupPorts(group, context.params.ports, TCP, context);
  },
});
