import credentialsUnused from '../../../insights/iam/iam-credentials-unused.js';
import { iamUser } from '../../../src/model/builders.js';
import type { AccessKey } from '../../../src/model/types/iam/user.js';
import { unknown } from '../../../src/model/unknown.js';
import { TEST_NOW, testInsight } from '../../support/insight-tester.js';

/** An ISO date `days` before the test clock. */
function ago(days: number): string {
  return new Date(Date.parse(TEST_NOW) - days * 86_400_000).toISOString();
}

function key(id: string, createdDaysAgo: number, lastUsedDaysAgo: number | null, status: AccessKey['status'] = 'Active'): AccessKey {
  return { id, status, createDate: ago(createdDaysAgo), lastUsedDate: lastUsedDaysAgo === null ? null : ago(lastUsedDaysAgo) };
}

/** A console user created a year ago who signed in `days` ago, without access keys. */
function consoleUser(lastUsedDaysAgo: number | null) {
  return { createDate: ago(365), passwordEnabled: true, passwordLastUsed: lastUsedDaysAgo === null ? null : ago(lastUsedDaysAgo), accessKeys: [] };
}

const programmatic = { createDate: ago(365), passwordEnabled: false, passwordLastUsed: null };

testInsight(credentialsUnused, [
  { name: 'password used yesterday', resource: iamUser(consoleUser(1)), status: 'pass', reason: /used 1 day ago/ },
  { name: 'password used 44 days ago', resource: iamUser(consoleUser(44)), status: 'pass' },
  {
    name: 'password unused for exactly 45 days',
    resource: iamUser(consoleUser(45)),
    status: 'fail',
    evidence: { stale: [{ credential: 'console password', idleDays: 45 }] },
  },
  {
    name: 'password never used, user created a year ago',
    resource: iamUser(consoleUser(null)),
    status: 'fail',
    evidence: { stale: [{ credential: 'console password', lastUsed: null, idleDays: 365 }] },
  },
  {
    name: 'password never used, user created 10 days ago',
    resource: iamUser({ ...consoleUser(null), createDate: ago(10) }),
    status: 'pass',
    reason: /never used/,
  },
  { name: 'key used last week', resource: iamUser({ ...programmatic, accessKeys: [key('AKIAUSED', 300, 7)] }), status: 'pass' },
  {
    name: 'key unused for 60 days',
    resource: iamUser({ ...programmatic, accessKeys: [key('AKIASTALE', 300, 60)] }),
    status: 'fail',
    evidence: { stale: [{ credential: 'access key AKIASTALE', idleDays: 60 }] },
  },
  {
    name: 'key never used, created 50 days ago',
    resource: iamUser({ ...programmatic, accessKeys: [key('AKIANEVER', 50, null)] }),
    status: 'fail',
  },
  { name: 'key never used, created 3 days ago', resource: iamUser({ ...programmatic, accessKeys: [key('AKIANEW', 3, null)] }), status: 'pass' },
  {
    name: 'stale inactive key is already disabled',
    resource: iamUser({ ...programmatic, accessKeys: [key('AKIAOFF', 300, 200, 'Inactive'), key('AKIAUSED', 300, 2)] }),
    status: 'pass',
  },
  {
    name: 'fresh password but stale key',
    resource: iamUser({ ...consoleUser(2), accessKeys: [key('AKIASTALE', 300, 90)] }),
    status: 'fail',
    reason: /access key AKIASTALE unused for 90 days/,
  },
  { name: 'wider limit', resource: iamUser(consoleUser(60)), params: { maxDays: 90 }, status: 'pass' },
  {
    name: 'no password and no active key',
    resource: iamUser({ ...programmatic, accessKeys: [key('AKIAOFF', 300, 200, 'Inactive')] }),
    status: 'not-applicable',
  },
  {
    name: 'password last use unreadable',
    resource: iamUser({ ...consoleUser(1), passwordLastUsed: unknown('credential report not ready') }),
    status: 'error',
    reason: /password last used date/,
  },
  {
    name: 'keys unreadable for a user whose password is fresh',
    resource: iamUser({ ...consoleUser(1), accessKeys: unknown('AccessDenied: iam:ListAccessKeys') }),
    status: 'error',
  },
  {
    name: 'stale password fails even with unreadable keys',
    resource: iamUser({ ...consoleUser(100), accessKeys: unknown('AccessDenied: iam:ListAccessKeys') }),
    status: 'fail',
  },
]);
