import adminStar from '../../../insights/iam/iam-policy-admin-star.js';
import { iamPolicy } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const doc = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });
const ADMIN = { Sid: 'FullAdmin', Effect: 'Allow', Action: '*', Resource: '*' };
const attached = { users: ['carol'], groups: ['admins'], roles: ['break-glass'] };
const nowhere = { users: [], groups: [], roles: [] };

testInsight(adminStar, [
  { name: 'least-privilege policy', resource: iamPolicy({ attachedTo: attached }), status: 'pass', reason: /no statement allows every action/ },
  {
    name: 'admin statement, attached to a user, a group and a role',
    resource: iamPolicy({ document: doc(ADMIN), attachedTo: attached, defaultVersionId: 'v3' }),
    status: 'fail',
    reason: /statement 1 \(Sid "FullAdmin"\) allows every action on every resource, and the policy is attached to user carol, group admins, role break-glass/,
    evidence: { attachedTo: attached, defaultVersionId: 'v3', grants: [{ statement: 'statement 1 (Sid "FullAdmin")', conditions: [], narrowedBy: [] }] },
  },
  {
    name: '"*:*" in lists of actions and resources',
    resource: iamPolicy({ document: doc({ Effect: 'Allow', Action: ['ec2:*', '*:*'], Resource: ['*'] }), attachedTo: { ...nowhere, roles: ['ops'] } }),
    status: 'fail',
  },
  {
    name: 'admin under a condition still fails and says so',
    resource: iamPolicy({ document: doc({ ...ADMIN, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), attachedTo: attached }),
    status: 'fail',
    reason: /under the condition Bool aws:MultiFactorAuthPresent = true/,
  },
  {
    name: 'a Deny of a few actions does not make "*" least privilege',
    resource: iamPolicy({ document: doc(ADMIN, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }), attachedTo: attached }),
    status: 'fail',
    reason: /statement 2 deny part of it/,
  },
  {
    name: 'an unconditional NotAction Deny leaves only its actions',
    resource: iamPolicy({ document: doc(ADMIN, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }), attachedTo: attached }),
    status: 'pass',
    reason: /ended by statement 2, which leaves only s3:\*/,
  },
  {
    name: 'NotAction grant is broad but not "*:*"',
    resource: iamPolicy({ document: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }), attachedTo: attached }),
    status: 'pass',
    reason: /broad though not/,
    evidence: { nearAdmin: [{ statement: 'statement 1', allows: '* except iam:*, organizations:* on *' }] },
  },
  {
    name: 'admin policy attached to nothing',
    resource: iamPolicy({ document: doc(ADMIN), attachedTo: nowhere }),
    status: 'pass',
    reason: /attached to nothing/,
  },
  {
    name: 'AWS-managed AdministratorAccess',
    resource: iamPolicy({ awsManaged: true, document: doc(ADMIN), attachedTo: attached }),
    status: 'not-applicable',
    reason: /AWS-managed/,
  },
  { name: 'document unreadable', resource: iamPolicy({ document: unknown('UnparsablePolicy: iam:GetAccountAuthorizationDetails') }), status: 'error' },
  {
    name: 'admin policy whose attachments could not be read',
    resource: iamPolicy({ document: doc(ADMIN), attachedTo: unknown('AccessDenied: iam:GetAccountAuthorizationDetails') }),
    status: 'error',
    reason: /whether the policy is attached could not be read/,
  },
  {
    name: 'malformed document',
    resource: iamPolicy({ document: doc({ Effect: 'Allow', Resource: '*' }) }),
    status: 'error',
    reason: /statement 1: a statement must have Action or NotAction/,
  },
]);
