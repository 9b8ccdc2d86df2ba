import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-security-group-changes',
  title: 'Security group changes raise a CloudWatch alarm',
  pattern: 'security-group-changes',
  severity: 'medium',
  rationale:
    'Security groups are the firewall of every instance and database; one rule opened to the internet exposes what it guards. An alarm on security group changes lets the network owners review each change as it is made (CIS AWS 5.10).',
  remediation: {
    cli: "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-security-group-changes --metric-transformations metricName=SecurityGroupChanges,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }' && aws cloudwatch put-metric-alarm --alarm-name cis-security-group-changes --metric-name SecurityGroupChanges --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>",
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric SecurityGroupChanges, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
