/**
 * The metric filter patterns of CIS AWS Foundations Benchmark v7.0.0 section 5 (controls 5.1 to
 * 5.15), as the benchmark and Prowler's CIS 7.0 mapping state them. Where the benchmark text mixes
 * `&&` and `||` without parentheses (5.1, 5.13), the pattern here is grouped as the control means
 * it — the exclusions of 5.1 apply to both error codes, the event source of 5.13 to every route
 * event — and the benchmark text itself still matches it (see filter-pattern.ts).
 */
import type { RequiredPattern } from './filter-pattern.js';

const eventNames = (...names: string[]) => names.map((name) => `($.eventName = ${name})`).join(' || ');

export const cisFilterPatterns = {
  'unauthorized-api-calls': {
    control: '5.1',
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  /** Earlier benchmark versions offer the IAM-user and successful-login refinements for accounts that sign in through SSO. */
  'console-signin-without-mfa': {
    control: '5.2',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    acceptedRefinements: ['$.userIdentity.type = "IAMUser"', '$.responseElements.ConsoleLogin = "Success"'],
  },
  'root-usage': { control: '5.3', pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }' },
  'iam-policy-changes': {
    control: '5.4',
    pattern: `{ ${eventNames(
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    )} }`,
  },
  'cloudtrail-changes': { control: '5.5', pattern: `{ ${eventNames('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging')} }` },
  'console-auth-failures': { control: '5.6', pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }' },
  'cmk-disable-or-deletion': { control: '5.7', pattern: `{ ($.eventSource = kms.amazonaws.com) && (${eventNames('DisableKey', 'ScheduleKeyDeletion')}) }` },
  's3-bucket-policy-changes': {
    control: '5.8',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${eventNames(
      'PutBucketAcl',
      'PutBucketPolicy',
      'PutBucketCors',
      'PutBucketLifecycle',
      'PutBucketReplication',
      'DeleteBucketPolicy',
      'DeleteBucketCors',
      'DeleteBucketLifecycle',
      'DeleteBucketReplication',
    )}) }`,
  },
  'config-changes': {
    control: '5.9',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${eventNames('StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder')}) }`,
  },
  'security-group-changes': {
    control: '5.10',
    pattern: `{ ${eventNames(
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
      'ModifySecurityGroupRules',
    )} }`,
  },
  'nacl-changes': {
    control: '5.11',
    pattern: `{ ${eventNames('CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation')} }`,
  },
  'network-gateway-changes': {
    control: '5.12',
    pattern: `{ ${eventNames('CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway')} }`,
  },
  'route-table-changes': {
    control: '5.13',
    pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${eventNames(
      'CreateRoute',
      'CreateRouteTable',
      'ReplaceRoute',
      'ReplaceRouteTableAssociation',
      'DeleteRouteTable',
      'DeleteRoute',
      'DisassociateRouteTable',
    )}) }`,
  },
  'vpc-changes': {
    control: '5.14',
    pattern: `{ ${eventNames(
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'AttachClassicLinkVpc',
      'DetachClassicLinkVpc',
      'DisableVpcClassicLink',
      'EnableVpcClassicLink',
    )} }`,
  },
  'organizations-changes': {
    control: '5.15',
    pattern: `{ ($.eventSource = organizations.amazonaws.com) && (${eventNames(
      'AcceptHandshake',
      'AttachPolicy',
      'CreateAccount',
      'CreateOrganizationalUnit',
      'CreatePolicy',
      'DeclineHandshake',
      'DeleteOrganization',
      'DeleteOrganizationalUnit',
      'DeletePolicy',
      'DetachPolicy',
      'DisablePolicyType',
      'EnablePolicyType',
      'InviteAccountToOrganization',
      'LeaveOrganization',
      'MoveAccount',
      'RemoveAccountFromOrganization',
      'UpdatePolicy',
      'UpdateOrganizationalUnit',
    )}) }`,
  },
} as const satisfies Record<string, RequiredPattern & { readonly control: string }>;

export type CisPatternKey = keyof typeof cisFilterPatterns;
