import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-console-auth-failures',
  title: 'Console authentication failures raise a CloudWatch alarm',
  pattern: 'console-auth-failures',
  severity: 'medium',
  rationale:
    'Failed console sign-ins in numbers are password guessing or credential stuffing against the users of the account. An alarm on them gives time to lock the targeted users and block the source before a guess succeeds (CIS AWS 5.6).',
  remediation: {
    cli: 'aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-console-auth-failures --metric-transformations metricName=ConsoleSigninFailures,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern \'{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }\' && aws cloudwatch put-metric-alarm --alarm-name cis-console-auth-failures --metric-name ConsoleSigninFailures --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>',
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric ConsoleSigninFailures, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
