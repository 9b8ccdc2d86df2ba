/** cloudwatch insights (CIS AWS 5.1 to 5.15: metric filters and alarms on CloudTrail events), sorted by id. */
import type { Insight } from '../../src/engine/define-insight.js';
import cloudwatchAlarmCloudtrailChanges from './cloudwatch-alarm-cloudtrail-changes.js';
import cloudwatchAlarmCmkDisableOrDeletion from './cloudwatch-alarm-cmk-disable-or-deletion.js';
import cloudwatchAlarmConfigChanges from './cloudwatch-alarm-config-changes.js';
import cloudwatchAlarmConsoleAuthFailures from './cloudwatch-alarm-console-auth-failures.js';
import cloudwatchAlarmConsoleSigninWithoutMfa from './cloudwatch-alarm-console-signin-without-mfa.js';
import cloudwatchAlarmIamPolicyChanges from './cloudwatch-alarm-iam-policy-changes.js';
import cloudwatchAlarmNaclChanges from './cloudwatch-alarm-nacl-changes.js';
import cloudwatchAlarmNetworkGatewayChanges from './cloudwatch-alarm-network-gateway-changes.js';
import cloudwatchAlarmOrganizationsChanges from './cloudwatch-alarm-organizations-changes.js';
import cloudwatchAlarmRootUsage from './cloudwatch-alarm-root-usage.js';
import cloudwatchAlarmRouteTableChanges from './cloudwatch-alarm-route-table-changes.js';
import cloudwatchAlarmS3BucketPolicyChanges from './cloudwatch-alarm-s3-bucket-policy-changes.js';
import cloudwatchAlarmSecurityGroupChanges from './cloudwatch-alarm-security-group-changes.js';
import cloudwatchAlarmUnauthorizedApiCalls from './cloudwatch-alarm-unauthorized-api-calls.js';
import cloudwatchAlarmVpcChanges from './cloudwatch-alarm-vpc-changes.js';

export const cloudwatchInsights: readonly Insight[] = [
  cloudwatchAlarmCloudtrailChanges,
  cloudwatchAlarmCmkDisableOrDeletion,
  cloudwatchAlarmConfigChanges,
  cloudwatchAlarmConsoleAuthFailures,
  cloudwatchAlarmConsoleSigninWithoutMfa,
  cloudwatchAlarmIamPolicyChanges,
  cloudwatchAlarmNaclChanges,
  cloudwatchAlarmNetworkGatewayChanges,
  cloudwatchAlarmOrganizationsChanges,
  cloudwatchAlarmRootUsage,
  cloudwatchAlarmRouteTableChanges,
  cloudwatchAlarmS3BucketPolicyChanges,
  cloudwatchAlarmSecurityGroupChanges,
  cloudwatchAlarmUnauthorizedApiCalls,
  cloudwatchAlarmVpcChanges,
];
