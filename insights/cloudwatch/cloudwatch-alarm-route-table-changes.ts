import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-route-table-changes',
  title: 'Route table changes raise a CloudWatch alarm',
  pattern: 'route-table-changes',
  severity: 'medium',
  rationale:
    'Route tables decide where traffic goes; a changed route can send private traffic through an attacker-controlled path or around an inspection appliance. An alarm on route table changes makes such a rerouting visible as it happens (CIS AWS 5.13).',
  remediation: {
    cli: "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-route-table-changes --metric-transformations metricName=RouteTableChanges,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }' && aws cloudwatch put-metric-alarm --alarm-name cis-route-table-changes --metric-name RouteTableChanges --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>",
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric RouteTableChanges, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
