/**
 * A security group's rules as EC2 answers them (IpPermissions), normalised: what the API collector
 * and the AWS Config normaliser share, with the fields one answer fills.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { SecurityGroupRule } from '../../../model/types/ec2/security-group.js';
import type { FieldOf } from '../../contract/collector.js';
import { readEach, unexpected, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

/** Present values of a list of entries, in order. */
function values<E>(list: readonly E[] | undefined, value: (entry: E) => string | undefined): string[] {
  return (list ?? []).flatMap((entry) => {
    const v = value(entry);
    return v !== undefined ? [v] : [];
  });
}

/**
 * One IpPermission: protocol as EC2 spells it (`-1` all traffic, `tcp`, `udp`, `icmp`, `icmpv6`, a
 * protocol number); no ports (all-traffic rules, protocols without ports) are null; for ICMP the
 * ports are the type and code, -1 meaning all. A group reference names the group id (or, for the
 * rare reference that has none, its name).
 */
export function securityGroupRule(permission: IpPermission): Read<SecurityGroupRule> {
  if (permission.IpProtocol === undefined) return unexpected('a rule without IpProtocol');
  return ok({
    protocol: permission.IpProtocol,
    fromPort: permission.FromPort ?? null,
    toPort: permission.ToPort ?? null,
    ipv4Ranges: values(permission.IpRanges, (range) => range.CidrIp),
    ipv6Ranges: values(permission.Ipv6Ranges, (range) => range.CidrIpv6),
    prefixListIds: values(permission.PrefixListIds, (list) => list.PrefixListId),
    referencedGroupIds: values(permission.UserIdGroupPairs, (pair) => pair.GroupId ?? pair.GroupName),
  });
}

export function rules(permissions: readonly IpPermission[] | undefined): Read<SecurityGroupRule[]> {
  return readEach(permissions ?? [], securityGroupRule);
}

/** The fields one DescribeSecurityGroups answer fills (the AWS Config item carries the same). */
export const SECURITY_GROUP_FIELDS = [
  'groupId',
  'ownerId',
  'groupName',
  'description',
  'vpcId',
  'ingress',
  'egress',
  'name',
  'tags',
] as const satisfies readonly FieldOf<'AWS::EC2::SecurityGroup'>[];
