import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { internetReach } from '../../src/analysis/network.js';
import { isUnknown } from '../../src/model/unknown.js';

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
  params: Type.Object(
    {
      ports: Type.Array(Type.Integer({ minimum: 0, maximum: 65535 }), {
        minItems: 1,
        uniqueItems: true,
        default: [22, 3389],
        description: 'TCP ports of remote administration services',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(group, { params, verdict }) {
    const { ownerId, ingress } = group.config;
    if (ownerId !== group.accountId) {
      return verdict.notApplicable(`the group is shared from account ${ownerId}, which owns its rules and where it is judged`);
    }
    if (isUnknown(ingress)) return verdict.unreadable('inbound rules', ingress);
    const ports = params.ports.join(', ');
    const reach = internetReach(ingress, 'tcp', params.ports);
    if (reach.exposed.length > 0) {
      const open = reach.exposed.map((e) => `${e.port} from ${e.families.map((f) => (f === 4 ? '0.0.0.0/0' : '::/0')).join(' and ')}`);
      return verdict.fail(`the internet can reach TCP ${open.join('; ')}`, { exposed: reach.exposed });
    }
    if (reach.malformed.length > 0) {
      return verdict.error(`rules reaching TCP ${ports} have sources that are not valid CIDRs: ${reach.malformed.join(', ')}`, {
        malformed: reach.malformed,
      });
    }
    // Prefix list entries are another resource the model does not hold yet; a rule through one is
    // named in the reason so that a reader sees what was not judged.
    const prefixLists = reach.prefixListIds.length > 0 ? `; rules through prefix lists ${reach.prefixListIds.join(', ')} were not judged` : '';
    return verdict.pass(`no inbound rule opens TCP ${ports} to the whole internet${prefixLists}`);
  },
});
