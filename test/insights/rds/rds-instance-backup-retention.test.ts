import backupRetention from '../../../insights/rds/rds-instance-backup-retention.js';
import { rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(backupRetention, [
  { name: 'retention at the minimum', resource: rdsInstance({ backupRetentionPeriod: 7 }), status: 'pass' },
  { name: 'longest retention', resource: rdsInstance({ backupRetentionPeriod: 35 }), status: 'pass' },
  { name: 'stopped instance keeps its setting', resource: rdsInstance({ status: 'stopped', backupRetentionPeriod: 14 }), status: 'pass' },
  {
    name: 'one day short of the minimum',
    resource: rdsInstance({ backupRetentionPeriod: 6 }),
    status: 'fail',
    reason: /6 days, fewer than 7/,
    evidence: { backupRetentionPeriod: 6, minDays: 7 },
  },
  { name: 'backups off', resource: rdsInstance({ backupRetentionPeriod: 0 }), status: 'fail', reason: /off/ },
  { name: 'tightened minimum', resource: rdsInstance({ backupRetentionPeriod: 7 }), params: { minDays: 14 }, status: 'fail' },
  { name: 'relaxed minimum', resource: rdsInstance({ backupRetentionPeriod: 1 }), params: { minDays: 1 }, status: 'pass' },
  {
    name: 'read replica without backups',
    resource: rdsInstance({ backupRetentionPeriod: 0, readReplicaSourceIdentifier: 'orders-primary' }),
    status: 'not-applicable',
    reason: /source instance/,
  },
  {
    name: 'Aurora member: retention is a cluster setting',
    resource: rdsInstance({ engine: 'aurora-postgresql', clusterIdentifier: 'orders', backupRetentionPeriod: 1 }),
    status: 'not-applicable',
  },
  { name: 'instance being deleted', resource: rdsInstance({ status: 'deleting', backupRetentionPeriod: 0 }), status: 'not-applicable' },
  {
    name: 'retention not readable',
    resource: rdsInstance({ backupRetentionPeriod: unknown('AccessDenied: rds:DescribeDBInstances') }),
    status: 'error',
  },
]);
