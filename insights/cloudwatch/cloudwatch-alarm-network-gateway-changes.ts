import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-network-gateway-changes',
  title: 'Network gateway changes raise a CloudWatch alarm',
  pattern: 'network-gateway-changes',
  severity: 'medium',
  rationale:
    'Internet and customer gateways are the doors between the VPCs and the outside; creating or attaching one can open a private network to the internet or to an unknown site. An alarm on gateway changes ensures that every new door is seen (CIS AWS 5.12).',
  remediation: {
    cli: "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-network-gateway-changes --metric-transformations metricName=NetworkGatewayChanges,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }' && aws cloudwatch put-metric-alarm --alarm-name cis-network-gateway-changes --metric-name NetworkGatewayChanges --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>",
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric NetworkGatewayChanges, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
