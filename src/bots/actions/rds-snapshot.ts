/**
 * Takes a manual snapshot of a database instance, tagged as Vigil's (`vigil-made-by: <bot>`), at
 * most one a day: today's snapshot already there is the desired state.
 */
import { Type } from '@sinclair/typebox';
import { defineAction } from './define-action.js';
import { manualSnapshots, manualSnapshotsRead, SNAPSHOT_TAG, snapshotIdFor } from './vigil-snapshots.js';

export default defineAction({
  id: 'rds-snapshot',
  title: "Take a manual snapshot of a database instance, tagged as Vigil's",
  resourceType: 'AWS::RDS::DBInstance',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['rds:DescribeDBSnapshots', 'rds:CreateDBSnapshot', 'rds:AddTagsToResource'],
  destructive: false,
  reads: (db) => [manualSnapshotsRead(db)],
  plan(db, { now, bot, answers }) {
    if (db.config.clusterIdentifier !== null)
      return { kind: 'refused', summary: `an Aurora member is backed up by snapshots of its cluster ${db.config.clusterIdentifier}, not of the instance` };
    const id = snapshotIdFor(db.id, now);
    const snapshots = manualSnapshots(answers[0]);
    if (typeof snapshots === 'string') return { kind: 'refused', summary: snapshots };
    if (snapshots.some((snapshot) => snapshot.id === id)) return { kind: 'in-desired-state', summary: `today's snapshot ${id} exists` };
    if (db.config.status !== 'available') return { kind: 'refused', summary: `the database is ${db.config.status}: a snapshot needs it available` };
    return {
      kind: 'change',
      summary: `snapshot to ${id}`,
      calls: [
        {
          service: 'rds',
          operation: 'CreateDBSnapshot',
          input: { DBInstanceIdentifier: db.id, DBSnapshotIdentifier: id, Tags: [{ Key: SNAPSHOT_TAG, Value: bot }] },
          permission: 'rds:CreateDBSnapshot',
        },
      ],
    };
  },
});
