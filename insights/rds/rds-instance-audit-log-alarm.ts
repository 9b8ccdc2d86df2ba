import { defineInsight } from '../../src/engine/define-insight.js';
import { ALARM_CHAIN_LOOKUPS, alarmChainFrom, type FilterCriterion } from '../../src/analysis/monitoring/alarm-chain.js';
import { allPaths, unreadLink } from '../../src/analysis/monitoring/chain-search.js';
import { chainVerdict } from '../judges/chain-verdict.js';
import { auditLogTypes, parseRdsEngine } from '../../src/analysis/rds-engine.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

/** Which audit events deserve an alarm is the bank's call (grants, failed logins, audit-trail changes): any metric filter counts. */
const ACCEPTED = { accepted: true } as const;
const anyMetricFilter: FilterCriterion = { description: 'at all', accepts: () => ACCEPTED };

export default defineInsight({
  id: 'rds-instance-audit-log-alarm',
  title: 'RDS DB instances raise CloudWatch alarms on their audit logs',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  description:
    'Checks that each CloudWatch Logs log group an RDS DB instance exports its audit trail to (/aws/rds/instance/<id>/<log type>: audit for Oracle, MySQL and MariaDB, postgresql for PostgreSQL, agent and error for SQL Server) has a metric filter whose metric a CloudWatch alarm with actions enabled watches, and that the alarm notifies an SNS topic with a confirmed subscription. An instance that does not export its audit log fails; engines without an audit log export (Db2), RDS Custom and DB cluster members are not applicable.',
  rationale:
    'An exported audit log that nobody watches is only evidence after the fact. A metric filter on audit keywords (grants, failed logins, changes to the audit settings) with an alarm that reaches a subscribed team turns it into detection, which the bank requires for the databases that hold its data (BANK-MON-01).',
  remediation: {
    cli: 'aws logs put-metric-filter --log-group-name /aws/rds/instance/<db-instance-id>/<log-type> --filter-name <name> --filter-pattern \'<audit keywords, e.g. "GRANT">\' --metric-transformations metricName=<metric>,metricNamespace=<namespace>,metricValue=1 && aws cloudwatch put-metric-alarm --alarm-name <name> --metric-name <metric> --namespace <namespace> --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn> && aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <dba-team-address>',
    console:
      "CloudWatch console > Log groups > /aws/rds/instance/<db-instance-id>/<log-type> > Metric filters > Create metric filter on the audit keywords; then Create alarm on its metric notifying an SNS topic, and confirm the topic's subscription. Export the audit log first if needed (RDS console > Modify > Log exports).",
  },
  reads: { self: ['engine', 'status', 'clusterIdentifier', 'cloudwatchLogsExports'], lookups: ALARM_CHAIN_LOOKUPS },
  evaluate(db, { inventory, verdict }) {
    const { engine, cloudwatchLogsExports } = db.config;
    const parsed = parseRdsEngine(engine);
    if (parsed?.custom === true) return verdict.notApplicable(`RDS Custom (${engine}) does not export logs to CloudWatch Logs`);
    const required = parsed === undefined ? undefined : auditLogTypes(parsed);
    if (parsed !== undefined && required === undefined) return verdict.notApplicable(`${engine} has no audit log export to CloudWatch Logs`);
    const skip = rdsInstanceNotApplicable(db, { clusterSetting: 'CloudWatch Logs export of the audit log' });
    if (skip !== undefined) return verdict.notApplicable(skip);
    if (required === undefined)
      return verdict.error(`no CloudWatch audit log type is known for engine ${engine}, so its audit alarms cannot be judged`, { engine });
    if (isUnknown(cloudwatchLogsExports)) return verdict.unreadable('CloudWatch Logs exports', cloudwatchLogsExports);
    const notExported = required.filter((type) => !cloudwatchLogsExports.includes(type));
    if (notExported.length > 0) {
      return verdict.fail(`the ${engine} instance does not export ${notExported.join(' and ')} logs to CloudWatch Logs, so no alarm can watch them`, {
        required,
        notExported,
        cloudwatchLogsExports,
      });
    }
    const searches = required.map((type) => {
      const name = `/aws/rds/instance/${db.id}/${type}`;
      const logGroup = inventory.find('AWS::Logs::LogGroup', db.accountId, db.region, name);
      return logGroup === undefined ? unreadLink(`log group ${name} is not in the inventory`) : alarmChainFrom(logGroup, anyMetricFilter, inventory);
    });
    return chainVerdict(allPaths(searches), verdict, 'audit log alarm');
  },
});
