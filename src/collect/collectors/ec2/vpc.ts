/**
 * `AWS::EC2::VPC`, per region: every page of DescribeVpcs, and every page of DescribeFlowLogs once
 * for the region, whose flow logs are grouped by the resource they capture (a VPC, a subnet, an
 * interface, a transit gateway); a VPC keeps those whose resource is the VPC itself. When the flow
 * logs could not all be read, every VPC's flow logs are unknown: a missing page could hold the one
 * log that makes a VPC compliant.
 */
import { DescribeFlowLogsCommand, DescribeVpcsCommand, type FlowLog as ApiFlowLog, type Vpc } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { FlowLog, VpcConfig } from '../../../model/types/ec2/vpc.js';
import { isUnknown, unknown, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { ec2Tags, nameTagOrId } from './tags.js';
import { present, reported } from '../../contract/reported.js';
import { unexpected, UNEXPECTED_RESPONSE, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = CollectContext<'AWS::EC2::VPC'>;

/** DescribeVpcs' MaxResults is 5 to 1000; DescribeFlowLogs takes up to 1000 too. */
const PAGE_SIZE = 1000;

const ACCOUNT_ID = /^[0-9]{12}$/;

const TRAFFIC_TYPES: ReadonlySet<string> = new Set(['ACCEPT', 'REJECT', 'ALL']);

/** Flow logs by the id of the resource they capture, or why that resource's logs cannot be held. */
type FlowLogsByResource = Map<string, Read<FlowLog[]>>;

/** One flow log, or why the model cannot hold it. */
export function flowLog(log: ApiFlowLog): Read<FlowLog> {
  // Flow logs from before other destinations existed name only their log group.
  const destination = log.LogDestinationType ?? (log.LogGroupName !== undefined ? 'cloud-watch-logs' : undefined);
  const fields = present(
    { FlowLogId: log.FlowLogId, TrafficType: log.TrafficType, FlowLogStatus: log.FlowLogStatus, LogDestinationType: destination },
    (absent) => `a flow log without ${absent}`,
  );
  if (!fields.ok) return fields;
  const required = fields.value;
  const trafficType = required.TrafficType;
  if (!TRAFFIC_TYPES.has(trafficType)) return unexpected(`flow log ${required.FlowLogId} has the traffic type '${trafficType}'`);
  return ok({
    flowLogId: required.FlowLogId,
    trafficType: trafficType,
    flowLogStatus: required.FlowLogStatus,
    deliverLogsStatus: log.DeliverLogsStatus ?? null,
    logDestinationType: required.LogDestinationType,
  });
}

export default defineCollector({
  resourceType: 'AWS::EC2::VPC',
  service: 'ec2',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeVpcs',
      iamAction: 'ec2:DescribeVpcs',
      fills: ['vpcId', 'ownerId', 'isDefault', 'cidrBlock', 'state', 'name', 'tags'],
      required: true,
      lists: true,
    },
    {
      operation: 'DescribeFlowLogs',
      iamAction: 'ec2:DescribeFlowLogs',
      fills: ['flowLogs'],
    },
  ],
  async collect(ctx) {
    const [listed, flowLogs] = await Promise.all([
      readAllPages(ctx, {
        command: (token) => new DescribeVpcsCommand({ MaxResults: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
        items: (page) => page.Vpcs,
        next: (page) => ({ token: page.NextToken, truncated: false }),
      }),
      flowLogsByResource(ctx),
    ]);
    const calls = {
      vpcs: { service: 'ec2', operation: 'DescribeVpcs', region: ctx.region },
      flowLogs: { service: 'ec2', operation: 'DescribeFlowLogs', region: ctx.region },
    } as const satisfies Record<string, CallRef>;
    for (const vpc of listedOnce(ctx, calls.vpcs, listed.items, (item) => item.VpcId, 'VpcId')) emitVpc(ctx, vpc, flowLogs, calls);
  },
});

async function flowLogsByResource(ctx: Ctx): Promise<FlowLogsByResource | Unknown> {
  if (!ctx.runs('DescribeFlowLogs')) return ctx.notCollected('DescribeFlowLogs');
  const listed = await readAllPages(ctx, {
    command: (token) => new DescribeFlowLogsCommand({ MaxResults: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
    items: (page) => page.FlowLogs,
    next: (page) => ({ token: page.NextToken, truncated: false }),
  });
  if (listed.unknown !== undefined) return listed.unknown;
  const byResource: FlowLogsByResource = new Map();
  const seen = new Set<string>();
  for (const log of listed.items) {
    // A log repeated by a retried page counts once; one without an id is kept to be found malformed.
    if (log.FlowLogId !== undefined && seen.has(log.FlowLogId)) continue;
    if (log.FlowLogId !== undefined) seen.add(log.FlowLogId);
    if (log.ResourceId === undefined) {
      // A log that names no resource could be any VPC's.
      const call: CallRef = { service: 'ec2', operation: 'DescribeFlowLogs', region: ctx.region };
      return ctx.unreadable(call, UNEXPECTED_RESPONSE, `flow log ${log.FlowLogId ?? '(no id)'} names no ResourceId`);
    }
    const held = byResource.get(log.ResourceId) ?? ok([]);
    if (!held.ok) continue;
    const normalised = flowLog(log);
    byResource.set(log.ResourceId, normalised.ok ? ok([...held.value, normalised.value]) : normalised);
  }
  return byResource;
}

function flowLogsOf(ctx: Ctx, byResource: FlowLogsByResource | Unknown, vpcId: string, call: CallRef, ref: ResourceRef): VpcConfig['flowLogs'] {
  // A copy, so that no two resources share one object.
  if (isUnknown(byResource)) return unknown(byResource.$unknown);
  const logs = byResource.get(vpcId) ?? ok([]);
  if (!logs.ok) return ctx.unreadable(call, logs.error.code, `flow logs of ${vpcId}: ${logs.error.message}`, ref);
  return logs.value.map((log) => ({ ...log }));
}

function emitVpc(ctx: Ctx, vpc: Vpc, flowLogs: FlowLogsByResource | Unknown, calls: { vpcs: CallRef; flowLogs: CallRef }): void {
  const vpcId = vpc.VpcId;
  if (vpcId === undefined) return;
  const owner = vpc.OwnerId !== undefined && ACCOUNT_ID.test(vpc.OwnerId) ? vpc.OwnerId : undefined;
  const arn = arnFor('AWS::EC2::VPC', owner ?? ctx.accountId, ctx.region, vpcId, ctx.partition);
  const ref: ResourceRef = { arn };
  const tags = ec2Tags(vpc.Tags);
  const resource = ctx.resource({
    arn,
    id: vpcId,
    name: nameTagOrId(tags, vpcId),
    tags,
    config: {
      vpcId,
      ownerId: reported(ctx, calls.vpcs, owner, 'OwnerId', ref),
      isDefault: reported(ctx, calls.vpcs, vpc.IsDefault, 'IsDefault', ref),
      cidrBlock: reported(ctx, calls.vpcs, vpc.CidrBlock, 'CidrBlock', ref),
      state: reported(ctx, calls.vpcs, vpc.State, 'State', ref),
      flowLogs: flowLogsOf(ctx, flowLogs, vpcId, calls.flowLogs, ref),
    },
  });
  ctx.emit(resource);
}
