import { defineInsight } from '../../src/engine/define-insight.js';
import { auditLogTypes, parseRdsEngine } from '../../src/analysis/rds-engine.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'rds-instance-audit-logs',
  title: 'RDS DB instances publish their audit logs to CloudWatch Logs',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  description:
    "Checks that RDS DB instances export the log types that carry their engine's audit trail to CloudWatch Logs: audit for Oracle, MySQL and MariaDB, postgresql for PostgreSQL, agent and error for SQL Server. RDS Custom instances and DB cluster members (whose exports are a cluster setting) are not applicable.",
  rationale:
    'Logs left on the instance rotate away within days and disappear with the instance; exported to CloudWatch Logs they are retained, encrypted, searchable and can raise alarms, which audits of database access (BANK-RDS-02) rely on. Exporting only error or slow-query logs does not count. The export carries what the engine writes: the audit plugin (MySQL, MariaDB), a file-based audit_trail (Oracle) or pgaudit (PostgreSQL) must also be configured in the option or parameter group.',
  remediation: {
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["<log-type>"]}\'',
    console: 'RDS console > Databases > the instance > Modify > Log exports > tick the audit log types of the engine > Apply immediately.',
  },
  reads: { self: ['engine', 'status', 'clusterIdentifier', 'cloudwatchLogsExports'] },
  evaluate(db, { verdict }) {
    const { engine, cloudwatchLogsExports } = db.config;
    const parsed = parseRdsEngine(engine);
    if (parsed?.custom === true) {
      return verdict.notApplicable(`RDS Custom (${engine}) does not export logs to CloudWatch Logs; the audit trail is collected on the host`);
    }
    const required = parsed === undefined ? undefined : auditLogTypes(parsed);
    const skip = rdsInstanceNotApplicable(db, {
      clusterSetting: required === undefined ? 'CloudWatch Logs export' : `CloudWatch Logs export of ${required.join(' and ')}`,
    });
    if (skip !== undefined) return verdict.notApplicable(skip);
    if (required === undefined) {
      return verdict.error(`no CloudWatch audit log type is known for engine ${engine}, so its audit logging cannot be judged`, { engine });
    }
    if (isUnknown(cloudwatchLogsExports)) return verdict.unreadable('CloudWatch Logs exports', cloudwatchLogsExports);
    const missing = required.filter((type) => !cloudwatchLogsExports.includes(type));
    if (missing.length > 0) {
      return verdict.fail(`the ${engine} instance does not export ${missing.join(' and ')} logs to CloudWatch Logs`, {
        engine,
        required,
        missing,
        cloudwatchLogsExports,
      });
    }
    return verdict.pass(() => `the instance exports ${required.join(' and ')} logs to CloudWatch Logs`);
  },
});
