import { defineInsight } from '../../src/engine/define-insight.js';
import { rdsBeingDeleted } from '../../src/analysis/rds-being-deleted.js';
import { judgeStorageEncrypted } from '../judges/rds-storage-encryption.js';

export default defineInsight({
  id: 'rds-cluster-encrypted',
  title: 'RDS DB clusters encrypt their storage at rest',
  resourceType: 'AWS::RDS::DBCluster',
  severity: 'high',
  description:
    'Checks that the storage of RDS DB clusters (Aurora, Multi-AZ DB clusters, and the DocumentDB and Neptune clusters the RDS API lists) is encrypted with KMS. It covers the member instances, whose encryption is a setting of the cluster.',
  rationale:
    'Cluster storage encryption covers the shared cluster volume (or each member volume of a Multi-AZ DB cluster), its automated backups, snapshots and clones. An unencrypted cluster exposes data to anyone who obtains a copy of its storage or snapshots, and encryption cannot be turned on in place later. Which key encrypts it is judged by rds-cluster-encryption-cmk.',
  remediation: {
    cli: [
      'aws rds create-db-cluster-snapshot --db-cluster-identifier <db-cluster-id> --db-cluster-snapshot-identifier <snapshot-id>',
      'aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <new-db-cluster-id> --snapshot-identifier <snapshot-id> --engine <engine> --kms-key-id <kms-key-arn>',
      'aws rds create-db-instance --db-instance-identifier <new-db-cluster-id>-1 --db-cluster-identifier <new-db-cluster-id> --engine <engine> --db-instance-class <class>',
    ].join('\n'),
    console:
      'Encryption cannot be enabled on an existing cluster: RDS console > Databases > the cluster > Actions > Take snapshot > Snapshots > the snapshot > Actions > Restore snapshot > Encryption: enable, with a KMS key > add instances to the restored cluster, switch clients to it and delete the old cluster.',
  },
  reads: { self: ['status', 'storageEncrypted'] },
  evaluate(cluster, { verdict }) {
    const deleting = rdsBeingDeleted('cluster', cluster.config.status);
    if (deleting !== undefined) return verdict.notApplicable(deleting);
    return judgeStorageEncrypted(cluster.config.storageEncrypted, verdict);
  },
});
