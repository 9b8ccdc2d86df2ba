import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-cmk-disable-or-deletion',
  title: 'Disabling or scheduled deletion of customer-managed KMS keys raises a CloudWatch alarm',
  pattern: 'cmk-disable-or-deletion',
  severity: 'high',
  rationale:
    'Data encrypted under a disabled or deleted KMS key cannot be read: disabling or scheduling the deletion of a customer-managed key is a ransom and sabotage technique, and a deleted key is gone for good. An alarm during the waiting period leaves time to cancel the deletion (CIS AWS 5.7).',
  remediation: {
    cli: "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-cmk-disable-or-deletion --metric-transformations metricName=DisableOrDeleteCMK,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }' && aws cloudwatch put-metric-alarm --alarm-name cis-cmk-disable-or-deletion --metric-name DisableOrDeleteCMK --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>",
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric DisableOrDeleteCMK, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
