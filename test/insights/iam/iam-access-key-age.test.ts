import accessKeyAge from '../../../insights/iam/iam-access-key-age.js';
import { iamUser } from '../../../src/model/builders.js';
import type { AccessKey } from '../../../src/model/types/iam/user.js';
import { unknown } from '../../../src/model/unknown.js';
import { TEST_NOW, testInsight } from '../../support/insight-tester.js';

/** An ISO date `days` (and `hours`) before the test clock. */
function ago(days: number, hours = 0): string {
  return new Date(Date.parse(TEST_NOW) - (days * 24 + hours) * 3_600_000).toISOString();
}

function key(id: string, createdDaysAgo: number, overrides: Partial<AccessKey> = {}): AccessKey {
  return { id, status: 'Active', createDate: ago(createdDaysAgo), lastUsedDate: ago(1), ...overrides };
}

testInsight(accessKeyAge, [
  { name: 'one young key', resource: iamUser({ accessKeys: [key('AKIAYOUNG', 10)] }), status: 'pass', reason: /oldest 10 days/ },
  { name: 'key exactly 90 days old', resource: iamUser({ accessKeys: [key('AKIAEDGE', 90)] }), status: 'pass' },
  {
    name: 'key 90 days and 23 hours old is still 90 whole days',
    resource: iamUser({ accessKeys: [{ ...key('AKIAEDGE', 90), createDate: ago(90, 23) }] }),
    status: 'pass',
  },
  {
    name: 'key 91 days old',
    resource: iamUser({ accessKeys: [key('AKIAOLD', 91)] }),
    status: 'fail',
    evidence: { keys: [{ id: 'AKIAOLD', ageDays: 91 }], maxAgeDays: 90 },
  },
  {
    name: 'old inactive key beside a young active one',
    resource: iamUser({ accessKeys: [key('AKIAOLD', 400, { status: 'Inactive' }), key('AKIAYOUNG', 5)] }),
    status: 'pass',
  },
  {
    name: 'one old key among two active',
    resource: iamUser({ accessKeys: [key('AKIAYOUNG', 5), key('AKIAOLD', 200)] }),
    status: 'fail',
    reason: /an active access key is older than 90 days \(oldest 200 days\)/,
  },
  {
    name: 'tightened maximum age',
    resource: iamUser({ accessKeys: [key('AKIAMID', 45)] }),
    params: { maxAgeDays: 30 },
    status: 'fail',
  },
  { name: 'no access keys', resource: iamUser({ accessKeys: [] }), status: 'not-applicable' },
  { name: 'only inactive keys', resource: iamUser({ accessKeys: [key('AKIAOLD', 400, { status: 'Inactive' })] }), status: 'not-applicable' },
  { name: 'access keys unreadable', resource: iamUser({ accessKeys: unknown('AccessDenied: iam:ListAccessKeys') }), status: 'error' },
]);
