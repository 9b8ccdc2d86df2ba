import { defineInsight } from '../../src/engine/define-insight.js';
import type { FlowLog } from '../../src/model/types/ec2/vpc.js';
import { isUnknown } from '../../src/model/unknown.js';

/** What keeps a flow log from recording the VPC's rejected traffic; none: it does. */
function shortfalls(log: FlowLog): string[] {
  return [
    ...(log.flowLogStatus === 'ACTIVE' ? [] : [`is ${log.flowLogStatus}, not ACTIVE`]),
    ...(log.trafficType === 'ACCEPT' ? ['captures accepted traffic only'] : []),
    ...(log.deliverLogsStatus === 'FAILED' ? [`fails to deliver to ${log.logDestinationType}`] : []),
  ];
}

export default defineInsight({
  id: 'ec2-vpc-flow-logs',
  title: 'VPC flow logging captures rejected traffic in every VPC',
  resourceType: 'AWS::EC2::VPC',
  severity: 'medium',
  description:
    'Checks that the VPC has a flow log of its own (not only of some subnets or interfaces) that is ACTIVE, captures REJECT or ALL traffic, and is not failing to deliver its logs. Default VPCs are judged too. A VPC still being created (state pending) is not applicable until it is available; VPCs shared from another account are judged in the owner account, whose flow logs they are.',
  rationale:
    'Flow logs are the record of who tried to reach what in the network: without the rejected traffic, scans, blocked exfiltration attempts and lateral movement leave no trace, and an incident cannot be reconstructed (CIS AWS 4.7).',
  remediation: {
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type REJECT --log-destination-type cloud-watch-logs --log-group-name <log-group> --deliver-logs-permission-arn <role-arn>  # or --traffic-type ALL, or --log-destination-type s3 --log-destination <bucket-arn>',
    console:
      'VPC console > Your VPCs > the VPC > Flow logs tab > Create flow log: Filter Reject (or All), a CloudWatch Logs group or an S3 bucket as destination.',
  },
  reads: { self: ['ownerId', 'state', 'flowLogs'] },
  evaluate(vpc, { verdict }) {
    const { ownerId, state, flowLogs } = vpc.config;
    if (ownerId !== vpc.accountId) {
      return verdict.notApplicable(`the VPC is shared from account ${ownerId}, which owns its flow logs and where it is judged`);
    }
    // A pending VPC becomes available within seconds; its flow logs are judged from then on.
    if (state !== 'available') return verdict.notApplicable(`the VPC is ${state}, not yet available`);
    if (isUnknown(flowLogs)) return verdict.unreadable('flow logs', flowLogs);
    if (flowLogs.length === 0) return verdict.fail('the VPC has no flow log', { flowLogs: [] });
    const good = flowLogs.find((log) => shortfalls(log).length === 0);
    if (good !== undefined) {
      return verdict.pass(`flow log ${good.flowLogId} captures ${good.trafficType} traffic to ${good.logDestinationType}`);
    }
    return verdict.fail(flowLogs.map((log) => `flow log ${log.flowLogId} ${shortfalls(log).join(', ')}`).join('; '), { flowLogs });
  },
});
