/** Raises a database instance's automated backup retention to a minimum (never lowers it). */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'rds-set-backup-retention',
  title: 'Raise automated backup retention to the minimum',
  resourceType: 'AWS::RDS::DBInstance',
  options: Type.Object(
    { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 35, description: 'the minimum retention, in days (default 7, the packs’ minimum)' })) },
    { additionalProperties: false },
  ),
  permissions: ['rds:ModifyDBInstance'],
  destructive: false,
  plan(db, { options }) {
    const days = options.days ?? 7;
    const current = db.config.backupRetentionPeriod;
    // An Aurora member's backups are its cluster's (ModifyDBCluster): not this action's to change.
    if (db.config.clusterIdentifier !== null)
      return { kind: 'refused', summary: `backups of cluster member ${db.id} are set on cluster ${db.config.clusterIdentifier}` };
    if (isUnknown(current)) return { kind: 'refused', summary: `the backup retention could not be read (${current.$unknown})` };
    if (current >= days) return { kind: 'in-desired-state', summary: `backups are kept ${current} days` };
    const note = current === 0 ? ' (turning backups on restarts the instance briefly)' : '';
    return {
      kind: 'change',
      summary: `raise backup retention from ${current} to ${days} days${note}`,
      calls: [
        {
          service: 'rds',
          operation: 'ModifyDBInstance',
          input: { DBInstanceIdentifier: db.id, BackupRetentionPeriod: days, ApplyImmediately: true },
          permission: 'rds:ModifyDBInstance',
        },
      ],
    };
  },
});
