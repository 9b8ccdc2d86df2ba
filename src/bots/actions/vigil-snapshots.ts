/**
 * The manual snapshots of a database instance that Vigil made, as `rds-snapshot` and
 * `rds-delete-snapshot` share them: both read the instance's manual snapshots live, and a
 * snapshot is Vigil's only when its identifier has Vigil's prefix **and** it carries Vigil's tag —
 * so a snapshot somebody named alike, or tagged alike by hand, is still not Vigil's to delete.
 */
import type { Resource } from '../../model/resource.js';
import type { ReadAnswer, ReadCall } from './define-action.js';

export const SNAPSHOT_PREFIX = 'vigil-backup-';
export const SNAPSHOT_TAG = 'vigil-made-by';

export interface ManualSnapshot {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string | null;
  readonly vigils: boolean;
}

/** `vigil-backup-<db>-<yyyymmdd>`: one a day at most. */
export function snapshotIdFor(db: string, now: Date): string {
  return `${SNAPSHOT_PREFIX}${db}-${now.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

export function manualSnapshotsRead(db: Resource<'AWS::RDS::DBInstance'>): ReadCall {
  return {
    service: 'rds',
    operation: 'DescribeDBSnapshots',
    input: { DBInstanceIdentifier: db.id, SnapshotType: 'manual', MaxRecords: 100 },
    permission: 'rds:DescribeDBSnapshots',
  };
}

/** The snapshots of the answer, or why they are not known (a failed read, or more than one page). */
export function manualSnapshots(answer: ReadAnswer | undefined): readonly ManualSnapshot[] | string {
  if (answer === undefined) return 'the snapshots were not read';
  if (!answer.ok) return `the snapshots could not be read (${answer.error})`;
  const { DBSnapshots, Marker } = answer.value as { DBSnapshots?: unknown; Marker?: unknown };
  if (typeof Marker === 'string' && Marker !== '') return 'the database has more than 100 manual snapshots: not all could be read';
  if (!Array.isArray(DBSnapshots)) return 'DescribeDBSnapshots answered without DBSnapshots';
  return DBSnapshots.map((raw) => {
    const snapshot = raw as {
      DBSnapshotIdentifier?: string;
      Status?: string;
      SnapshotCreateTime?: string | Date;
      TagList?: { Key?: string; Value?: string }[];
    };
    const id = snapshot.DBSnapshotIdentifier ?? '';
    const created = snapshot.SnapshotCreateTime;
    return {
      id,
      status: snapshot.Status ?? 'unknown',
      createdAt: created === undefined ? null : new Date(created).toISOString(),
      vigils: id.startsWith(SNAPSHOT_PREFIX) && (snapshot.TagList ?? []).some((tag) => tag.Key === SNAPSHOT_TAG),
    };
  });
}
