import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'ec2-sg-default-restricts-all',
  title: 'The default security group of every VPC restricts all traffic',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'medium',
  description:
    'Checks that the security group named default in each VPC has no inbound and no outbound rules, so that nothing launched without an explicit group can talk to anything. Other groups, and default groups shared from another account, are not applicable.',
  rationale:
    'Resources launched without a security group land in the VPC default group. With its out-of-the-box rules, every member can reach every other member and the internet; an empty default group forces every workload onto a group designed for it (CIS AWS 6.5).',
  remediation: {
    cli: 'aws ec2 revoke-security-group-ingress --group-id <default-sg-id> --ip-permissions "$(aws ec2 describe-security-groups --group-ids <default-sg-id> --query SecurityGroups[0].IpPermissions)" && aws ec2 revoke-security-group-egress --group-id <default-sg-id> --ip-permissions "$(aws ec2 describe-security-groups --group-ids <default-sg-id> --query SecurityGroups[0].IpPermissionsEgress)"',
    console:
      'VPC console > Security groups > the group named default > Inbound rules > Edit > delete every rule; Outbound rules > Edit > delete every rule. Move any resource still in the group to a purpose-built group first.',
  },
  reads: { self: ['groupName', 'ownerId', 'ingress', 'egress'] },
  evaluate(group, { verdict }) {
    const { groupName, ownerId, ingress, egress } = group.config;
    if (groupName !== 'default') return verdict.notApplicable('only the default security group of a VPC is checked');
    if (ownerId !== group.accountId) return verdict.notApplicable(`the group belongs to account ${ownerId} and is judged there`);
    if (isUnknown(ingress)) return verdict.unreadable('inbound rules', ingress);
    if (isUnknown(egress)) return verdict.unreadable('outbound rules', egress);
    if (ingress.length === 0 && egress.length === 0) return verdict.pass('the default security group has no inbound and no outbound rules');
    return verdict.fail(`the default security group has ${ingress.length} inbound and ${egress.length} outbound rules`, {
      inboundRules: ingress.length,
      outboundRules: egress.length,
      ingress,
      egress,
    });
  },
});
