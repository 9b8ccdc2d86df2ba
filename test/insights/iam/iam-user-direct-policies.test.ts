import directPolicies from '../../../insights/iam/iam-user-direct-policies.js';
import { iamUser } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const admin = { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' };
const quarantine = { arn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3', name: 'AWSCompromisedKeyQuarantineV3' };
const inline = { name: 'deploy', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] } };

testInsight(directPolicies, [
  { name: 'permissions through groups only', resource: iamUser({ attachedPolicies: [], inlinePolicies: [], groups: ['engineers'] }), status: 'pass' },
  {
    name: 'managed policy attached to the user',
    resource: iamUser({ attachedPolicies: [admin] }),
    status: 'fail',
    reason: /managed AdministratorAccess/,
    evidence: { attachedPolicies: [admin], inlinePolicies: [] },
  },
  { name: 'inline policy on the user', resource: iamUser({ inlinePolicies: [inline] }), status: 'fail', evidence: { inlinePolicies: ['deploy'] } },
  {
    name: 'quarantined user with another direct policy',
    resource: iamUser({ attachedPolicies: [quarantine, admin] }),
    status: 'fail',
    evidence: { attachedPolicies: [admin] },
  },
  {
    name: 'GovCloud quarantine policy alone',
    resource: iamUser({
      attachedPolicies: [{ arn: 'arn:aws-us-gov:iam::aws:policy/AWSCompromisedKeyQuarantine', name: 'AWSCompromisedKeyQuarantine' }],
    }),
    status: 'not-applicable',
  },
  { name: 'only the AWS quarantine policy', resource: iamUser({ attachedPolicies: [quarantine] }), status: 'not-applicable', reason: /quarantine/ },
  {
    name: 'customer policy named like the quarantine policy',
    resource: iamUser({ attachedPolicies: [{ arn: 'arn:aws:iam::111111111111:policy/AWSCompromisedKeyQuarantineV3', name: 'AWSCompromisedKeyQuarantineV3' }] }),
    status: 'fail',
  },
  { name: 'attached policies unreadable', resource: iamUser({ attachedPolicies: unknown('AccessDenied: iam:ListAttachedUserPolicies') }), status: 'error' },
  {
    name: 'inline policy fails even with unreadable attached policies',
    resource: iamUser({ attachedPolicies: unknown('AccessDenied: iam:ListAttachedUserPolicies'), inlinePolicies: [inline] }),
    status: 'fail',
  },
  { name: 'inline policies unreadable', resource: iamUser({ inlinePolicies: unknown('AccessDenied: iam:ListUserPolicies') }), status: 'error' },
]);
