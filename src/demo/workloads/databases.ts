/** RDS instances, Aurora clusters and snapshots of a demo account. */
import { rdsCluster, rdsInstance, rdsSnapshot } from '../../model/builders.js';
import type { AnyResource, Resource, Tags } from '../../model/resource.js';
import type { AccountScope } from '../scope.js';

export type DemoEngine = 'oracle-ee' | 'postgres' | 'mysql' | 'aurora-postgresql';

/** `auditLog`: the CloudWatch Logs export that carries the engine's audit trail (pgaudit writes to the postgresql log). */
const ENGINES: Record<DemoEngine, { version: string; port: number; logs: readonly string[]; auditLog: string }> = {
  'oracle-ee': { version: '19.0.0.0.ru-2025-07.rur-2025-07.r1', port: 1521, logs: ['alert', 'listener', 'trace'], auditLog: 'audit' },
  postgres: { version: '16.6', port: 5432, logs: ['postgresql', 'upgrade'], auditLog: 'postgresql' },
  mysql: { version: '8.0.40', port: 3306, logs: ['error', 'slowquery'], auditLog: 'audit' },
  'aurora-postgresql': { version: '16.6', port: 5432, logs: ['postgresql'], auditLog: 'postgresql' },
};

export function enginePort(engine: DemoEngine): number {
  return ENGINES[engine].port;
}

/** The log type of an instance's audit trail, by the engine name it reports. */
export function auditLogType(engine: string): string | undefined {
  return Object.hasOwn(ENGINES, engine) ? ENGINES[engine as DemoEngine].auditLog : undefined;
}

export interface DatabaseSpec {
  identifier: string;
  region: string;
  engine: DemoEngine;
  tags: Tags;
  createdDaysAgo: number;
  instanceClass: string;
  /** Storage encrypted with this key (ARN); unencrypted when null. */
  kmsKeyArn: string | null;
  multiAz: boolean;
  publiclyAccessible: boolean;
  /** Export the engine's audit log to CloudWatch Logs (Oracle, MySQL). */
  auditLogExport: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  securityGroupIds: readonly string[];
  /** The source instance, when this is a read replica. */
  replicaOf?: string;
  /** Default true; off where the team pinned the engine version. */
  autoMinorVersionUpgrade?: boolean;
  /** The DB cluster the instance is a member of (Aurora). */
  clusterIdentifier?: string;
}

export function database(scope: AccountScope, spec: DatabaseSpec): Resource<'AWS::RDS::DBInstance'> {
  const engine = ENGINES[spec.engine];
  const logs = spec.auditLogExport && spec.engine !== 'postgres' ? ['audit', ...engine.logs] : [...engine.logs];
  return rdsInstance(
    {
      engine: spec.engine,
      engineVersion: engine.version,
      instanceClass: spec.instanceClass,
      status: 'available',
      publiclyAccessible: spec.publiclyAccessible,
      endpoint: { address: `${spec.identifier}.${scope.rdsHash(spec.region)}.${spec.region}.rds.amazonaws.com`, port: engine.port },
      storageEncrypted: spec.kmsKeyArn !== null,
      kmsKeyId: spec.kmsKeyArn,
      multiAz: spec.multiAz,
      backupRetentionPeriod: spec.backupRetentionDays,
      deletionProtection: spec.deletionProtection,
      cloudwatchLogsExports: logs,
      vpcSecurityGroupIds: [...spec.securityGroupIds],
      clusterIdentifier: spec.clusterIdentifier ?? null,
      readReplicaSourceIdentifier: spec.replicaOf ?? null,
      autoMinorVersionUpgrade: spec.autoMinorVersionUpgrade ?? true,
    },
    scope.envelope(spec.region, spec.identifier, spec.identifier, spec.tags, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface SnapshotSpec {
  /** The instance the snapshot was taken of. */
  of: Resource<'AWS::RDS::DBInstance'>;
  kind: 'manual' | 'automated';
  takenDaysAgo: number;
  tags: Tags;
  /** Shared with these accounts, or `all` (public). */
  restoreAccounts?: readonly string[];
}

export function dbSnapshot(scope: AccountScope, spec: SnapshotSpec): Resource<'AWS::RDS::DBSnapshot'> {
  const db = spec.of;
  const taken = scope.clock.daysAgo(spec.takenDaysAgo);
  const stamp = taken.slice(0, 16).replace(/[T:]/g, '-');
  const id = spec.kind === 'automated' ? `rds:${db.id}-${stamp}` : `${db.id}-manual-${stamp.slice(0, 10)}`;
  const encrypted = db.config.storageEncrypted === true;
  return rdsSnapshot(
    {
      dbInstanceIdentifier: db.id,
      snapshotType: spec.kind,
      engine: db.config.engine,
      status: 'available',
      encrypted,
      kmsKeyId: encrypted ? db.config.kmsKeyId : null,
      restoreAccounts: [...(spec.restoreAccounts ?? [])],
      snapshotCreateTime: taken,
    },
    scope.envelope(db.region, id, id, spec.tags, taken),
  );
}

export interface ClusterSpec {
  identifier: string;
  region: string;
  tags: Tags;
  createdDaysAgo: number;
  instanceClass: string;
  /** Storage encrypted with this key (ARN); unencrypted when null. */
  kmsKeyArn: string | null;
  /** Reader instances beside the writer, each in another Availability Zone (RDS then reports the cluster Multi-AZ). */
  readers: number;
  securityGroupIds: readonly string[];
}

/** An Aurora PostgreSQL cluster and its member instances (the writer first). */
export function* auroraCluster(scope: AccountScope, spec: ClusterSpec): Generator<AnyResource> {
  const engine = ENGINES['aurora-postgresql'];
  const members = Array.from({ length: spec.readers + 1 }, (_, i) => ({ instanceIdentifier: `${spec.identifier}-${i + 1}`, isWriter: i === 0 }));
  yield rdsCluster(
    {
      engine: 'aurora-postgresql',
      engineVersion: engine.version,
      engineMode: 'provisioned',
      status: 'available',
      storageEncrypted: spec.kmsKeyArn !== null,
      kmsKeyId: spec.kmsKeyArn,
      multiAz: spec.readers > 0,
      availabilityZones: ['a', 'b', 'c'].map((zone) => `${spec.region}${zone}`),
      members,
      publiclyAccessible: null,
      backupRetentionPeriod: 14,
      deletionProtection: true,
      cloudwatchLogsExports: [...engine.logs],
      autoMinorVersionUpgrade: true,
    },
    scope.envelope(spec.region, spec.identifier, spec.identifier, spec.tags, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
  for (const member of members) {
    yield database(scope, {
      identifier: member.instanceIdentifier,
      region: spec.region,
      engine: 'aurora-postgresql',
      tags: { ...spec.tags },
      createdDaysAgo: spec.createdDaysAgo,
      instanceClass: spec.instanceClass,
      kmsKeyArn: spec.kmsKeyArn,
      // Multi-AZ, backups and log exports of a member are the cluster's.
      multiAz: false,
      publiclyAccessible: false,
      auditLogExport: false,
      backupRetentionDays: 14,
      deletionProtection: true,
      securityGroupIds: spec.securityGroupIds,
      clusterIdentifier: spec.identifier,
    });
  }
}
