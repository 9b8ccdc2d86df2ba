import vpcFlowLogs from '../../../insights/ec2/ec2-vpc-flow-logs.js';
import { vpc } from '../../../src/model/builders.js';
import type { FlowLog } from '../../../src/model/types/ec2/vpc.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

function log(flowLogId: string, overrides: Partial<FlowLog> = {}): FlowLog {
  return { flowLogId, trafficType: 'ALL', flowLogStatus: 'ACTIVE', deliverLogsStatus: 'SUCCESS', logDestinationType: 'cloud-watch-logs', ...overrides };
}

testInsight(vpcFlowLogs, [
  {
    name: 'active flow log of all traffic',
    resource: vpc({ flowLogs: [log('fl-all')] }),
    status: 'pass',
    reason: /flow log fl-all captures ALL traffic to cloud-watch-logs/,
  },
  {
    name: 'rejected traffic to S3',
    resource: vpc({ flowLogs: [log('fl-reject', { trafficType: 'REJECT', logDestinationType: 's3' })] }),
    status: 'pass',
    reason: /fl-reject captures REJECT/,
  },
  {
    name: 'an accept-only log beside a good one',
    resource: vpc({ flowLogs: [log('fl-accept', { trafficType: 'ACCEPT' }), log('fl-reject', { trafficType: 'REJECT' })] }),
    status: 'pass',
    reason: /fl-reject/,
  },
  { name: 'delivery status not reported', resource: vpc({ flowLogs: [log('fl-all', { deliverLogsStatus: null })] }), status: 'pass' },
  { name: 'default VPC with a flow log', resource: vpc({ isDefault: true }), status: 'pass' },
  { name: 'no flow log', resource: vpc({ flowLogs: [] }), status: 'fail', reason: /no flow log/, evidence: { flowLogs: [] } },
  { name: 'default VPC without a flow log', resource: vpc({ isDefault: true, flowLogs: [] }), status: 'fail' },
  {
    name: 'accepted traffic only',
    resource: vpc({ flowLogs: [log('fl-accept', { trafficType: 'ACCEPT' })] }),
    status: 'fail',
    reason: /fl-accept captures accepted traffic only/,
  },
  {
    name: 'delivery failing',
    resource: vpc({ flowLogs: [log('fl-broken', { deliverLogsStatus: 'FAILED', logDestinationType: 's3' })] }),
    status: 'fail',
    reason: /fl-broken fails to deliver to s3/,
  },
  {
    name: 'flow log not active',
    resource: vpc({ flowLogs: [log('fl-off', { flowLogStatus: 'INACTIVE' })] }),
    status: 'fail',
    reason: /is INACTIVE, not ACTIVE/,
  },
  {
    name: 'flow logs unreadable',
    resource: vpc({ flowLogs: unknown('UnauthorizedOperation: ec2:DescribeFlowLogs') }),
    status: 'error',
    reason: /flow logs could not be read/,
  },
  { name: 'VPC being created', resource: vpc({ state: 'pending', flowLogs: [] }), status: 'not-applicable', reason: /pending/ },
  { name: 'VPC shared from the network account', resource: vpc({ ownerId: '222222222222', flowLogs: [] }), status: 'not-applicable', reason: /222222222222/ },
]);
