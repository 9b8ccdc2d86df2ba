import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  title: 'Unauthorized API calls raise a CloudWatch alarm',
  pattern: 'unauthorized-api-calls',
  severity: 'medium',
  rationale:
    'Bursts of AccessDenied and UnauthorizedOperation errors are how stolen credentials probing the account, and automation that lost its permissions, show up. An alarm on them lets the security team see the attempt while it happens instead of in the next log review (CIS AWS 5.1).',
  remediation: {
    cli: 'aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-unauthorized-api-calls --metric-transformations metricName=UnauthorizedAPICalls,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern \'{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }\' && aws cloudwatch put-metric-alarm --alarm-name cis-unauthorized-api-calls --metric-name UnauthorizedAPICalls --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>',
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric UnauthorizedAPICalls, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
