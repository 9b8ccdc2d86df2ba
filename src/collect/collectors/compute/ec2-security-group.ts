/**
 * `AWS::EC2::SecurityGroup`, per region: every page of DescribeSecurityGroups, whose groups carry
 * their rules and tags. Each IpPermission becomes one rule with its sources kept as EC2 lists them
 * (the CIDR and port math lives in src/analysis/network.ts). Groups another account shares into a
 * shared VPC are kept with their owner's id; the insights judge them in the owner account.
 */
import { DescribeSecurityGroupsCommand, type IpPermission, type SecurityGroup } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { CollectedResource } from '../../../model/resource.js';
import type { SecurityGroupConfig, SecurityGroupRule } from '../../../model/types/ec2/security-group.js';
import type { CallRef, CollectContext } from '../../collect-context.js';
import { defineCollector, type FieldOf } from '../../collector.js';
import { listedOnce } from '../../normalise.js';
import { readAllPages } from '../../paginate.js';
import { ec2Tags } from './ec2-tags.js';
import { reported, UNEXPECTED_RESPONSE } from './reported.js';

type Ctx = CollectContext<'AWS::EC2::SecurityGroup'>;

/** DescribeSecurityGroups' MaxResults is 5 to 1000. */
const PAGE_SIZE = 1000;

const ACCOUNT_ID = /^[0-9]{12}$/;

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
export function securityGroupRule(permission: IpPermission): SecurityGroupRule | string {
  if (permission.IpProtocol === undefined) return 'a rule without IpProtocol';
  return {
    protocol: permission.IpProtocol,
    fromPort: permission.FromPort ?? null,
    toPort: permission.ToPort ?? null,
    ipv4Ranges: values(permission.IpRanges, (range) => range.CidrIp),
    ipv6Ranges: values(permission.Ipv6Ranges, (range) => range.CidrIpv6),
    prefixListIds: values(permission.PrefixListIds, (list) => list.PrefixListId),
    referencedGroupIds: values(permission.UserIdGroupPairs, (pair) => pair.GroupId ?? pair.GroupName),
  };
}

function rules(permissions: readonly IpPermission[] | undefined): SecurityGroupRule[] | string {
  const out: SecurityGroupRule[] = [];
  for (const permission of permissions ?? []) {
    const rule = securityGroupRule(permission);
    if (typeof rule === 'string') return rule;
    out.push(rule);
  }
  return out;
}

/** The fields one DescribeSecurityGroups answer fills (the AWS Config item carries the same). */
export const SECURITY_GROUP_FIELDS = ['groupId', 'ownerId', 'groupName', 'description', 'vpcId', 'ingress', 'egress', 'name', 'tags'] as const satisfies readonly FieldOf<'AWS::EC2::SecurityGroup'>[];

export default defineCollector({
  resourceType: 'AWS::EC2::SecurityGroup',
  service: 'ec2',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeSecurityGroups',
      iamAction: 'ec2:DescribeSecurityGroups',
      fills: SECURITY_GROUP_FIELDS,
      required: true, lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new DescribeSecurityGroupsCommand({ MaxResults: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.SecurityGroups,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'ec2', operation: 'DescribeSecurityGroups', region: ctx.region };
    for (const group of listedOnce(ctx, call, listed.items, (item) => item.GroupId, 'GroupId')) emitGroup(ctx, group, call);
  },
});

function emitGroup(ctx: Ctx, group: SecurityGroup, call: CallRef): void {
  const groupId = group.GroupId;
  if (groupId === undefined) return;
  const owner = group.OwnerId !== undefined && ACCOUNT_ID.test(group.OwnerId) ? group.OwnerId : undefined;
  const arn = group.SecurityGroupArn ?? arnFor('AWS::EC2::SecurityGroup', owner ?? ctx.accountId, ctx.region, groupId, ctx.partition);
  const ref = { arn };
  // The rules are what the group is for: one the model cannot hold leaves that direction unknown.
  const read = (direction: string, permissions: readonly IpPermission[] | undefined): SecurityGroupConfig['ingress'] => {
    const normalised = rules(permissions);
    return typeof normalised === 'string'
      ? ctx.unreadable(call, UNEXPECTED_RESPONSE, `${direction} of ${groupId}: ${normalised}`, ref)
      : normalised;
  };

  const resource: CollectedResource<'AWS::EC2::SecurityGroup'> = {
    arn,
    type: 'AWS::EC2::SecurityGroup',
    accountId: ctx.accountId,
    region: ctx.region,
    id: groupId,
    name: group.GroupName ?? groupId,
    tags: ec2Tags(group.Tags),
    source: 'api',
    observedAt: ctx.now().toISOString(),
    config: {
      groupId,
      ownerId: reported(ctx, call, owner, 'OwnerId', ref),
      groupName: reported(ctx, call, group.GroupName, 'GroupName', ref),
      description: group.Description ?? '',
      vpcId: group.VpcId ?? null,
      ingress: read('inbound rules', group.IpPermissions),
      egress: read('outbound rules', group.IpPermissionsEgress),
    },
  };
  ctx.emit(resource);
}
