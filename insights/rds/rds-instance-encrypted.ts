import { defineInsight } from '../../src/engine/define-insight.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { judgeStorageEncrypted } from '../judges/rds-storage-encryption.js';

export default defineInsight({
  id: 'rds-instance-encrypted',
  title: 'RDS DB instances encrypt their storage at rest',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'high',
  description:
    'Checks that the storage of RDS DB instances is encrypted with KMS. Members of a DB cluster are not applicable: their encryption is a setting of the cluster.',
  rationale:
    'Storage encryption covers the instance volume, its automated backups, read replicas and snapshots. An unencrypted instance exposes data to anyone who obtains a copy of its storage or snapshots, and encryption cannot be turned on in place later. Which key encrypts it is judged by rds-instance-encryption-cmk.',
  remediation: {
    cli: [
      'aws rds create-db-snapshot --db-instance-identifier <db-instance-id> --db-snapshot-identifier <snapshot-id>',
      'aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot-id> --target-db-snapshot-identifier <snapshot-id>-encrypted --kms-key-id <kms-key-arn>',
      'aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-db-instance-id> --db-snapshot-identifier <snapshot-id>-encrypted',
    ].join('\n'),
    console:
      'Encryption cannot be enabled on an existing instance: RDS console > Snapshots > take a snapshot > Actions > Copy snapshot > Enable encryption with a KMS key > restore the encrypted copy as a new instance, then switch clients to it and delete the old instance.',
  },
  reads: { self: ['status', 'clusterIdentifier', 'storageEncrypted'] },
  evaluate(db, { verdict }) {
    const skip = rdsInstanceNotApplicable(db, { clusterSetting: 'storage encryption' });
    if (skip !== undefined) return verdict.notApplicable(skip);
    return judgeStorageEncrypted(db.config.storageEncrypted, verdict);
  },
});
