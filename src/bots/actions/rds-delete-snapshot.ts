/**
 * Deletes the manual snapshots of a database instance that Vigil made (prefix and tag, see
 * vigil-snapshots.ts) and that are older than the retention — never one Vigil did not make, and
 * never the newest of Vigil's, so a schedule that stopped taking them does not empty the shelf.
 */
import { Type } from '@sinclair/typebox';
import { daysSince } from '../../analysis/time.js';
import { defineAction } from './define-action.js';
import { manualSnapshots, manualSnapshotsRead } from './vigil-snapshots.js';

export default defineAction({
  id: 'rds-delete-snapshot',
  title: "Delete Vigil's own manual snapshots older than the retention",
  resourceType: 'AWS::RDS::DBInstance',
  options: Type.Object(
    {
      retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'default 35' })),
      maxPerRun: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'at most this many deletions per database and run (default 10)' })),
    },
    { additionalProperties: false },
  ),
  permissions: ['rds:DescribeDBSnapshots', 'rds:DeleteDBSnapshot'],
  destructive: true,
  reads: (db) => [manualSnapshotsRead(db)],
  plan(_db, { options, now, answers }) {
    const retention = options.retentionDays ?? 35;
    const snapshots = manualSnapshots(answers[0]);
    if (typeof snapshots === 'string') return { kind: 'refused', summary: snapshots };
    const ours = snapshots.filter((s) => s.vigils && s.createdAt !== null).sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!));
    const expired = ours.slice(1).filter((s) => s.status === 'available' && daysSince(s.createdAt!, now) > retention);
    if (expired.length === 0) return { kind: 'in-desired-state', summary: `no snapshot of Vigil's is older than ${retention} days` };
    // The oldest first, at most maxPerRun of them.
    const batch = expired.slice(-(options.maxPerRun ?? 10)).reverse();
    return {
      kind: 'change',
      summary: `delete ${batch.length} of Vigil's snapshots older than ${retention} days: ${batch.map((s) => s.id).join(', ')}`,
      calls: batch.map((s) => ({
        service: 'rds' as const,
        operation: 'DeleteDBSnapshot',
        input: { DBSnapshotIdentifier: s.id },
        permission: 'rds:DeleteDBSnapshot',
      })),
    };
  },
});
