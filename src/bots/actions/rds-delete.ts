/**
 * Deletes a database, never without a final snapshot: `vigil-final-<id>-<yyyymmdd>`, taken first
 * and waited for until available. An Aurora cluster member is deleted as an instance (the cluster
 * keeps the data); the last member takes the cluster with it only after a cluster snapshot.
 * Deletion protection is respected: the action refuses and says so.
 */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export function finalSnapshotId(id: string, now: Date): string {
  return `vigil-final-${id}-${now.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

export default defineAction({
  id: 'rds-delete',
  title: 'Delete a database instance after a final snapshot',
  resourceType: 'AWS::RDS::DBInstance',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['rds:CreateDBSnapshot', 'rds:DescribeDBSnapshots', 'rds:CreateDBClusterSnapshot', 'rds:DescribeDBClusterSnapshots', 'rds:DeleteDBInstance'],
  destructive: true,
  plan(db, { now }) {
    const { config } = db;
    if (isUnknown(config.deletionProtection))
      return { kind: 'refused', summary: `deletion protection could not be read (${config.deletionProtection.$unknown})` };
    if (config.deletionProtection) return { kind: 'refused', summary: 'deletion protection is on: turn it off by hand if the database must go' };
    if (config.status === 'deleting') return { kind: 'in-desired-state', summary: 'the database is being deleted' };
    if (config.status !== 'available') return { kind: 'refused', summary: `the database is ${config.status}: a final snapshot needs it available` };
    const snapshot = finalSnapshotId(db.id, now);
    const cluster = config.clusterIdentifier;
    const snapshotCall =
      cluster === null
        ? {
            service: 'rds' as const,
            operation: 'CreateDBSnapshot',
            input: { DBInstanceIdentifier: db.id, DBSnapshotIdentifier: snapshot },
            permission: 'rds:CreateDBSnapshot',
            waitUntil: { operation: 'DescribeDBSnapshots', input: { DBSnapshotIdentifier: snapshot }, path: 'DBSnapshots.0.Status', equals: 'available' },
          }
        : {
            service: 'rds' as const,
            operation: 'CreateDBClusterSnapshot',
            input: { DBClusterIdentifier: cluster, DBClusterSnapshotIdentifier: snapshot },
            permission: 'rds:CreateDBClusterSnapshot',
            waitUntil: {
              operation: 'DescribeDBClusterSnapshots',
              input: { DBClusterSnapshotIdentifier: snapshot },
              path: 'DBClusterSnapshots.0.Status',
              equals: 'available',
            },
          };
    return {
      kind: 'change',
      summary: `snapshot to ${snapshot}, wait until it is available, then delete ${cluster === null ? 'the instance' : `the instance (member of cluster ${cluster})`}`,
      calls: [
        snapshotCall,
        {
          service: 'rds',
          operation: 'DeleteDBInstance',
          // The snapshot above is the final one; the instance's own automated backups go with it.
          input: { DBInstanceIdentifier: db.id, SkipFinalSnapshot: true, DeleteAutomatedBackups: false },
          permission: 'rds:DeleteDBInstance',
        },
      ],
    };
  },
});
