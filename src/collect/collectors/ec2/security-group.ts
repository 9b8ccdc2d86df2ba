/**
 * `AWS::EC2::SecurityGroup`, per region: every page of DescribeSecurityGroups, whose groups carry
 * their rules and tags. Each IpPermission becomes one rule with its sources kept as EC2 lists them
 * (the CIDR and port math lives in src/analysis/network.ts). Groups another account shares into a
 * shared VPC are kept with their owner's id; the insights judge them in the owner account.
 */
import { DescribeSecurityGroupsCommand, type IpPermission, type SecurityGroup } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { SecurityGroupConfig } from '../../../model/types/ec2/security-group.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { ec2Tags } from './tags.js';
import { reported } from '../../contract/reported.js';
import { rules, SECURITY_GROUP_FIELDS } from './security-group-rules.js';

type Ctx = CollectContext<'AWS::EC2::SecurityGroup'>;

/** DescribeSecurityGroups' MaxResults is 5 to 1000. */
const PAGE_SIZE = 1000;

const ACCOUNT_ID = /^[0-9]{12}$/;

export default defineCollector({
  resourceType: 'AWS::EC2::SecurityGroup',
  service: 'ec2',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeSecurityGroups',
      iamAction: 'ec2:DescribeSecurityGroups',
      fills: SECURITY_GROUP_FIELDS,
      required: true,
      lists: true,
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
    return normalised.ok ? normalised.value : ctx.unreadable(call, normalised.error.code, `${direction} of ${groupId}: ${normalised.error.message}`, ref);
  };

  const resource = ctx.resource({
    arn,
    id: groupId,
    name: group.GroupName ?? groupId,
    tags: ec2Tags(group.Tags),
    config: {
      groupId,
      ownerId: reported(ctx, call, owner, 'OwnerId', ref),
      groupName: reported(ctx, call, group.GroupName, 'GroupName', ref),
      description: group.Description ?? '',
      vpcId: group.VpcId ?? null,
      ingress: read('inbound rules', group.IpPermissions),
      egress: read('outbound rules', group.IpPermissionsEgress),
    },
  });
  ctx.emit(resource);
}
