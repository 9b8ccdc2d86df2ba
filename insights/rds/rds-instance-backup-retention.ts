import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'rds-instance-backup-retention',
  title: 'RDS DB instances keep automated backups long enough',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  description:
    'Checks that automated backups of RDS DB instances are on and kept for at least the minimum number of days. Read replicas and DB cluster members are not applicable: their backups are taken from the source instance or the cluster.',
  rationale:
    'Automated backups allow point-in-time restore within the retention period. With backups off (retention 0) a deleted table or a corrupted database cannot be recovered; with a short retention, damage noticed after a long weekend already lies outside the window.',
  remediation: {
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --backup-retention-period 7 --apply-immediately',
    console:
      'RDS console > Databases > the instance > Modify > Additional configuration > Backup > Backup retention period: at least the minimum > Apply immediately.',
  },
  reads: { self: ['status', 'clusterIdentifier', 'readReplicaSourceIdentifier', 'backupRetentionPeriod'] },
  params: Type.Object(
    { minDays: Type.Integer({ minimum: 1, maximum: 35, default: 7, description: 'Shortest accepted backup retention period, in days' }) },
    { additionalProperties: false },
  ),
  evaluate(db, { params, verdict }) {
    const skip = rdsInstanceNotApplicable(db, {
      clusterSetting: 'backup retention',
      readReplicas: 'point-in-time recovery comes from the backups of the source instance',
    });
    if (skip !== undefined) return verdict.notApplicable(skip);
    const { backupRetentionPeriod } = db.config;
    if (isUnknown(backupRetentionPeriod)) return verdict.unreadable('backup retention period', backupRetentionPeriod);
    if (backupRetentionPeriod === 0) return verdict.fail('automated backups are off (retention period 0)', { backupRetentionPeriod });
    if (backupRetentionPeriod < params.minDays) {
      return verdict.fail(`automated backups are kept ${backupRetentionPeriod} days, fewer than ${params.minDays}`, {
        backupRetentionPeriod,
        minDays: params.minDays,
      });
    }
    return verdict.pass(`automated backups are kept ${backupRetentionPeriod} days`);
  },
});
