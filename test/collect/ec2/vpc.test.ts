/**
 * The VPC collector against a mocked EC2: DescribeVpcs pages and DescribeFlowLogs pages (NextToken)
 * shaped as the EC2 API reference documents Vpc and FlowLog — flow logs of VPCs, subnets, network
 * interfaces and transit gateways mixed in one list; errors as EC2 raises them
 * (UnauthorizedOperation, not AccessDenied).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeFlowLogsCommand, DescribeVpcsCommand, EC2Client, type FlowLog, type Vpc } from '@aws-sdk/client-ec2';
import ec2Vpc from '../../../src/collect/collectors/ec2/vpc.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, ec2Error, unauthorized } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const NETWORK_ACCOUNT = '999988887777';
const vpcArn = (id: string, owner = ACCOUNT) => `arn:aws:ec2:${REGION}:${owner}:vpc/${id}`;

const V = {
  default: 'vpc-0a1b2c3d4e5f60001',
  ledger: 'vpc-0a1b2c3d4e5f60002',
  sandbox: 'vpc-0a1b2c3d4e5f60003',
  shared: 'vpc-0f9e8d7c6b5a40001',
};

function vpc(id: string, overrides: Partial<Vpc> = {}): Vpc {
  return {
    OwnerId: ACCOUNT,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [{ AssociationId: `vpc-cidr-assoc-${id.slice(-4)}`, CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
    IsDefault: false,
    Tags: [],
    VpcId: id,
    State: 'available',
    CidrBlock: '10.0.0.0/16',
    DhcpOptionsId: 'dopt-0a1b2c3d',
    ...overrides,
  };
}

function flowLog(id: string, resourceId: string, overrides: Partial<FlowLog> = {}): FlowLog {
  return {
    CreationTime: new Date('2025-11-03T08:15:00.000Z'),
    DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/flow-logs`,
    DeliverLogsStatus: 'SUCCESS',
    FlowLogId: id,
    FlowLogStatus: 'ACTIVE',
    LogGroupName: `/vpc/flow/${resourceId}`,
    ResourceId: resourceId,
    TrafficType: 'ALL',
    LogDestinationType: 'cloud-watch-logs',
    LogDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/vpc/flow/${resourceId}`,
    LogFormat:
      '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
    Tags: [],
    MaxAggregationInterval: 600,
    ...overrides,
  };
}

/** An S3 flow log names its bucket, not a log group, and no role. */
function s3FlowLog(id: string, resourceId: string, overrides: Partial<FlowLog> = {}): FlowLog {
  const {
    LogGroupName: _group,
    DeliverLogsPermissionArn: _role,
    ...log
  } = flowLog(id, resourceId, {
    LogDestinationType: 's3',
    LogDestination: 'arn:aws:s3:::flow-logs-archive/vpc/',
    DestinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: false, PerHourPartition: true },
    ...overrides,
  });
  return log;
}

let VPC_PAGES: Record<string, { vpcs: Vpc[]; next?: string }>;
let FLOW_LOG_PAGES: Record<string, { logs: FlowLog[]; next?: string }>;

function scenario(): void {
  VPC_PAGES = {
    first: {
      vpcs: [
        vpc(V.default, { IsDefault: true, CidrBlock: '172.31.0.0/16' }),
        vpc(V.ledger, {
          CidrBlock: '10.20.0.0/16',
          Tags: [
            { Key: 'Name', Value: 'ledger-prod' },
            { Key: 'owner', Value: 'payments' },
          ],
          Ipv6CidrBlockAssociationSet: [
            { AssociationId: 'vpc-cidr-assoc-v6', Ipv6CidrBlock: '2001:db8:1234:1a00::/56', Ipv6CidrBlockState: { State: 'associated' } },
          ],
        }),
      ],
      next: 'vpcs-2',
    },
    'vpcs-2': {
      vpcs: [
        vpc(V.sandbox, { State: 'pending', CidrBlock: '10.99.0.0/16' }),
        // Shared into this account's subnets from the network account.
        vpc(V.shared, { OwnerId: NETWORK_ACCOUNT, CidrBlock: '10.100.0.0/16' }),
      ],
    },
  };
  FLOW_LOG_PAGES = {
    first: {
      logs: [
        flowLog('fl-0000000000000001a', V.ledger),
        // A subnet's and an interface's flow logs are not the VPC's.
        flowLog('fl-0000000000000002a', 'subnet-0b000000000000001', { TrafficType: 'REJECT' }),
      ],
      next: 'logs-2',
    },
    'logs-2': {
      logs: [
        flowLog('fl-0000000000000003a', 'eni-0c000000000000001'),
        s3FlowLog('fl-0000000000000004a', V.ledger, { TrafficType: 'REJECT', DeliverLogsStatus: 'FAILED', DeliverLogsErrorMessage: 'Access error' }),
      ],
      next: 'logs-3',
    },
    'logs-3': {
      logs: [
        flowLog('fl-0000000000000005a', V.sandbox, { TrafficType: 'ACCEPT' }),
        // Transit gateway flow logs carry no traffic type.
        flowLog('fl-0000000000000006a', 'tgw-0d000000000000001', { TrafficType: undefined }),
      ],
    },
  };
}

const ec2 = mockClient(EC2Client);

function wire(): void {
  ec2.on(DescribeVpcsCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(1000);
    const page = VPC_PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw ec2Error('InvalidParameterValue', 'The token is invalid', 400);
    return { Vpcs: page.vpcs, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
  ec2.on(DescribeFlowLogsCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(1000);
    const page = FLOW_LOG_PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw ec2Error('InvalidParameterValue', 'The token is invalid', 400);
    return { FlowLogs: page.logs, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
}

beforeEach(() => {
  ec2.reset();
  scenario();
  wire();
});

afterEach(() => {
  ec2.reset();
});

describe('VPC collector', () => {
  it('reads every page of both lists, once per region, and normalises a VPC with its own flow logs exactly', async () => {
    const { resources, coverage } = await runCollector(ec2Vpc);
    expect(coverage).toEqual([]);
    expect(ec2.commandCalls(DescribeVpcsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'vpcs-2']);
    expect(ec2.commandCalls(DescribeFlowLogsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'logs-2', 'logs-3']);
    expect(resources).toHaveLength(4);
    expect(byId(resources, V.ledger)).toEqual({
      arn: vpcArn(V.ledger),
      type: 'AWS::EC2::VPC',
      accountId: ACCOUNT,
      region: REGION,
      id: V.ledger,
      name: 'ledger-prod',
      tags: { Name: 'ledger-prod', owner: 'payments' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        vpcId: V.ledger,
        ownerId: ACCOUNT,
        isDefault: false,
        cidrBlock: '10.20.0.0/16',
        state: 'available',
        flowLogs: [
          {
            flowLogId: 'fl-0000000000000001a',
            trafficType: 'ALL',
            flowLogStatus: 'ACTIVE',
            deliverLogsStatus: 'SUCCESS',
            logDestinationType: 'cloud-watch-logs',
          },
          { flowLogId: 'fl-0000000000000004a', trafficType: 'REJECT', flowLogStatus: 'ACTIVE', deliverLogsStatus: 'FAILED', logDestinationType: 's3' },
        ],
      },
    });
  });

  it('gives a VPC none of its subnets’ or interfaces’ flow logs, and an empty list when it has none', async () => {
    const { resources } = await runCollector(ec2Vpc);
    expect(byId(resources, V.default).config).toMatchObject({ isDefault: true, cidrBlock: '172.31.0.0/16', flowLogs: [] });
    expect(byId(resources, V.default).name).toBe(V.default);
    expect(byId(resources, V.sandbox).config).toMatchObject({ state: 'pending', flowLogs: [expect.objectContaining({ trafficType: 'ACCEPT' })] });
  });

  it('records the owner of a VPC shared from another account, with that account’s ARN', async () => {
    const { resources } = await runCollector(ec2Vpc);
    const shared = byId(resources, V.shared);
    expect(shared.accountId).toBe(ACCOUNT);
    expect(shared.config.ownerId).toBe(NETWORK_ACCOUNT);
    expect(shared.arn).toBe(vpcArn(V.shared, NETWORK_ACCOUNT));
  });

  it('a flow log from before other destinations existed, naming only its log group, goes to CloudWatch Logs', async () => {
    FLOW_LOG_PAGES['first']!.logs[0] = flowLog('fl-0000000000000001a', V.ledger, { LogDestinationType: undefined, LogDestination: undefined });
    const { resources, coverage } = await runCollector(ec2Vpc);
    expect(coverage).toEqual([]);
    expect(byId(resources, V.ledger).config.flowLogs).toContainEqual(
      expect.objectContaining({ flowLogId: 'fl-0000000000000001a', logDestinationType: 'cloud-watch-logs' }),
    );
  });

  it('UnauthorizedOperation on DescribeFlowLogs: the VPCs are kept, every one’s flow logs unknown, one coverage entry', async () => {
    ec2.on(DescribeFlowLogsCommand).rejects(unauthorized('ec2:DescribeFlowLogs'));
    const { resources, coverage } = await runCollector(ec2Vpc);
    expect(resources).toHaveLength(4);
    for (const resource of resources) expect(resource.config.flowLogs).toEqual(unknown('UnauthorizedOperation: ec2:DescribeFlowLogs'));
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'ec2',
        operation: 'DescribeFlowLogs',
        resourceType: 'AWS::EC2::VPC',
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('not authorized to perform: ec2:DescribeFlowLogs') },
        count: 1,
      },
    ]);
  });

  it('a flow log page that fails leaves every VPC’s flow logs unknown: the missing page could hold the good log', async () => {
    ec2.on(DescribeFlowLogsCommand, { NextToken: 'logs-3' }).rejects(ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503));
    const { resources, coverage } = await runCollector(ec2Vpc);
    expect(byId(resources, V.sandbox).config.flowLogs).toEqual(unknown('RequestLimitExceeded: ec2:DescribeFlowLogs'));
    expect(byId(resources, V.ledger).config.flowLogs).toEqual(unknown('RequestLimitExceeded: ec2:DescribeFlowLogs'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeFlowLogs', error: expect.objectContaining({ code: 'RequestLimitExceeded' }) })]);
  });

  it('UnauthorizedOperation on DescribeVpcs: no VPCs, and coverage names the EC2 code', async () => {
    ec2.on(DescribeVpcsCommand).rejects(unauthorized('ec2:DescribeVpcs'));
    const { resources, coverage } = await runCollector(ec2Vpc);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeVpcs', error: expect.objectContaining({ code: 'UnauthorizedOperation' }) })]);
  });

  it('a flow log of a VPC the model cannot hold leaves that VPC’s flow logs unknown, and the others’ read', async () => {
    FLOW_LOG_PAGES['logs-3']!.logs[0] = flowLog('fl-0000000000000005a', V.sandbox, { FlowLogStatus: undefined });
    const { resources, coverage } = await runCollector(ec2Vpc);
    expect(byId(resources, V.sandbox).config.flowLogs).toEqual(unknown('UnexpectedResponse: ec2:DescribeFlowLogs'));
    expect(byId(resources, V.ledger).config.flowLogs).toHaveLength(2);
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: vpcArn(V.sandbox),
        error: { code: 'UnexpectedResponse', message: `flow logs of ${V.sandbox}: a flow log without FlowLogStatus` },
      }),
    ]);
  });

  it('a flow log naming no resource could be any VPC’s: all flow logs unknown', async () => {
    FLOW_LOG_PAGES['logs-2']!.logs[0] = flowLog('fl-0000000000000003a', 'eni-0c000000000000001', { ResourceId: undefined });
    const { resources, coverage } = await runCollector(ec2Vpc);
    for (const resource of resources) expect(resource.config.flowLogs).toEqual(unknown('UnexpectedResponse: ec2:DescribeFlowLogs'));
    expect(coverage).toEqual([
      expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'flow log fl-0000000000000003a names no ResourceId' } }),
    ]);
  });

  it('without flowLogs selected, does not send DescribeFlowLogs and leaves flow logs NotCollected', async () => {
    const { resources } = await runCollector(ec2Vpc, { fields: ['state'] });
    expect(sentOperations(ec2.send.getCalls())).not.toContain('DescribeFlowLogs');
    expect(byId(resources, V.ledger).config.flowLogs).toEqual(unknown('NotCollected: ec2:DescribeFlowLogs'));
  });
});
