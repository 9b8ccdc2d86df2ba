/**
 * Whether a security group lets the whole internet reach some ports over TCP or UDP: the judgement
 * shared by the insights on remote administration ports, CIFS and the like, which differ only in
 * the ports and protocols. The CIDR and port math is in network.ts.
 */
import type { InsightContext } from '../../src/engine/context.js';
import type { Verdict } from '../../src/engine/verdict.js';
import type { Resource } from '../../src/model/resource.js';
import { isUnknown } from '../../src/model/unknown.js';
import { internetReachOf, readIngress, type IngressReading, type PortProtocol } from '../../src/analysis/network.js';

/** What the protocols and ports read as in a verdict: `TCP/UDP 22, 3389`. */
export function protocolPortsLabel(protocols: readonly PortProtocol[], ports: readonly number[]): string {
  return `${protocols.map((p) => p.toUpperCase()).join('/')} ${ports.join(', ')}`;
}

/** The group's inbound rules read once for every insight and parameter set that judges them (a ResourceAnalysis). */
export function groupIngress(group: Resource<'AWS::EC2::SecurityGroup'>): IngressReading {
  const { ingress } = group.config;
  return readIngress(isUnknown(ingress) ? [] : ingress);
}

/** Reads the group's `ownerId` and `ingress`. */
export function judgeSecurityGroupPorts(
  group: Resource<'AWS::EC2::SecurityGroup'>,
  ports: readonly number[],
  protocols: readonly PortProtocol[],
  { memo, verdict }: Pick<InsightContext<unknown>, 'memo' | 'verdict'>,
): Verdict {
  const { ownerId, ingress } = group.config;
  if (ownerId !== group.accountId) {
    return verdict.notApplicable(() => `the group is shared from account ${ownerId}, which owns its rules and where it is judged`);
  }
  if (isUnknown(ingress)) return verdict.unreadable('inbound rules', ingress);
  const read = memo.of(groupIngress, group);
  if (!read.mayExpose && !read.notes) return verdict.pass(() => `no inbound rule opens ${protocolPortsLabel(protocols, ports)} to the whole internet`);
  const reaches = protocols.map((protocol) => ({ protocol, reach: internetReachOf(read, protocol, ports) }));
  const exposed = [];
  for (const { protocol, reach } of reaches) for (const e of reach.exposed) exposed.push({ protocol, port: e.port, families: e.families, rules: e.rules });
  if (exposed.length > 0) {
    const open = exposed.map((e) => `${e.protocol.toUpperCase()} ${e.port} from ${e.families.map((f) => (f === 4 ? '0.0.0.0/0' : '::/0')).join(' and ')}`);
    return verdict.fail(`the internet can reach ${open.join('; ')}`, { exposed });
  }
  const malformed = [...new Set(reaches.flatMap(({ reach }) => reach.malformed))];
  if (malformed.length > 0) {
    return verdict.error(`rules reaching ${protocolPortsLabel(protocols, ports)} have sources that are not valid CIDRs: ${malformed.join(', ')}`, {
      malformed,
    });
  }
  // Prefix list entries are another resource the model does not hold yet; a rule through one is
  // named in the reason so that a reader sees what was not judged.
  return verdict.pass(() => {
    const prefixListIds = [...new Set(reaches.flatMap(({ reach }) => reach.prefixListIds))];
    const prefixLists = prefixListIds.length > 0 ? `; rules through prefix lists ${prefixListIds.join(', ')} were not judged` : '';
    return `no inbound rule opens ${protocolPortsLabel(protocols, ports)} to the whole internet${prefixLists}`;
  });
}
