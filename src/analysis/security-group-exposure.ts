/**
 * Whether a security group lets the whole internet reach some TCP ports: the judgement shared by
 * the insights on remote administration ports, CIFS and the like, which differ only in the ports.
 * The CIDR and port math is in network.ts.
 */
import type { Verdict, VerdictFactory } from '../engine/verdict.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import { internetReach } from './network.js';

/** Reads the group's `ownerId` and `ingress`. */
export function judgeSecurityGroupTcpPorts(group: Resource<'AWS::EC2::SecurityGroup'>, ports: readonly number[], verdict: VerdictFactory): Verdict {
  const { ownerId, ingress } = group.config;
  if (ownerId !== group.accountId) {
    return verdict.notApplicable(`the group is shared from account ${ownerId}, which owns its rules and where it is judged`);
  }
  if (isUnknown(ingress)) return verdict.unreadable('inbound rules', ingress);
  const portList = ports.join(', ');
  const reach = internetReach(ingress, 'tcp', ports);
  if (reach.exposed.length > 0) {
    const open = reach.exposed.map((e) => `${e.port} from ${e.families.map((f) => (f === 4 ? '0.0.0.0/0' : '::/0')).join(' and ')}`);
    return verdict.fail(`the internet can reach TCP ${open.join('; ')}`, { exposed: reach.exposed });
  }
  if (reach.malformed.length > 0) {
    return verdict.error(`rules reaching TCP ${portList} have sources that are not valid CIDRs: ${reach.malformed.join(', ')}`, {
      malformed: reach.malformed,
    });
  }
  // Prefix list entries are another resource the model does not hold yet; a rule through one is
  // named in the reason so that a reader sees what was not judged.
  const prefixLists = reach.prefixListIds.length > 0 ? `; rules through prefix lists ${reach.prefixListIds.join(', ')} were not judged` : '';
  return verdict.pass(`no inbound rule opens TCP ${portList} to the whole internet${prefixLists}`);
}
