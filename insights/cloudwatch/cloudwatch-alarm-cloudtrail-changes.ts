import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-cloudtrail-changes',
  title: 'CloudTrail configuration changes raise a CloudWatch alarm',
  pattern: 'cloudtrail-changes',
  severity: 'high',
  rationale:
    'Stopping, deleting or redirecting a trail is the first thing an attacker does to cover their tracks, and every later action then goes unrecorded. An alarm on trail changes catches the blinding of the audit log at the moment it happens (CIS AWS 5.5).',
  remediation: {
    cli: "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-cloudtrail-changes --metric-transformations metricName=CloudTrailConfigChanges,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }' && aws cloudwatch put-metric-alarm --alarm-name cis-cloudtrail-changes --metric-name CloudTrailConfigChanges --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>",
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric CloudTrailConfigChanges, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
