import iamSupportRole from '../../../insights/iam/iam-support-role.js';
import { account, iamGroup, iamRole, iamUser } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const OTHER = '222222222222';
const SUPPORT = { arn: 'arn:aws:iam::aws:policy/AWSSupportAccess', name: 'AWSSupportAccess' };
const GOV_SUPPORT = { arn: 'arn:aws-us-gov:iam::aws:policy/AWSSupportAccess', name: 'AWSSupportAccess' };
const SLR_POLICY = { arn: 'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy', name: 'AWSSupportServiceRolePolicy' };

/** The service-linked role every account has; it holds the service's policy, not AWSSupportAccess. */
const serviceLinked = (accountId?: string) =>
  iamRole(
    { path: '/aws-service-role/support.amazonaws.com/', attachedPolicies: [SLR_POLICY] },
    { id: 'AWSServiceRoleForSupport', ...(accountId !== undefined ? { accountId } : {}) },
  );
const supportRole = iamRole({ attachedPolicies: [SUPPORT] }, { id: 'aws-support' });
const deployer = iamRole();
const supportUser = iamUser({ attachedPolicies: [SUPPORT] }, { id: 'oncall' });
const supportGroup = iamGroup({ attachedPolicies: [SUPPORT], members: ['alice'] }, { id: 'support' });
const emptySupportGroup = iamGroup({ attachedPolicies: [SUPPORT], members: [] }, { id: 'support-nobody' });
/** A customer policy named like the AWS one: not AWSSupportAccess. */
const lookalike = iamRole({ attachedPolicies: [{ arn: 'arn:aws:iam::111111111111:policy/AWSSupportAccess', name: 'AWSSupportAccess' }] }, { id: 'lookalike' });

testInsight(
  iamSupportRole,
  [
    {
      name: 'a role holds AWSSupportAccess',
      resource: account(),
      inventory: [serviceLinked(), deployer, supportRole],
      status: 'pass',
      reason: /role aws-support/,
      evidence: { roles: ['aws-support'] },
    },
    {
      name: 'GovCloud account: the policy ARN follows the partition',
      resource: account({}, { arn: 'arn:aws-us-gov:::111111111111' }),
      inventory: [serviceLinked(), iamRole({ attachedPolicies: [GOV_SUPPORT] }, { id: 'gov-support' })],
      status: 'pass',
    },
    {
      name: 'only a user and a group hold it: CIS asks for a role',
      resource: account(),
      inventory: [serviceLinked(), deployer, supportUser, supportGroup],
      status: 'fail',
      reason: /attached to user oncall, group support but to no role/,
      evidence: { users: ['oncall'], groups: ['support'], roles: [] },
    },
    {
      name: 'a user holds it and roles are not required',
      resource: account(),
      params: { roleRequired: false },
      inventory: [serviceLinked(), supportUser],
      status: 'pass',
      reason: /user oncall/,
    },
    {
      name: 'only a group without members holds it, roles not required',
      resource: account(),
      params: { roleRequired: false },
      inventory: [serviceLinked(), emptySupportGroup],
      status: 'fail',
      reason: /the groups have no members/,
    },
    {
      name: 'nobody holds it',
      resource: account(),
      inventory: [serviceLinked(), deployer, iamUser(), iamGroup()],
      status: 'fail',
      reason: /attached to no role of the account/,
    },
    { name: 'a customer policy named AWSSupportAccess does not count', resource: account(), inventory: [serviceLinked(), lookalike], status: 'fail' },
    {
      name: 'the support role of another account does not count',
      resource: account(),
      inventory: [serviceLinked(), serviceLinked(OTHER), iamRole({ attachedPolicies: [SUPPORT] }, { id: 'aws-support', accountId: OTHER })],
      status: 'fail',
    },
    {
      name: 'a later page of the IAM authorization details failed: the support role may be among the roles not listed',
      resource: account(),
      inventory: [serviceLinked(), deployer],
      coverage: [
        {
          accountId: '111111111111',
          region: 'us-east-1',
          service: 'iam',
          operation: 'GetAccountAuthorizationDetails',
          resourceType: 'AWS::IAM::Role',
          error: { code: 'Throttling', message: 'Rate exceeded' },
        },
      ],
      status: 'error',
      reason: /could not all be listed \(iam:GetAccountAuthorizationDetails failed .*Throttling/,
    },
    { name: 'no role of the account in the inventory', resource: account(), inventory: [supportUser], status: 'error', reason: /roles were not collected/ },
    {
      name: 'IAM lists read in part',
      resource: account(),
      inventory: [serviceLinked(), iamGroup({ members: unknown('AccessDenied: iam:GetAccountAuthorizationDetails') })],
      status: 'error',
      reason: /read only in part/,
    },
    {
      name: 'a role whose attached policies could not be read',
      resource: account(),
      inventory: [serviceLinked(), iamRole({ attachedPolicies: unknown('UnexpectedResponse: iam:GetAccountAuthorizationDetails') }, { id: 'mystery' })],
      status: 'error',
      reason: /role mystery could not be read/,
    },
    {
      name: 'a readable support role wins over an unreadable one',
      resource: account(),
      inventory: [supportRole, iamRole({ attachedPolicies: unknown('UnexpectedResponse: iam:GetAccountAuthorizationDetails') }, { id: 'mystery' })],
      status: 'pass',
    },
  ],
  { alwaysApplies: 'every AWS account can have a support role, and CIS 2.15 asks it of each one' },
);
