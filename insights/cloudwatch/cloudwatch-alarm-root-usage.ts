import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-root-usage',
  title: 'Use of the root user raises a CloudWatch alarm',
  pattern: 'root-usage',
  severity: 'high',
  rationale:
    'The root user can do everything and cannot be restricted by IAM policies; day-to-day work never needs it. Any root activity that AWS itself did not invoke is either a rare break-glass task or a compromise, and both should page someone (CIS AWS 5.3).',
  remediation: {
    cli: 'aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-root-usage --metric-transformations metricName=RootAccountUsage,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern \'{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }\' && aws cloudwatch put-metric-alarm --alarm-name cis-root-usage --metric-name RootAccountUsage --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>',
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric RootAccountUsage, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
