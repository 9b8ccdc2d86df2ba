import groupEmpty from '../../../insights/iam/iam-group-empty.js';
import { iamGroup } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const readOnly = { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' };
const inline = { name: 'tickets', document: { Version: '2012-10-17', Statement: [] } };

testInsight(groupEmpty, [
  { name: 'group with members', resource: iamGroup({ members: ['alice', 'bob'] }), status: 'pass', reason: /2 members/ },
  {
    name: 'empty group with a managed policy',
    resource: iamGroup({ members: [], attachedPolicies: [readOnly] }),
    status: 'fail',
    evidence: { members: [], attachedPolicies: [readOnly] },
  },
  { name: 'empty group with an inline policy', resource: iamGroup({ members: [], attachedPolicies: [], inlinePolicies: [inline] }), status: 'fail' },
  {
    name: 'empty group with a policy and unreadable inline policies',
    resource: iamGroup({ members: [], attachedPolicies: [readOnly], inlinePolicies: unknown('AccessDenied: iam:ListGroupPolicies') }),
    status: 'fail',
  },
  { name: 'empty group that grants nothing', resource: iamGroup({ members: [], attachedPolicies: [], inlinePolicies: [] }), status: 'not-applicable' },
  { name: 'members unreadable', resource: iamGroup({ members: unknown('AccessDenied: iam:GetGroup') }), status: 'error' },
  {
    name: 'empty group whose policies are unreadable',
    resource: iamGroup({ members: [], attachedPolicies: unknown('AccessDenied: iam:ListAttachedGroupPolicies'), inlinePolicies: [] }),
    status: 'error',
  },
]);
