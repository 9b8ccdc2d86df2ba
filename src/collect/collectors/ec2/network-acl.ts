/**
 * `AWS::EC2::NetworkAcl`, per region: every page of DescribeNetworkAcls, whose NACLs carry their
 * entries, subnet associations and tags. Entries are kept as EC2 numbers them (the final `*` deny
 * included), so that the analysis can evaluate them in AWS's order (src/analysis/network-acl.ts).
 * The NACLs of a VPC another account shares are kept with their owner's id; the insights judge them
 * in the owner account.
 */
import { DescribeNetworkAclsCommand, type NetworkAcl, type NetworkAclEntry as ApiEntry } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig } from '../../../model/resource.js';
import type { NetworkAclConfig, NetworkAclEntry } from '../../../model/types/ec2/network-acl.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { ec2Tags, nameTagOrId } from './tags.js';
import { present, reported } from '../../contract/reported.js';
import { readEach, unexpected, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = CollectContext<'AWS::EC2::NetworkAcl'>;

/** DescribeNetworkAcls' MaxResults is 5 to 1000. */
const PAGE_SIZE = 1000;

const ACCOUNT_ID = /^[0-9]{12}$/;

/** One entry, or why the model cannot hold it. */
export function networkAclEntry(entry: ApiEntry): Read<NetworkAclEntry> {
  const fields = present(
    { RuleNumber: entry.RuleNumber, Egress: entry.Egress, Protocol: entry.Protocol, RuleAction: entry.RuleAction },
    (absent) => `an entry without ${absent}`,
  );
  if (!fields.ok) return fields;
  const required = fields.value;
  if (required.RuleAction !== 'allow' && required.RuleAction !== 'deny') {
    return unexpected(`entry ${required.RuleNumber} has the rule action '${String(required.RuleAction)}'`);
  }
  return ok({
    ruleNumber: required.RuleNumber,
    egress: required.Egress,
    protocol: required.Protocol,
    ruleAction: required.RuleAction,
    cidrBlock: entry.CidrBlock ?? null,
    ipv6CidrBlock: entry.Ipv6CidrBlock ?? null,
    fromPort: entry.PortRange?.From ?? null,
    toPort: entry.PortRange?.To ?? null,
  });
}

function entries(list: readonly ApiEntry[] | undefined): Read<NetworkAclEntry[]> {
  return list === undefined ? unexpected('no Entries') : readEach(list, networkAclEntry);
}

export default defineCollector({
  resourceType: 'AWS::EC2::NetworkAcl',
  service: 'ec2',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeNetworkAcls',
      iamAction: 'ec2:DescribeNetworkAcls',
      fills: ['networkAclId', 'ownerId', 'vpcId', 'isDefault', 'entries', 'subnetIds', 'name', 'tags'],
      required: true,
      lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new DescribeNetworkAclsCommand({ MaxResults: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.NetworkAcls,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'ec2', operation: 'DescribeNetworkAcls', region: ctx.region };
    for (const acl of listedOnce(ctx, call, listed.items, (item) => item.NetworkAclId, 'NetworkAclId')) emitNetworkAcl(ctx, acl, call);
  },
});

function emitNetworkAcl(ctx: Ctx, acl: NetworkAcl, call: CallRef): void {
  const aclId = acl.NetworkAclId;
  if (aclId === undefined) return;
  const owner = acl.OwnerId !== undefined && ACCOUNT_ID.test(acl.OwnerId) ? acl.OwnerId : undefined;
  const arn = arnFor('AWS::EC2::NetworkAcl', owner ?? ctx.accountId, ctx.region, aclId, ctx.partition);
  const ref: ResourceRef = { arn };
  // The entries are what the NACL is for: one the model cannot hold leaves them all unknown.
  const normalised = entries(acl.Entries);
  const tags = ec2Tags(acl.Tags);
  const config: CollectedConfig<NetworkAclConfig> = {
    networkAclId: aclId,
    ownerId: reported(ctx, call, owner, 'OwnerId', ref),
    vpcId: reported(ctx, call, acl.VpcId, 'VpcId', ref),
    isDefault: reported(ctx, call, acl.IsDefault, 'IsDefault', ref),
    entries: normalised.ok ? normalised.value : ctx.unreadable(call, normalised.error.code, `entries of ${aclId}: ${normalised.error.message}`, ref),
    subnetIds: [...new Set((acl.Associations ?? []).flatMap((association) => (association.SubnetId !== undefined ? [association.SubnetId] : [])))].sort(),
  };
  const resource = ctx.resource({
    arn,
    id: aclId,
    name: nameTagOrId(tags, aclId),
    tags,
    config,
  });
  ctx.emit(resource);
}
