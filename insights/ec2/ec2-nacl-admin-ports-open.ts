import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { aclInternetReach } from '../../src/analysis/network-acl.js';
import { portsParam, protocolsParam } from '../../src/analysis/ports-param.js';
import { protocolPortsLabel } from '../judges/security-group-exposure.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'ec2-nacl-admin-ports-open',
  title: 'Network ACLs do not let the internet reach remote administration ports',
  resourceType: 'AWS::EC2::NetworkAcl',
  severity: 'medium',
  description:
    'Checks that the inbound entries of a network ACL, evaluated as AWS evaluates them (lowest rule number first, the first match decides, the final `*` entry denies), let no traffic from the IPv4 (0.0.0.0/0) or IPv6 (::/0) internet reach a remote administration port (22 and 3389 by default) over TCP or UDP through an allow for the whole internet, or through allows whose sources together cover it. All-protocol entries and TCP or UDP port ranges that include the port count, as CIS 6.2 counts protocols -1, 6 and 17. An allow that earlier denies shadow entirely passes; one that they shadow only in part fails. NACLs associated with no subnet filter nothing and are not applicable; the NACLs of a VPC shared from another account are judged in the owner account.',
  rationale:
    'A network ACL is the subnet-wide layer of defence behind security groups: one that admits SSH or RDP from anywhere leaves every instance of its subnets one security group mistake away from a brute-forced remote shell (CIS AWS 6.2).',
  remediation: {
    cli: 'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number <number below the allow> --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny  # likewise 3389 and --ipv6-cidr-block ::/0; or narrow the allow with replace-network-acl-entry',
    console:
      'VPC console > Network ACLs > the NACL > Inbound rules > Edit inbound rules: narrow the source of the allow rules that admit 0.0.0.0/0 or ::/0 to port 22 or 3389, or add a lower-numbered deny for those ports.',
  },
  reads: { self: ['ownerId', 'entries', 'subnetIds'] },
  params: Type.Object(
    {
      ports: portsParam([22, 3389], 'Ports of remote administration services'),
      // CIS 6.2 names protocols -1, 6 and 17: all traffic, TCP and UDP.
      protocols: protocolsParam(['tcp', 'udp'], 'Protocols whose traffic to the ports counts (CIS 6.2: TCP and UDP)'),
    },
    { additionalProperties: false },
  ),
  evaluate(acl, { params, verdict }) {
    const { ownerId, entries, subnetIds } = acl.config;
    if (ownerId !== acl.accountId) {
      return verdict.notApplicable(`the NACL belongs to a VPC of account ${ownerId}, which owns its entries and where it is judged`);
    }
    if (subnetIds.length === 0) return verdict.notApplicable('the NACL is associated with no subnet, so it filters no traffic');
    if (isUnknown(entries)) return verdict.unreadable('entries', entries);
    const reach = aclInternetReach(entries, params.ports, params.protocols);
    if (reach.exposed.length > 0) {
      const open = reach.exposed.map(
        (e) => `${e.protocol.toUpperCase()} ${e.port} from ${e.internet} through rule ${e.allows.map((a) => a.ruleNumber).join(', ')}`,
      );
      return verdict.fail(`the internet can reach ${open.join('; ')}`, { exposed: reach.exposed, subnetIds });
    }
    if (reach.undecided.length > 0) {
      const problems = reach.malformed.map((m) => `rule ${m.ruleNumber}: ${m.problem}`).join('; ');
      return verdict.error(`whether the internet reaches ${reach.undecided.join(', ')} cannot be told: ${problems}`, { malformed: reach.malformed });
    }
    const shadowed = [...new Set(reach.shadowed.map((s) => s.ruleNumber))];
    const note = shadowed.length > 0 ? `; earlier denies shadow the internet-wide allow of rule ${shadowed.join(', ')}` : '';
    return verdict.pass(`no inbound entry lets the internet reach ${protocolPortsLabel(params.protocols, params.ports)}${note}`);
  },
});
