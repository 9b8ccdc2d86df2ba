import { defineCisMonitoringInsight } from './define-cis-monitoring-insight.js';

export default defineCisMonitoringInsight({
  id: 'cloudwatch-alarm-console-signin-without-mfa',
  title: 'Console sign-ins without MFA raise a CloudWatch alarm',
  pattern: 'console-signin-without-mfa',
  severity: 'high',
  rationale:
    'A console sign-in without MFA means a password alone opened the account: a phished or reused password is enough. An alarm on each such sign-in finds users who escaped the MFA policy and sessions an attacker opened with a stolen password (CIS AWS 5.2).',
  remediation: {
    cli: 'aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name cis-console-signin-without-mfa --metric-transformations metricName=ConsoleSigninWithoutMFA,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern \'{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }\' && aws cloudwatch put-metric-alarm --alarm-name cis-console-signin-without-mfa --metric-name ConsoleSigninWithoutMFA --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>',
    console:
      "CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter: the filter pattern of the CLI command, namespace CISBenchmark, metric ConsoleSigninWithoutMFA, value 1; then Create alarm on that metric (Sum >= 1 in 5 minutes) notifying an SNS topic, and confirm the topic's subscription.",
  },
});
