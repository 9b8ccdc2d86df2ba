/**
 * The monitoring chain of a demo account: CloudWatch Logs log groups with metric filters, the
 * CloudWatch alarms on their metrics and the SNS topics the alarms notify. The security account
 * watches the organization trail's log group for the CIS AWS section 5 events; production
 * databases watch their exported audit logs.
 */
import { cisFilterPatterns, type CisPatternKey } from '../../analysis/monitoring/cis-filter-patterns.js';
import { arnFor } from '../../model/arn.js';
import { logGroup as logGroupResource, metricAlarm, snsTopic } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { MetricFilter, MetricTransformation } from '../../model/types/logs/log-group.js';
import type { SnsSubscription } from '../../model/types/sns/topic.js';
import type { AccountScope } from '../scope.js';
import { auditLogType } from './databases.js';

export function topicArn(accountId: string, region: string, name: string): string {
  return arnFor('AWS::SNS::Topic', accountId, region, name);
}

export interface TopicSpec {
  region: string;
  name: string;
  tags: Tags;
  subscriptions: readonly SnsSubscription[];
}

export function topic(scope: AccountScope, spec: TopicSpec): Resource<'AWS::SNS::Topic'> {
  return snsTopic(
    { subscriptions: spec.subscriptions.map((subscription) => ({ ...subscription })) },
    scope.envelope(spec.region, spec.name, spec.name, { ...spec.tags }),
  );
}

export interface LogGroupSpec {
  region: string;
  name: string;
  tags: Tags;
  /** null: the events never expire. */
  retentionDays: number | null;
  /** null: the CloudWatch Logs service key. */
  kmsKeyArn: string | null;
  filters: readonly MetricFilter[];
  createdAt: string;
}

export function logGroup(scope: AccountScope, spec: LogGroupSpec): Resource<'AWS::Logs::LogGroup'> {
  return logGroupResource(
    {
      logGroupName: spec.name,
      retentionInDays: spec.retentionDays,
      kmsKeyId: spec.kmsKeyArn,
      metricFilters: spec.filters.map((filter) => ({ ...filter, metricTransformations: filter.metricTransformations.map((m) => ({ ...m })) })),
    },
    scope.envelope(spec.region, spec.name, spec.name, { ...spec.tags }, spec.createdAt),
  );
}

export interface AlarmSpec {
  region: string;
  name: string;
  tags: Tags;
  metric: MetricTransformation;
  topicArn: string;
  /** Default true; false: muted, it changes state but notifies no one. */
  actionsEnabled?: boolean;
  state?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
}

export function alarm(scope: AccountScope, spec: AlarmSpec): Resource<'AWS::CloudWatch::Alarm'> {
  return metricAlarm(
    {
      alarmName: spec.name,
      actionsEnabled: spec.actionsEnabled ?? true,
      alarmActions: [spec.topicArn],
      metrics: [{ namespace: spec.metric.metricNamespace, metricName: spec.metric.metricName }],
      stateValue: spec.state ?? 'OK',
    },
    scope.envelope(spec.region, spec.name, spec.name, { ...spec.tags }),
  );
}

export const CIS_NAMESPACE = 'CISBenchmark';

/** The metric each CIS 5.x filter publishes, named as the benchmark's remediation names them. */
const CIS_METRICS: Record<CisPatternKey, string> = {
  'unauthorized-api-calls': 'UnauthorizedAPICalls',
  'console-signin-without-mfa': 'ConsoleSigninWithoutMFA',
  'root-usage': 'RootAccountUsage',
  'iam-policy-changes': 'IAMPolicyChanges',
  'cloudtrail-changes': 'CloudTrailConfigChanges',
  'console-auth-failures': 'ConsoleSigninFailures',
  'cmk-disable-or-deletion': 'DisableOrDeleteCMK',
  's3-bucket-policy-changes': 'S3BucketPolicyChanges',
  'config-changes': 'AWSConfigChanges',
  'security-group-changes': 'SecurityGroupChanges',
  'nacl-changes': 'NACLChanges',
  'network-gateway-changes': 'NetworkGatewayChanges',
  'route-table-changes': 'RouteTableChanges',
  'vpc-changes': 'VPCChanges',
  'organizations-changes': 'OrganizationsChanges',
};

export interface CisMonitoringSpec {
  region: string;
  /** The log group the organization trail delivers to. */
  logGroup: string;
  tags: Tags;
  kmsKeyArn: string | null;
  retentionDays: number;
  createdDaysAgo: number;
  topicArn: string;
  /** Controls whose metric filter and alarm were never created. */
  missing: readonly CisPatternKey[];
  /** Controls whose alarm has its actions disabled. */
  muted: readonly CisPatternKey[];
  /** Alarms in the ALARM state at collection time. */
  firing: readonly CisPatternKey[];
  /** Filters written as an earlier benchmark version words them, instead of the current pattern. */
  patterns: Partial<Record<CisPatternKey, string>>;
}

/** The log group of the organization trail with one metric filter per CIS 5.x control, and an alarm on each. */
export function* cisMonitoring(scope: AccountScope, spec: CisMonitoringSpec): Generator<Resource<'AWS::Logs::LogGroup'> | Resource<'AWS::CloudWatch::Alarm'>> {
  const keys = (Object.keys(cisFilterPatterns) as CisPatternKey[]).filter((key) => !spec.missing.includes(key));
  const metric = (key: CisPatternKey): MetricTransformation => ({ metricName: CIS_METRICS[key], metricNamespace: CIS_NAMESPACE });
  yield logGroup(scope, {
    region: spec.region,
    name: spec.logGroup,
    tags: spec.tags,
    retentionDays: spec.retentionDays,
    kmsKeyArn: spec.kmsKeyArn,
    filters: keys.map((key) => ({
      filterName: `cis-${cisFilterPatterns[key].control}-${key}`,
      filterPattern: spec.patterns[key] ?? cisFilterPatterns[key].pattern,
      metricTransformations: [metric(key)],
    })),
    createdAt: scope.clock.daysAgo(spec.createdDaysAgo),
  });
  for (const key of keys) {
    yield alarm(scope, {
      region: spec.region,
      name: `cis-${cisFilterPatterns[key].control}-${key}`,
      tags: spec.tags,
      metric: metric(key),
      topicArn: spec.topicArn,
      actionsEnabled: !spec.muted.includes(key),
      state: spec.firing.includes(key) ? 'ALARM' : 'OK',
    });
  }
}

/** What the metric filter on a database's audit log looks for, by engine. */
const AUDIT_FILTERS: Partial<Record<string, { pattern: string; what: string }>> = {
  // pgaudit's ROLE class: grants, revokes and role changes.
  postgres: { pattern: '?"ROLE,GRANT" ?"ROLE,REVOKE" ?"ROLE,CREATE ROLE" ?"ROLE,ALTER ROLE"', what: 'privilege-changes' },
  // Failed logons and locked accounts.
  'oracle-ee': { pattern: '?"ORA-01017" ?"ORA-28000"', what: 'failed-logons' },
  // The MariaDB audit plugin's failed connections.
  mysql: { pattern: '"FAILED_CONNECT"', what: 'failed-logons' },
};

export interface DatabaseLogsSpec {
  tags: Tags;
  retentionDays: number | null;
  /** A metric filter on the audit log and an alarm notifying this topic; none when absent. */
  alarmTopicArn?: string;
}

/**
 * The log groups RDS creates for the instance's exported logs (`/aws/rds/instance/<id>/<type>`), with
 * a metric filter on the audit log and an alarm on its metric when the spec names a topic.
 */
export function* databaseLogs(
  scope: AccountScope,
  db: Resource<'AWS::RDS::DBInstance'>,
  spec: DatabaseLogsSpec,
): Generator<Resource<'AWS::Logs::LogGroup'> | Resource<'AWS::CloudWatch::Alarm'>> {
  const exports = db.config.cloudwatchLogsExports;
  if (!Array.isArray(exports)) return;
  const audit = auditLogType(db.config.engine);
  for (const type of exports) {
    const watched = type === audit && spec.alarmTopicArn !== undefined ? AUDIT_FILTERS[db.config.engine] : undefined;
    const metric: MetricTransformation | undefined =
      watched === undefined ? undefined : { metricName: `${db.id}-${watched.what}`, metricNamespace: 'Ledgerline/DatabaseAudit' };
    yield logGroup(scope, {
      region: db.region,
      name: `/aws/rds/instance/${db.id}/${type}`,
      tags: spec.tags,
      retentionDays: spec.retentionDays,
      kmsKeyArn: null,
      filters:
        watched === undefined || metric === undefined
          ? []
          : [{ filterName: `${db.id}-${watched.what}`, filterPattern: watched.pattern, metricTransformations: [metric] }],
      // RDS creates the log group when the instance first exports to it.
      createdAt: db.createdAt ?? scope.org.collectedAt,
    });
    if (metric !== undefined && watched !== undefined && spec.alarmTopicArn !== undefined) {
      yield alarm(scope, { region: db.region, name: `${db.id}-audit-${watched.what}`, tags: spec.tags, metric, topicArn: spec.alarmTopicArn });
    }
  }
}
