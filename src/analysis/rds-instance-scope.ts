/**
 * When an RDS instance-level insight does not apply to an instance, and why — shared so that every
 * RDS insight draws the same lines:
 * - an instance being deleted is on its way out;
 * - on a member of a DB cluster (Aurora, Multi-AZ DB cluster, DocumentDB, Neptune) encryption,
 *   backups, Multi-AZ and log exports are settings of the cluster (the CreateDBInstance API
 *   ignores them for members), so the instance's own fields do not describe them;
 * - a read replica takes some settings (backups, Multi-AZ standby) from its source.
 * It reads `status`, plus `clusterIdentifier` when the scope names a cluster setting and
 * `readReplicaSourceIdentifier` when it names why read replicas are out of scope.
 */
import type { Resource } from '../model/resource.js';
import { rdsBeingDeleted } from './rds-being-deleted.js';

type DbInstance = Resource<'AWS::RDS::DBInstance'>;

export interface RdsInstanceScope {
  /** The setting judged, when it belongs to the DB cluster for cluster members (e.g. `Multi-AZ`). */
  clusterSetting?: string;
  /** Why read replicas are out of scope, when they are (e.g. `backups are taken from the source instance`). */
  readReplicas?: string;
}

/** The reason the insight is not applicable to the instance, or undefined when it applies. */
export function rdsInstanceNotApplicable(instance: DbInstance, scope: RdsInstanceScope = {}): string | undefined {
  // Each field is read only when the scope asks about it, so an insight declares only what it uses.
  const { config } = instance;
  const deleting = rdsBeingDeleted('instance', config.status);
  if (deleting !== undefined) return deleting;
  if (scope.clusterSetting !== undefined) {
    const clusterIdentifier = config.clusterIdentifier;
    if (clusterIdentifier !== null) return `${scope.clusterSetting} is a setting of DB cluster ${clusterIdentifier}, not of its member instances`;
  }
  if (scope.readReplicas !== undefined) {
    const source = config.readReplicaSourceIdentifier;
    if (source !== null) return `read replica of ${source}: ${scope.readReplicas}`;
  }
  return undefined;
}
