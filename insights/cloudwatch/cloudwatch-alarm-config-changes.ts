import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-config-changes',
  title: 'AWS Config configuration changes raise a CloudWatch alarm',
  pattern: 'config-changes',
  severity: 'medium',
  rationale:
    'AWS Config records how every resource is configured over time; stopping its recorder or changing its delivery channel blinds compliance monitoring and the history an investigation relies on. An alarm on those changes keeps the recorder from being switched off quietly (CIS AWS 5.9).',
  remediation: {
    cli: "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-config-changes --metric-transformations metricName=AWSConfigChanges,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }' && aws cloudwatch put-metric-alarm --alarm-name cis-config-changes --metric-name AWSConfigChanges --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>",
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric AWSConfigChanges, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
