import auditLogs from '../../../insights/rds/rds-instance-audit-logs.js';
import { rdsInstance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(auditLogs, [
  { name: 'Oracle exporting audit', resource: rdsInstance({ engine: 'oracle-ee-cdb', cloudwatchLogsExports: ['alert', 'audit'] }), status: 'pass' },
  { name: 'MySQL exporting audit', resource: rdsInstance({ engine: 'mysql', cloudwatchLogsExports: ['audit', 'error'] }), status: 'pass' },
  { name: 'MariaDB exporting audit', resource: rdsInstance({ engine: 'mariadb', cloudwatchLogsExports: ['audit'] }), status: 'pass' },
  { name: 'PostgreSQL exporting postgresql', resource: rdsInstance({ engine: 'postgres', cloudwatchLogsExports: ['postgresql'] }), status: 'pass' },
  {
    name: 'SQL Server exporting agent and error',
    resource: rdsInstance({ engine: 'sqlserver-se', cloudwatchLogsExports: ['error', 'agent'] }),
    status: 'pass',
  },
  {
    name: 'audit of a read replica counts: reads are audited where they run',
    resource: rdsInstance({ engine: 'oracle-ee', cloudwatchLogsExports: ['audit'], readReplicaSourceIdentifier: 'orders-primary' }),
    status: 'pass',
  },
  {
    name: 'Oracle exporting only alert (the Prowler pitfall)',
    resource: rdsInstance({ engine: 'oracle-se2', cloudwatchLogsExports: ['alert', 'listener'] }),
    status: 'fail',
    reason: /does not export audit/,
    evidence: { missing: ['audit'], cloudwatchLogsExports: ['alert', 'listener'] },
  },
  { name: 'MySQL exporting only slow queries', resource: rdsInstance({ engine: 'mysql', cloudwatchLogsExports: ['slowquery'] }), status: 'fail' },
  { name: 'PostgreSQL exporting only upgrade', resource: rdsInstance({ engine: 'postgres', cloudwatchLogsExports: ['upgrade'] }), status: 'fail' },
  {
    name: 'SQL Server exporting error but not agent',
    resource: rdsInstance({ engine: 'sqlserver-ee', cloudwatchLogsExports: ['error'] }),
    status: 'fail',
    evidence: { missing: ['agent'] },
  },
  { name: 'nothing exported', resource: rdsInstance({ engine: 'mariadb', cloudwatchLogsExports: [] }), status: 'fail' },
  {
    name: 'Aurora MySQL member: the cluster must export audit',
    resource: rdsInstance({ engine: 'aurora-mysql', clusterIdentifier: 'orders', cloudwatchLogsExports: [] }),
    status: 'not-applicable',
    reason: /export of audit is a setting of DB cluster orders/,
  },
  {
    name: 'Aurora PostgreSQL member: the cluster must export postgresql',
    resource: rdsInstance({ engine: 'aurora-postgresql', clusterIdentifier: 'orders', cloudwatchLogsExports: [] }),
    status: 'not-applicable',
    reason: /postgresql/,
  },
  {
    name: 'RDS Custom for Oracle does not export logs',
    resource: rdsInstance({ engine: 'custom-oracle-ee', cloudwatchLogsExports: [] }),
    status: 'not-applicable',
    reason: /RDS Custom/,
  },
  { name: 'instance being deleted', resource: rdsInstance({ engine: 'oracle-ee', status: 'deleting', cloudwatchLogsExports: [] }), status: 'not-applicable' },
  {
    name: 'unknown engine is named',
    resource: rdsInstance({ engine: 'timesten', cloudwatchLogsExports: ['audit'] }),
    status: 'error',
    reason: /engine timesten/,
  },
  {
    name: 'Db2 has no CloudWatch audit log type',
    resource: rdsInstance({ engine: 'db2-se', cloudwatchLogsExports: ['diag.log'] }),
    status: 'error',
    reason: /db2-se/,
  },
  {
    name: 'exports not readable',
    resource: rdsInstance({ engine: 'oracle-ee', cloudwatchLogsExports: unknown('AccessDenied: rds:DescribeDBInstances') }),
    status: 'error',
    reason: /CloudWatch Logs exports could not be read/,
  },
]);
