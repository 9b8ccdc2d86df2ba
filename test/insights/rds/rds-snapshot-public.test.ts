import snapshotPublic from '../../../insights/rds/rds-snapshot-public.js';
import { rdsSnapshot } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(snapshotPublic, [
  { name: 'private manual snapshot', resource: rdsSnapshot({ restoreAccounts: [] }), status: 'pass' },
  {
    name: 'snapshot shared with named accounts only',
    resource: rdsSnapshot({ restoreAccounts: ['222222222222'] }),
    status: 'pass',
    reason: /shared with 222222222222/,
  },
  {
    name: 'public snapshot',
    resource: rdsSnapshot({ encrypted: false, kmsKeyId: null, restoreAccounts: ['all'] }),
    status: 'fail',
    evidence: { restoreAccounts: ['all'] },
  },
  { name: 'public and shared with an account', resource: rdsSnapshot({ encrypted: false, restoreAccounts: ['222222222222', 'all'] }), status: 'fail' },
  { name: 'public AWS Backup snapshot', resource: rdsSnapshot({ snapshotType: 'awsbackup', encrypted: false, restoreAccounts: ['all'] }), status: 'fail' },
  {
    name: 'automated snapshot cannot be shared',
    resource: rdsSnapshot({ snapshotType: 'automated', restoreAccounts: unknown('not collected for automated snapshots') }),
    status: 'not-applicable',
  },
  {
    name: 'snapshot another account shares with this one',
    resource: rdsSnapshot({ snapshotType: 'shared' }),
    status: 'not-applicable',
    reason: /another account/,
  },
  {
    name: 'restore attribute unreadable on an encrypted snapshot: encryption proves it is not public',
    resource: rdsSnapshot({ encrypted: true, restoreAccounts: unknown('AccessDenied: rds:DescribeDBSnapshotAttributes') }),
    status: 'pass',
    reason: /encrypted/,
  },
  {
    name: 'restore attribute unreadable on an unencrypted snapshot',
    resource: rdsSnapshot({ encrypted: false, restoreAccounts: unknown('AccessDenied: rds:DescribeDBSnapshotAttributes') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  {
    name: 'restore attribute and encryption both unreadable',
    resource: rdsSnapshot({ encrypted: unknown('AccessDenied'), restoreAccounts: unknown('AccessDenied: rds:DescribeDBSnapshotAttributes') }),
    status: 'error',
  },
]);
