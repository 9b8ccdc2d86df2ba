import accessKeyUnused from '../../../insights/iam/iam-access-key-unused.js';
import { iamUser } from '../../../src/model/builders.js';
import type { AccessKey } from '../../../src/model/types/iam/user.js';
import { unknown } from '../../../src/model/unknown.js';
import { TEST_NOW, testInsight } from '../../support/insight-tester.js';

function ago(days: number): string {
  return new Date(Date.parse(TEST_NOW) - days * 86_400_000).toISOString();
}

function key(id: string, lastUsedDaysAgo: number | null, overrides: Partial<AccessKey> = {}): AccessKey {
  return { id, status: 'Active', createDate: ago(400), lastUsedDate: lastUsedDaysAgo === null ? null : ago(lastUsedDaysAgo), ...overrides };
}

testInsight(accessKeyUnused, [
  { name: 'key used yesterday', resource: iamUser({ accessKeys: [key('AKIAUSED', 1)] }), status: 'pass' },
  { name: 'key unused exactly 90 days', resource: iamUser({ accessKeys: [key('AKIAEDGE', 90)] }), status: 'pass' },
  {
    name: 'key unused 91 days',
    resource: iamUser({ accessKeys: [key('AKIAIDLE', 91)] }),
    status: 'fail',
    evidence: { keys: [{ id: 'AKIAIDLE', idleDays: 91 }], maxUnusedDays: 90 },
  },
  {
    name: 'never used, created 100 days ago',
    resource: iamUser({ accessKeys: [key('AKIANEVER', null, { createDate: ago(100) })] }),
    status: 'fail',
    reason: /AKIANEVER never used for 100 days/,
  },
  { name: 'never used, created 10 days ago', resource: iamUser({ accessKeys: [key('AKIANEW', null, { createDate: ago(10) })] }), status: 'pass' },
  { name: 'idle key already inactive', resource: iamUser({ accessKeys: [key('AKIAOFF', 300, { status: 'Inactive' })] }), status: 'not-applicable' },
  { name: 'tighter limit', resource: iamUser({ accessKeys: [key('AKIAIDLE', 40)] }), params: { maxUnusedDays: 30 }, status: 'fail' },
  { name: 'access keys unreadable', resource: iamUser({ accessKeys: unknown('AccessDenied') }), status: 'error' },
]);
