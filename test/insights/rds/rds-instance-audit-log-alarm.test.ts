import { expect } from 'vitest';
import auditLogAlarm from '../../../insights/rds/rds-instance-audit-log-alarm.js';
import { logGroup, metricAlarm, rdsInstance, snsTopic } from '../../../src/model/builders.js';
import type { MetricFilter } from '../../../src/model/types/logs/log-group.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const DB = 'ledger';
const NAMESPACE = 'BankAudit';

/** The log group RDS exports the log type of the `ledger` instance to, with one metric filter on audit keywords. */
function auditGroup(type: string, metricName = `Audit-${type}`, filters?: MetricFilter[]) {
  return logGroup(
    {
      metricFilters: filters ?? [
        { filterName: `${type}-grants`, filterPattern: '"GRANT"', metricTransformations: [{ metricName, metricNamespace: NAMESPACE }] },
      ],
    },
    { id: `/aws/rds/instance/${DB}/${type}` },
  );
}

const alarmOn = (metricName: string, config: Parameters<typeof metricAlarm>[0] = {}) =>
  metricAlarm({ metrics: [{ namespace: NAMESPACE, metricName }], ...config }, { id: `${metricName}-alarm` });

const oracle = rdsInstance({ engine: 'oracle-ee', cloudwatchLogsExports: ['alert', 'audit'] }, { id: DB });
const sqlServer = rdsInstance({ engine: 'sqlserver-se', cloudwatchLogsExports: ['agent', 'error'] }, { id: DB });
const topic = snsTopic();
const oracleChain = [auditGroup('audit'), alarmOn('Audit-audit'), topic];

testInsight(auditLogAlarm, [
  {
    name: 'Oracle audit log with a metric filter, an alarm and a subscribed topic',
    resource: oracle,
    inventory: oracleChain,
    status: 'pass',
    reason: /log group .*\/aws\/rds\/instance\/ledger\/audit → metric filter audit-grants → metric BankAudit\/Audit-audit → alarm Audit-audit-alarm/,
  },
  {
    name: 'SQL Server: both audit log groups watched',
    resource: sqlServer,
    inventory: [auditGroup('agent'), auditGroup('error'), alarmOn('Audit-agent'), alarmOn('Audit-error'), topic],
    status: 'pass',
  },
  {
    name: 'PostgreSQL postgresql log watched by a metric filter of any pattern',
    resource: rdsInstance({ engine: 'postgres', cloudwatchLogsExports: ['postgresql'] }, { id: DB }),
    inventory: [
      auditGroup('postgresql', 'PgAudit', [
        { filterName: 'all-events', filterPattern: '', metricTransformations: [{ metricName: 'PgAudit', metricNamespace: NAMESPACE }] },
      ]),
      alarmOn('PgAudit'),
      topic,
    ],
    status: 'pass',
  },
  {
    name: 'Oracle not exporting its audit log',
    resource: rdsInstance({ engine: 'oracle-ee', cloudwatchLogsExports: ['alert'] }, { id: DB }),
    status: 'fail',
    reason: /does not export audit logs to CloudWatch Logs/,
    evidence: { notExported: ['audit'] },
  },
  {
    name: 'audit log group without metric filters',
    resource: oracle,
    inventory: [auditGroup('audit', 'x', []), topic],
    status: 'fail',
    reason: /has no metric filter at all/,
  },
  {
    name: 'a metric filter nobody alarms on',
    resource: oracle,
    inventory: [auditGroup('audit'), alarmOn('SomethingElse'), topic],
    status: 'fail',
    reason: /no alarm watches metric BankAudit\/Audit-audit/,
  },
  {
    name: 'an alarm whose topic has only a pending subscription',
    resource: oracle,
    inventory: [
      auditGroup('audit'),
      alarmOn('Audit-audit'),
      snsTopic({ subscriptions: [{ protocol: 'email', endpoint: 'dba@example.com', confirmed: false }] }),
    ],
    status: 'fail',
  },
  {
    name: 'SQL Server: the error log watched, the agent log not — fails even with a topic unreadable',
    resource: sqlServer,
    inventory: [auditGroup('agent', 'x', []), auditGroup('error'), alarmOn('Audit-error', { alarmActions: ['arn:aws:sns:eu-west-1:999999999999:unscanned'] })],
    status: 'fail',
    evidence: { missing: [expect.stringContaining('/aws/rds/instance/ledger/agent has no metric filter')] },
  },
  {
    name: 'CloudWatch Logs exports unreadable',
    resource: rdsInstance({ engine: 'oracle-ee', cloudwatchLogsExports: unknown('AccessDenied: rds:DescribeDBInstances') }, { id: DB }),
    status: 'error',
  },
  {
    name: 'the audit log group not in the inventory',
    resource: oracle,
    inventory: [topic],
    status: 'error',
    reason: /\/aws\/rds\/instance\/ledger\/audit is not in the inventory/,
  },
  {
    name: 'the metric filters of the audit log group unreadable',
    resource: oracle,
    inventory: [logGroup({ metricFilters: unknown('AccessDeniedException: logs:DescribeMetricFilters') }, { id: `/aws/rds/instance/${DB}/audit` })],
    status: 'error',
  },
  {
    name: 'the subscriptions of the topic unreadable',
    resource: oracle,
    inventory: [auditGroup('audit'), alarmOn('Audit-audit'), snsTopic({ subscriptions: unknown('AuthorizationErrorException: sns:ListSubscriptions') })],
    status: 'error',
  },
  {
    name: 'an engine Vigil does not know',
    resource: rdsInstance({ engine: 'neptune', cloudwatchLogsExports: [] }, { id: DB }),
    status: 'error',
    reason: /no CloudWatch audit log type is known/,
  },
  {
    name: 'Db2, whose audit trail goes to S3',
    resource: rdsInstance({ engine: 'db2-se', cloudwatchLogsExports: [] }, { id: DB }),
    status: 'not-applicable',
    reason: /no audit log export/,
  },
  { name: 'RDS Custom', resource: rdsInstance({ engine: 'custom-oracle-ee', cloudwatchLogsExports: [] }, { id: DB }), status: 'not-applicable' },
  {
    name: 'Aurora member: the cluster exports the audit log',
    resource: rdsInstance({ engine: 'aurora-mysql', clusterIdentifier: 'orders', cloudwatchLogsExports: [] }, { id: DB }),
    status: 'not-applicable',
    reason: /setting of DB cluster orders/,
  },
  { name: 'an instance being deleted', resource: rdsInstance({ engine: 'oracle-ee', status: 'deleting' }, { id: DB }), status: 'not-applicable' },
]);
