/**
 * When an RDS instance-level insight does not apply to an instance, and why — shared so that every
 * RDS insight draws the same lines:
 * - an instance being deleted is on its way out;
 * - on a member of a DB cluster (Aurora, Multi-AZ DB cluster, DocumentDB, Neptune) encryption,
 *   backups, Multi-AZ and log exports are settings of the cluster (the CreateDBInstance API
 *   ignores them for members), so the instance's own fields do not describe them;
 * - a read replica takes some settings (backups, Multi-AZ standby) from its source.
 */
import type { Resource } from '../model/resource.js';

type DbInstance = Resource<'AWS::RDS::DBInstance'>;

/** Statuses of an instance that is being deleted. */
const DELETING_STATUSES: ReadonlySet<string> = new Set(['deleting', 'delete-precheck']);

export interface RdsInstanceScope {
  /** The setting judged, when it belongs to the DB cluster for cluster members (e.g. `Multi-AZ`). */
  clusterSetting?: string;
  /** Why read replicas are out of scope, when they are (e.g. `backups are taken from the source instance`). */
  readReplicas?: string;
}

/** The reason the insight is not applicable to the instance, or undefined when it applies. */
export function rdsInstanceNotApplicable(instance: DbInstance, scope: RdsInstanceScope = {}): string | undefined {
  const { status, clusterIdentifier, readReplicaSourceIdentifier } = instance.config;
  if (DELETING_STATUSES.has(status)) return `the instance is being deleted (status ${status})`;
  if (scope.clusterSetting !== undefined && clusterIdentifier !== null) {
    return `${scope.clusterSetting} is a setting of DB cluster ${clusterIdentifier}, not of its member instances`;
  }
  if (scope.readReplicas !== undefined && readReplicaSourceIdentifier !== null) {
    return `read replica of ${readReplicaSourceIdentifier}: ${scope.readReplicas}`;
  }
  return undefined;
}
